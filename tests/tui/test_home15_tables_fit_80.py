"""At 80x24 no table on any screen is wider than the screen (session 13 newcomer walk:
Home's ran off the right edge with no mark).  A table wider than its room scrolls
sideways and cuts its last column at the edge without "…"; a table that fits cuts its
free text with "…" instead (``columns.FitTable``).  Stages beside its form at 120x40
pushed its touchpoint count ("TPs") off the edge the same way.  An empty table is not
checked: beside the form its empty note takes the width (left for later)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.helpers import settle
from tests.tui.template_map import template_workshop
from tui.app.launch import build_app

pytestmark = pytest.mark.usefixtures("pinned_clock")

# Home, the eight steps, and the method's views: escalation, to-be, moments, ticket data.
SCREENS = ["h", "1", "2", "3", "4", "5", "6", "7", "8", "E", "U", "M", "T"]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_no_table_is_wider_than_its_room(db_path: Path, size: tuple[int, int]) -> None:
    wid = template_workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    wider = []
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in SCREENS:
            await pilot.press("escape", key)
            await settle(pilot)
            on_screen = app.screen._compositor.visible_widgets
            for table in app.screen.query(DataTable):
                if table in on_screen and table.row_count and \
                        table.virtual_size.width > table.scrollable_content_region.width:
                    wider.append((key, table.id, table.virtual_size.width,
                                  table.scrollable_content_region.width))
            if key == "h":
                await pilot.press("enter")
                await settle(pilot)
    assert not wider
