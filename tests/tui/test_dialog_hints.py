"""A dialog's key hint is read in full at 80x24: it is how the room learns to close it.

The card editor's hint ("… ctrl+t = tie signal to ticket data   Esc = close") was cut
after "ticket data" at 80 columns, so the one key that leaves the dialog was not shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Label

from models.db.store import Store
from tests.helpers import outputs_workshop, settle
from tui.app.launch import build_app
from tui.dialogs.row_editor import RowEditor


@pytest.mark.parametrize("step", ["cards", "plan"])
async def test_the_row_editors_hint_fits_at_80x24(db_path: Path, step: str) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step=step)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RowEditor)
        hint = dialog.query(Label).last()
        assert "Esc = close" in str(hint.render())
        box = dialog.query_one(".dialog").content_region  # what the dialog's frame shows
        assert box.contains_region(hint.content_region), (box, hint.content_region)
        assert cell_len(type(dialog).HINT) <= hint.content_region.width
