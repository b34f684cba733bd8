"""Tracker "all workshops" at 80 and 120 columns: every column on screen, counts alike.

Found walking a 200-workshop portfolio over ssh at 80x24: with the Workshop column
the table ran off the right edge, and a lead read "OVERDUE by 34" with the days cut
away (the title budget was a constant for one set of other columns' widths).  The
summary said "2,188 items · 1236 without owner": one count with a separator, one
without.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.cells import cell_len

from models.rules.tracker import TrackerItem
from tests.helpers import planned_workshop, ready, second_workshop, until
from tui.app.launch import build_app


@pytest.fixture
def wid(db_path: Path) -> int:
    return planned_workshop(db_path, dt.date(2026, 1, 5))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_column_of_all_workshops_fits_and_days_overdue_are_whole(
        db_path: Path, wid: int, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2027-06-30")  # every dated item far overdue
    second_workshop(db_path)
    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await pilot.press("w")
        assert await until([pilot], lambda: view.all_items is not None)
        await pilot.pause()
        table = view.table
        room = table.scrollable_content_region.width
        assert table.virtual_size.width <= room, "the table runs off the right edge"
        due = table.ordered_columns[table.get_column_index("due")]
        longest = max(cell_len(table.get_cell(key.value or "", "due").plain)
                      for key in table.rows)
        assert longest >= len("OVERDUE by 100 days")
        assert due.get_render_width(table) - 2 * table.cell_padding >= longest


async def test_the_summary_counts_are_written_alike(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    late = dt.date(2026, 3, 1)
    items = [TrackerItem(kind="task", item_id=i, workshop_id=wid, workshop_title="W",
                         title=f"Task {i}", owner="", deadline=late, status="proposed",
                         days_left=-9, overdue=True) for i in range(1, 1237)]
    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        view.all_workshops, view.all_items, view.workshop_count = True, items, 1
        view.render_items()
        await pilot.pause()
        summary = str(app.screen.query_one("#tracker-summary").render())
        assert "1,236 items · 1,236 OVERDUE · 1,236 without owner" in summary, summary
