"""Every key of a burst keeps its turn, editing keys and ctrl+ keys as much as letters.

A burst is read at once (one terminal read): Textual hands each key to the
widget focused when the app reads it.  ``Enter`` on a table opens the row's
field a few message hops later, so the keys read behind it reach the table,
bubble back to the app and run the bindings of whatever has the focus by then:
letters ran as table commands (``a`` added a touchpoint and ``st 3`` became its
name), and ``ctrl+u`` could empty the field after the name typed behind it
(QA, session 7).  Posting the burst's keys to the app without waiting is what a
terminal read does; Pilot's ``press`` waits between keys and cannot show it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from models.db.store import Store
from tests.helpers import build_workshop, handled, until
from tests.tui.key_bursts import burst
from tui.app.launch import build_app


async def edit_in_one_burst(db_path: Path, *parts: str,
                            opened: bool = False) -> tuple[list[str], list[str]]:
    """The touchpoints' names before and after the burst on the touchpoints table
    (cursor on the first row), or in its first name's field once ``opened``."""
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
        before = [tp.name for tp in s.load(wid).ordered_touchpoints()]
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen.focused, DataTable)
                           and app.screen.focused.row_count > 0, rounds=400)
        await pilot.pause()
        if opened:
            await pilot.press("enter")
            assert await until([pilot], lambda: isinstance(app.screen.focused, Input)
                               and not app.held_input.busy, rounds=400)
        keys = burst(*parts)
        for event in keys:
            app.post_message(event)
        assert await handled(pilot, keys)
        assert await until([pilot], lambda: isinstance(app.screen.focused, DataTable),
                           rounds=400)
        await pilot.pause()
    with Store(db_path, who="check") as s:
        touchpoints = s.load(wid).ordered_touchpoints()
    return before, [tp.name for tp in touchpoints]


@pytest.mark.parametrize("parts, name", [
    (("enter", "ctrl+u", '"Fast 3"', "escape"), "Fast 3"),
    (("enter", "ctrl+u", '"Fast"', "backspace", "backspace", '"r"', "escape"), "Far"),
    (("enter", "ctrl+u", '"ab"', "left", '"X"', "home", '"Y"', "end", '"Z"', "escape"),
     "YaXbZ"),
])
async def test_a_burst_from_the_table_edits_the_name_key_by_key(
        db_path: Path, parts: tuple[str, ...], name: str) -> None:
    before, after = await edit_in_one_burst(db_path, *parts)
    assert after == [name, *before[1:]]


@pytest.mark.parametrize("parts, name", [
    (("ctrl+u", '"Fast 3"', "escape"), "Fast 3"),
    (("ctrl+u", '"ab"', "left", '"X"', "home", '"Y"', "end", '"Z"', "backspace", '"W"',
      "escape"), "YaXbW"),
    (("home", "ctrl+k", '"Fast"', "left", "left", "delete", '"x"', "escape"), "Faxt"),
])
async def test_a_burst_in_an_open_field_edits_it_key_by_key(
        db_path: Path, parts: tuple[str, ...], name: str) -> None:
    """The field already has the focus: a letter goes straight into it, while
    ``ctrl+u`` travels up to the app, where its binding runs; the letters read
    behind it must not be typed before it has run (the new name was emptied)."""
    before, after = await edit_in_one_burst(db_path, *parts, opened=True)
    assert after == [name, *before[1:]]
