"""Home at 80 columns tells a to-be copy from its as-is map (session 11 QA: the title was
cut at 30 cells, so "(to-be)" was cut off and both rows read "Demo: admin locked out of
the…"); the title is shortened instead, and the early rows read without the ORM carry the
state too, so the marker does not appear only once the store has opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from models.db import light
from models.db.store import Store
from models.export.future_copy import create_future_copy
from tests.helpers import freeze, settle
from tui.app.launch import build_app

SIZES = [(80, 24), (120, 40)]
LONG = "Demo: admin locked out of the console after the SSO change"

pytestmark = pytest.mark.usefixtures("pinned_clock")


def as_is_and_to_be(db: Path) -> tuple[int, int]:
    with Store(db, who="tester") as store:
        as_is = store.create_workshop(title=LONG, persona="IT admin",
                                      scenario="Locked out after SSO change").id
        to_be = create_future_copy(store, as_is)
        for wid in (as_is, to_be):
            freeze(store, wid)
    return as_is, to_be


async def test_the_to_be_copy_keeps_its_marker_at_80_columns(db_path: Path) -> None:
    as_is, to_be = as_is_and_to_be(db_path)
    app = build_app(db_path, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        titles = {wid: str(table.get_cell(str(wid), "title")) for wid in (as_is, to_be)}
    assert titles[to_be].endswith("(to-be)") and titles[to_be] != titles[as_is]
    assert "(to-be)" not in titles[as_is]
    assert titles[to_be].count("(to-be)") == 1
    assert len(titles[to_be]) <= 30


def test_the_early_rows_carry_the_state(db_path: Path) -> None:
    as_is, to_be = as_is_and_to_be(db_path)
    rows = {row.id: row.state for row in light.list_workshops(db_path) or []}
    assert rows == {as_is: "current", to_be: "future"}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_with_a_to_be_copy(snap_compare, db_path: Path,  # noqa: ANN001
                                size: tuple[int, int]) -> None:
    as_is_and_to_be(db_path)

    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)

    assert snap_compare(build_app(db_path, who="tester"), terminal_size=size,
                        run_before=run_before)
