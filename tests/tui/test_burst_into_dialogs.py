"""Keys typed in one burst behind a key that opens a form dialog belong to that form.

A lead types ``d 2026-03-02 Esc`` on the Plan step without waiting for the
dialog: the keys reach the app before the dialog is on screen, and the
dialog's first field was entered (its text selected) one refresh after it had
already taken the focus, so what was typed in between was selected and
replaced by the next key (CI, session 7: ``2026-03-02`` saved as ``-02``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from models.db.store import Store
from tests.helpers import build_workshop, handled, until
from tests.tui.key_bursts import burst
from tui.app.launch import build_app
from tui.dialogs.row_editor import RowEditor
from tui.screens.workshop import WorkshopScreen


async def start_date_after(db_path: Path, *parts: str, wait_for_dialog: bool) -> Any:
    """The plan's start date after ``d`` and then ``parts`` sent in one burst (or once the
    dialog is the active screen, before anything else runs)."""
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    app: Any = build_app(db_path, wid, step="plan", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                           and not app.held_input.busy, rounds=400)
        await pilot.pause()
        if wait_for_dialog:
            app.post_message(burst("d")[0])
            assert await until([pilot], lambda: isinstance(app.screen, RowEditor), rounds=400)
        else:
            parts = ("d", *parts)
        keys = burst(*parts)
        for event in keys:
            app.post_message(event)
        assert await handled(pilot, keys)
        assert await until([pilot], lambda: not isinstance(app.screen, RowEditor)
                           and not app.held_input.busy, rounds=400)
        await pilot.pause()
    with Store(db_path, who="check") as s:
        return s.get_workshop(wid).start_date


async def test_a_start_date_typed_in_the_burst_that_opens_its_dialog_is_saved_whole(
        db_path: Path) -> None:
    date = await start_date_after(db_path, '"2026-03-02"', "escape", wait_for_dialog=False)
    assert date == dt.date(2026, 3, 2)


async def test_a_start_date_typed_as_the_dialog_appears_is_saved_whole(db_path: Path) -> None:
    date = await start_date_after(db_path, '"2026-03-02"', "escape", wait_for_dialog=True)
    assert date == dt.date(2026, 3, 2)
