"""A seat's name and a task's owner reach the screen with their control characters shown.

Found at 80x24: a lead granted a role to the name "\\x1b[31mkim" (``journeymap role`` keeps
it: a name is normalised, not cleaned), and a card's owner was typed with an escape
sequence. The Participants dialog (``P``) and the Tracker's owner picker (``u``) built
their rows with ``Text(name)``: the terminal received the raw sequence, drew "kim" in red
and every later cell of the row four columns to the left. The same path carries OSC 52
(a write to the lead's clipboard). Everywhere else these names go through ``clean``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from textual.widgets import OptionList, Static

from models.db.store import Store
from models.db.tables.seats import Participant
from tests.helpers import outputs_workshop, settle
from tui.app.launch import build_app
from tui.dialogs.common import PickScreen
from tui.dialogs.participants import row_text

HOSTILE = "\x1b]52;c;aGk=\x07\x1b[31mkim"


def test_a_participants_row_shows_the_escape_instead_of_sending_it() -> None:
    row = row_text(Participant(workshop_id=1, name=HOSTILE, role="observer")).plain
    assert "\x1b" not in row and "\x07" not in row
    assert row.startswith("␛]52;c;aGk=␇␛[31mkim")


def _tracker_of_a_hostile_owner(db_path: Path) -> Any:
    """The app at the Tracker of a map whose plan tasks' owner is HOSTILE, written with raw
    SQL as an older file holds it (the store refuses such a name since names21)."""
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE plantask SET owner = ? WHERE workshop_id = ?", (HOSTILE, wid))
    return build_app(db_path, wid, step="tracker")


async def _owner_picker(pilot: Any) -> PickScreen[str]:
    """The Tracker's owner picker (``u``), open."""
    await settle(pilot)
    await pilot.press("u")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PickScreen)
    return pilot.app.screen


async def test_the_owner_picker_shows_the_escape_instead_of_sending_it(db_path: Path) -> None:
    app = _tracker_of_a_hostile_owner(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = [str(label) for label in (await _owner_picker(pilot)).labels]
    assert any("␛[31mkim" in label for label in shown), shown
    assert not any("\x1b" in label or "\x07" in label for label in shown), shown


async def test_the_tracker_filtered_to_that_owner_says_whose_with_the_escape_shown(
        db_path: Path) -> None:
    """Found in session 18 (names22, by hand): after ``u`` picked that owner, the summary
    line "<owner>'s items only" carried the owner's raw escape sequence to the terminal."""
    app = _tracker_of_a_hostile_owner(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        picker = await _owner_picker(pilot)
        picker.query_one(OptionList).highlighted = picker.values.index(HOSTILE)
        await pilot.press("enter")
        await settle(pilot)
        summary = str(app.screen.query_one("#tracker-summary", Static).render())
    assert "␛[31mkim's items only" in summary, summary
    assert "\x1b" not in summary and "\x07" not in summary, summary
