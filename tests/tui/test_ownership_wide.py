"""Ownership on a wide terminal: the swimlanes give stage names the room there is.

At 80 and 120 columns each touchpoint keeps its 4-column cell (the snapshots):
stage names over a stage's few cells are cut ("Discov…").  On a terminal of 160
columns or more the cells widen until every stage name fits, as far as the width
allows; a map too long for the screen keeps the narrow cells (it scrolls anyway).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.export.templates import create_from_template
from tests.helpers import until
from tui.app.app import JourneyApp
from tui.widgets.drawings import LaneLayout, LanePoint, Swimlanes


def _stage_names(db: Path, wid: int) -> list[str]:
    with Store(db, who="tester", read_only=True) as store:
        return [s.name for s in store.load(wid).stages]


async def _lanes(app: JourneyApp, pilot: Any) -> Swimlanes:
    """The swimlanes once the store is open and the ownership view drawn."""
    assert await until([pilot], lambda: bool(app.screen.query(Swimlanes))
                       and app.session.store is not None, rounds=200)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(Swimlanes)


async def _header(db: Path, wid: int, size: tuple[int, int]) -> str:
    app = JourneyApp(db, wid, step="ownership", who="tester")
    async with app.run_test(size=size) as pilot:
        return (await _lanes(app, pilot)).layout_.line(0).plain


@pytest.fixture
def wid(db_path: Path, store: Store) -> int:
    return create_from_template(store, "login-lockout", start_date="2026-03-02")


async def test_at_200_columns_every_stage_name_is_shown_whole(db_path: Path, wid: int) -> None:
    header = await _header(db_path, wid, (200, 50))
    for name in _stage_names(db_path, wid):
        assert f"┊{name}" in header, (name, header)


async def test_at_120_columns_the_cells_stay_narrow(db_path: Path, wid: int) -> None:
    header = await _header(db_path, wid, (120, 40))
    assert "┊Discov…┊" in header


def test_a_map_too_long_for_the_width_keeps_the_narrow_cells() -> None:
    points = [LanePoint(n, "Team", f"Stage {n // 3}") for n in range(1, 400)]
    assert LaneLayout(points, room=200).cell == LaneLayout(points).cell == 4
    short = [LanePoint(n, "Team", "A very long stage name indeed") for n in (1, 2)]
    wide = LaneLayout(short, room=200)
    assert "A very long stage name indeed" in wide.line(0).plain
    assert wide.width <= 200


async def test_a_resize_lays_the_lanes_out_again(db_path: Path, wid: int) -> None:
    names = _stage_names(db_path, wid)
    app = JourneyApp(db_path, wid, step="ownership", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        lanes = await _lanes(app, pilot)
        assert "┊Discov…┊" in lanes.layout_.line(0).plain
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        wide = lanes.layout_.line(0).plain
        assert all(f"┊{name}" in wide for name in names), wide
        assert lanes.size.width == lanes.layout_.width  # the widget took the new width
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert "┊Discov…┊" in lanes.layout_.line(0).plain
