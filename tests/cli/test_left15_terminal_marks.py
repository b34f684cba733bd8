"""User text printed to a terminal cannot drive it; printed into a pipe it stays exact.

Session 12's note: ``journeymap export ID`` without ``-o`` and ``tickets show --format
csv`` wrote user text to stdout byte for byte, so a name planted with OSC 52 (the
clipboard), OSC 0 (the window title) or a bidi override drove the lead's terminal.
Decision: on a terminal every command shows control characters as marks, by the one
mechanism the CLI has (``tui.cli.common.marked`` / ``tui.safe_text.clean``); into a pipe
or a file a document keeps its bytes exactly (``-o`` and ``>`` give the same file).
Markdown, CSV and ICS already spell controls as marks by their own rules; what still
reached a terminal raw was JSON's bidi overrides (a backup must keep them).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PlanTask
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from tests.cli.on_a_terminal import in_a_pipe, on_a_terminal
from tests.helpers import outputs_workshop, run_cli

PLANTED = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b]0;PWNED\x07\u202egnp.exe\x9b31m"
SGR = re.compile(rb"\x1b\[[0-9;]*m")  # Rich's own colours on a terminal
DRIVES = ("\x1b", "\x07", "\x9b", "\u202e")

COMMANDS = [("show", "W"), ("list",), ("log", "W"), ("cards", "W"), ("tracker", "W"),
            ("tracker",), ("plan", "W"), ("report", "W", "--month", "2026-03"),
            ("report", "W", "--business-case"), ("escalation", "W"),
            ("export", "W"), ("export", "W", "-f", "csv"), ("export", "W", "-f", "ics"),
            ("export", "W", "-f", "json"), ("tickets", "show", "W"),
            ("tickets", "show", "W", "--format", "csv"),
            ("tickets", "show", "W", "--format", "json")]
DOCUMENTS = [c for c in COMMANDS if c[0] == "export" or "--format" in c]


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A map whose title, stage, touchpoint, card, owner, plan task and ticket category
    each carry a planted control sequence.

    The owner is planted with raw SQL, as a file written before names refused control
    characters holds it: such a file still opens, and its owner must still show as marks.
    """
    folder = tmp_path_factory.mktemp("planted")
    path = folder / "team.db"
    with Store(path, who="lea", create=True) as store:
        wid = outputs_workshop(store)
        journey = store.load(wid)
        store.update(Workshop, wid, title=f"Lockout {PLANTED}")
        store.update(Stage, int(journey.stages[0].id or 0), name=f"Stage {PLANTED}")
        store.update(Touchpoint, int(journey.ordered_touchpoints()[0].id or 0),
                     name=f"Touchpoint {PLANTED}")
        card = next(c for c in journey.cards if c.owner)
        store.update(HypothesisCard, int(card.id or 0), experiment=f"Card {PLANTED}")
        store.update(PlanTask, int(journey.plan_tasks[0].id or 0), title=f"Task {PLANTED}")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE hypothesiscard SET owner = ? WHERE id = ?",
                   (f"Priya {PLANTED}", card.id))
    tickets = folder / "march.csv"
    tickets.write_text("id,created_at,status,category\n"
                       f"1,2026-03-01 10:00,solved,Login {PLANTED}\n", encoding="utf-8")
    code, _out, err = run_cli(path, "tickets", "import", str(tickets), "-w", str(wid))
    assert code == 0, err
    return path, wid


def _args(command: tuple[str, ...], wid: int) -> list[str]:
    return [str(wid) if part == "W" else part for part in command]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_on_a_terminal_planted_text_shows_as_marks(
        planted: tuple[Path, int], command: tuple[str, ...]) -> None:
    code, shown = on_a_terminal(planted[0], *_args(command, planted[1]))
    assert code in (0, 3)  # 3: tracker's "something is overdue"
    text = SGR.sub(b"", shown).decode("utf-8")
    assert [c for c in DRIVES if c in text] == [], text[:400]
    if command[0] != "escalation":  # no level on this map: no user text to show
        assert "␛" in text or "\\u001b" in text  # the planted text is there, as marks


@pytest.mark.parametrize("command", DOCUMENTS, ids=" ".join)
def test_into_a_pipe_a_document_keeps_its_bytes(
        planted: tuple[Path, int], command: tuple[str, ...], tmp_path: Path) -> None:
    path, wid = planted
    code, piped = in_a_pipe(path, *_args(command, wid))
    assert code == 0
    if command[0] == "export":
        target = tmp_path / "out"
        assert in_a_pipe(path, *_args(command, wid), "-o", str(target))[0] == 0
        assert piped == target.read_bytes()
    else:
        assert piped == run_cli(path, *_args(command, wid))[1].encode("utf-8")
    if "json" in command:  # a backup keeps every character; JSON escapes the controls
        assert "\u202e".encode() in piped
