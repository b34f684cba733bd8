"""A plan task's key from a hand-edited backup reaches the calendar as marks, not controls (qa17).

Found from outside in session 14: a backup whose `plan_tasks[].key` held ESC, BEL and
U+202E imported (the key is free text), and `export -f ics` wrote them raw into each
event's UID (`UID:journeymap-w1-plan-␛]52;c;…`), and into SUMMARY when the task had no
title: control characters are not allowed in iCalendar text, and `cat plan.ics` ran
them in the terminal.  Every other field already went through the calendar's text rule.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import PlanTask
from models.export.plan_ics import plan_ics

HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\u202eRLO\r\nBEGIN:VEVENT\nX"


def _calendar(tmp_path: Path, key: str, title: str = "") -> bytes:
    with Store(tmp_path / "team.db", who="lea", create=True) as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
        store.add(PlanTask(workshop_id=wid, key=key, title=title, phase="Weeks 1-2",
                           deadline=dt.date(2026, 12, 14)))
        return plan_ics(store.load(wid), dt.date(2026, 12, 1))


def _lines(ics: bytes) -> list[str]:
    """The calendar's logical lines (folds joined), each checked without its CRLF."""
    text = ics.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")


def test_a_hostile_key_leaves_no_control_in_the_calendar(tmp_path: Path) -> None:
    lines = _lines(_calendar(tmp_path, HOSTILE))
    for line in lines:
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in line), line
        assert "\u202e" not in line
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    uid = next(line for line in lines if line.startswith("UID:"))
    summary = next(line for line in lines if line.startswith("SUMMARY:"))
    assert "RLO" in uid and "RLO" in summary


def test_a_generated_key_keeps_its_uid(tmp_path: Path) -> None:
    lines = _lines(_calendar(tmp_path, "review-30", title="Review"))
    assert "UID:journeymap-w1-plan-review-30@journeymap.local" in lines
