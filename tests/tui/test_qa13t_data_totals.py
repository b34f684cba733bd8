"""The Data screen shows the metrics of an export without a category column (Front's
analytics export): before, its latest-import table stayed empty, as if nothing had been
imported, because the table was asked for by category only."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tests.helpers import data_screen_of
from tui.screens.data import DataScreen

FRONT = Path(__file__).parents[1] / "models" / "tickets" / "fixtures" / "front_conversations.csv"


async def test_an_export_without_categories_shows_its_totals(db_path: Path) -> None:
    async with data_screen_of(db_path, FRONT) as (app, _pilot):
        screen = app.screen
        assert isinstance(screen, DataScreen)
        latest = screen.query_one("#latest", DataTable)
        rows = [[str(cell) for cell in latest.get_row_at(i)] for i in range(latest.row_count)]
        assert [row[:2] for row in rows] == [["all", "3"]]
