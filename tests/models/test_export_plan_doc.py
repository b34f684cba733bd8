"""The document a leader reads: summary first, narrow tables, a readable quadrant, the plan."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from models.db.store import Store
from models.db.tables.cards import HypothesisCard
from models.export.markdown import to_markdown
from models.export.templates import create_from_template, list_templates

TODAY = dt.date(2024, 3, 20)
START = dt.date(2024, 2, 29)
MAX_COLUMNS = 6


def lockout(path: Path, who: str = "root") -> tuple[Store, int]:
    store = Store(path, who=who, create=True)
    return store, create_from_template(store, "login-lockout", start_date=START)


def table_widths(doc: str) -> list[int]:
    widths, row = [], 0
    for token in MarkdownIt("commonmark").enable("table").parse(doc):
        if token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            row += 1
        elif token.type == "tr_close":
            widths.append(row)
    return widths


@pytest.mark.parametrize("name", [t.name for t in list_templates()])
def test_tables_fit_a_wiki_page(tmp_path: Path, name: str) -> None:
    store = Store(tmp_path / "t.db", who="tester")
    wid = create_from_template(store, name, start_date=START)
    doc = to_markdown(store.load(wid), today=TODAY)
    stages = len(store.load(wid).stages)
    # the ownership matrix has a column per stage (the method's swimlanes), all else <= 6
    assert [w for w in table_widths(doc) if w > MAX_COLUMNS and w != stages + 1] == []
    assert "Why this rank" not in doc
    store.close()


def test_summary_comes_first_on_one_screen(tmp_path: Path) -> None:
    store, wid = lockout(tmp_path / "s.db")
    doc = to_markdown(store.load(wid), today=TODAY)
    heads = [line for line in doc.splitlines() if line.startswith("## ")]
    assert heads[0] == "## Summary"
    summary = doc.split("## Summary")[1].split("\n## ")[0]
    assert len(summary.strip().splitlines()) <= 30
    for words in ("Scope", "Reset emails often fail to arrive",
                  "adding real-time status updates", "Admins are asked to repeat",
                  "Help articles are outdated", "Next dates", "Risks", "unassigned",
                  "2024-03-27"):
        assert words in summary, words
    assert "Every unlock is done by hand" not in summary  # only the top 3
    store.close()


def test_no_login_becomes_an_owner(tmp_path: Path) -> None:
    store, wid = lockout(tmp_path / "r.db", who="root")
    doc = to_markdown(store.load(wid), today=TODAY)
    assert "root" not in doc
    assert "unassigned" in doc
    store.close()


def test_every_card_is_on_the_plan_and_late_cards_are_flagged(tmp_path: Path) -> None:
    store, wid = lockout(tmp_path / "p.db")
    journey = store.load(wid)
    store.update(HypothesisCard, journey.cards[1].id, deadline=START + dt.timedelta(days=62))
    doc = to_markdown(store.load(wid), today=TODAY)
    plan = doc.split("## 60-day plan")[1].split("\n## ")[0]
    for n in (2, 3, 4):
        assert f"Card {n}:" in plan
    assert "After day 60 — next cycle" in plan and "day 63" in plan
    assert "Weeks 3-4" in plan and "Day 30" in plan and "repeats monthly" in plan
    cards = doc.split("## Hypothesis cards")[1].split("\n## ")[0]
    assert "due after day 60 (day 63): next cycle" in cards
    tracker = doc.split("## Tracker")[1].split("\n## ")[0]
    assert tracker.count("adding real-time status updates") == 1
    store.close()


def test_quadrant_uses_numbered_points_and_a_plain_title(tmp_path: Path) -> None:
    store, wid = lockout(tmp_path / "q.db")
    doc = to_markdown(store.load(wid), today=TODAY)
    block = doc.split("```mermaid\nquadrantChart\n")[1].split("```")[0]
    assert "    title Pain points by impact and effort\n" in block
    points = re.findall(r'^    "([^"]*)": \[', block, re.MULTILINE)
    assert points == ["1", "2", "3", "4", "5"]
    only = to_markdown(store.load(wid), today=TODAY, sections=["scope", "diagrams"])
    legend = only.split("quadrantChart")[1]
    assert "| 1 | Reset emails often fail to arrive" in legend  # a legend where no table is near
    store.close()


def test_action_plan_keeps_the_gantt_and_the_quadrant(tmp_path: Path) -> None:
    store, wid = lockout(tmp_path / "a.db")
    doc = to_markdown(store.load(wid), today=TODAY, sections=["action-plan"])
    assert "```mermaid\ngantt" in doc and "```mermaid\nquadrantChart" in doc
    assert doc.split("\n## ")[1].startswith("Summary")
    store.close()
