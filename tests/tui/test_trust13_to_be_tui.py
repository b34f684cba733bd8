"""The app lists a to-be copy as a design, not a live map (session 12): Home marks it
and never shows its review as due, and the tracker's "all workshops" (w) leaves it out."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from models.db.store import Store
from tests.helpers import settle
from tests.models.to_be_maps import as_is_and_to_be
from tests.tui.views import all_workshop_ids
from tui.app.launch import build_app


@pytest.fixture
def maps(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    with Store(db_path, who="tester") as store:
        return as_is_and_to_be(store)


async def test_home_marks_the_to_be_and_never_shows_it_due(
        db_path: Path, maps: tuple[int, int]) -> None:
    as_is, to_be = maps
    app = build_app(db_path, who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        cell = {wid: (str(table.get_cell(str(wid), "title")),
                      str(table.get_cell(str(wid), "review"))) for wid in maps}
    assert cell[as_is] == ("Admin locked out", "never DUE")
    assert cell[to_be] == ("Admin locked out (to-be)", "—")


async def test_the_tracker_of_all_workshops_leaves_the_to_be_out(
        db_path: Path, maps: tuple[int, int]) -> None:
    as_is, _to_be = maps
    assert await all_workshop_ids(db_path, as_is, "tester") == {as_is}
