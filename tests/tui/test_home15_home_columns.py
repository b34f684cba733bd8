"""Home decides its columns by the width there is (session 13 newcomer walk: at 80x24 the
Scenario column ran off the right edge mid-word, "Rese", "Asks", and Step and Updated were
not visible).  Each column has a priority and a minimum width: the least needed go first,
the rest share the width, every cut text ends in "…", and nothing scrolls sideways.  At
120x40 every column shown before stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from models.db.store import Store
from tests.helpers import freeze, settle
from tui.app.launch import build_app

pytestmark = pytest.mark.usefixtures("pinned_clock")

LONG = "Research what customers ask for when a password reset fails at the portal"


def workshops(db: Path) -> None:
    with Store(db, who="tester") as store:
        for n in range(3):
            wid = store.create_workshop(title=f"{LONG} {n}", persona="Returning customer abroad",
                                        scenario=f"Asks the bot for help, {LONG}").id
            freeze(store, wid)


def labels(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [column.label.plain for column in table.ordered_columns]


def screen_lines(app) -> list[str]:  # noqa: ANN001
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_home_at_80_columns_shows_step_and_updated_and_runs_off_nothing(
        db_path: Path) -> None:
    workshops(db_path)
    app = build_app(db_path, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        shown = labels(table)
        assert {"ID", "Title", "Step", "Updated"} <= set(shown)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        lines = screen_lines(app)
    rows = [line for line in lines if LONG[:10] in line]
    assert rows and all("…" in row for row in rows)


async def test_home_at_120_columns_keeps_every_column(db_path: Path) -> None:
    workshops(db_path)
    app = build_app(db_path, who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert labels(table) == ["ID", "Title", "Last review", "Persona", "Scenario", "Step",
                                 "Updated"]
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_home_gives_columns_back_when_the_terminal_widens(db_path: Path) -> None:
    workshops(db_path)
    app = build_app(db_path, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        table = app.screen.query_one(DataTable)
        chosen = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert "Persona" in labels(table) and "Scenario" in labels(table)
        assert len(table.rows) == 3
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key == chosen


def test_the_columns_needed_least_go_first_and_a_zero_never_goes() -> None:
    from tui.steps.columns import kept

    assert kept(100, [10, 30, 20, 20], [0, 0, 1, 2]) == [True, True, True, True]
    assert kept(60, [10, 30, 20, 20], [0, 0, 1, 2]) == [True, True, True, False]
    assert kept(40, [10, 30, 20, 20], [0, 0, 1, 2]) == [True, True, False, False]
    assert kept(5, [10, 30, 20, 20], [0, 0, 1, 2]) == [True, True, False, False]
