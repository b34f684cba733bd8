"""Every ``FastTable``'s plain cells are made directly, not through Rich (issue 18).

``FitTable`` (the table steps) made its cells with ``cut_cell.cell_line`` since
session 8; a plain ``FastTable`` (Tracker, Home's list) still drew each distinct
cell through Rich's ``Styled(Padding(Text))`` once, building the console's
options anew for each.  These tests count Rich's cell renders on a first visit to
Tracker and compare the lines made directly with Rich's.  Work, never time.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from textual.widgets import DataTable

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import SIZE, ready, until
from tests.tui.views import all_built, table_lines
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.widgets import cell_render


@pytest.fixture
def tracked(store: Store, wid: int) -> int:
    """The demo workshop with its plan generated: Tracker lists the plan's tasks."""
    regenerate_plan(store, wid)
    return wid


async def test_a_first_visit_to_tracker_sends_no_row_through_rich(
        db_path: Path, tracked: int, rich_cells: Counter[str]) -> None:
    app = build_app(db_path, tracked, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        await pilot.pause()
        rich_cells.clear()
        await pilot.press("7")
        await pilot.pause()
        table = app.screen.view().query_one(DataTable)
        assert table.row_count >= 5  # rows were drawn
        assert rich_cells["cells"] <= len(table.columns), rich_cells


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_tracker_draws_the_same_lines_made_directly_as_through_rich(
        db_path: Path, tracked: int, monkeypatch: pytest.MonkeyPatch,
        size: tuple[int, int]) -> None:
    app = build_app(db_path, tracked, step="tracker", who="lea")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                           and app.screen.view().ready)
        await pilot.pause()
        table = app.screen.view().query_one(DataTable)
        await pilot.press("down", "down")  # the cursor away from the first row
        await pilot.pause()

        made = table_lines(table)
        monkeypatch.setattr(cell_render, "cell_line", lambda *args, **kwargs: None)
        assert made == table_lines(table)
        assert sum(bool(strip.text.strip()) for strip in made) >= 5
