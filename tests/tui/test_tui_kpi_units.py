"""KPI units from the catalogue: one source for names, units and direction, and picking a
catalogue KPI fills an empty unit only."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready, stage_row, type_kpi
from tui.app.launch import build_app

SIZE = (120, 40)


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        return build_workshop(store)


@pytest.mark.parametrize(("name", "unit"), [
    ("FCR", "%"), ("First contact resolution (FCR)", "%"), ("time to resolution", "hours"),
    ("CES", "score 1-7"), ("Customer effort score (CES)", "score 1-7"), ("Reopen rate", "%"),
    ("search-to-ticket ratio", "ratio"), ("Search-to-ticket  Ratio", "ratio"),
    ("Login success [b]rate[/b]", ""), ("", ""),
])
def test_catalogue_unit(name: str, unit: str) -> None:
    from models.rules.kpis import unit_for

    assert unit_for(name) == unit


def test_catalogue_is_the_one_source_for_names_and_direction() -> None:
    from models.rules.cards import lower_is_better
    from models.rules.kpis import KPI_CATALOGUE
    from tui.steps.stages import KPI_NAMES

    assert KPI_NAMES == tuple(k.name for k in KPI_CATALOGUE)
    for info in KPI_CATALOGUE:
        for name in (info.name, *info.aliases):
            assert lower_is_better(name) is info.lower_is_better, name
    # short forms are known by the catalogue, not only by the words in them
    assert lower_is_better("searches per ticket") is False
    assert lower_is_better("Mood of the room") is None


async def test_picking_a_catalogue_kpi_fills_an_empty_unit_only(db_path: Path, wid: int) -> None:
    from models.db.tables.workshop import Stage

    with Store(db_path, who="lea") as store:
        stages = store.load(wid).stages
        empty, typed = int(stages[0].id or 0), int(stages[1].id or 0)
        store.update(Stage, empty, kpi_name="", kpi_unit="")
        store.update(Stage, typed, kpi_name="", kpi_unit="searches per ticket")
    app = build_app(db_path, wid, step="stages", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await type_kpi(pilot, app, empty, "FCR")
        stored = stage_row(db_path, empty)
        assert stored is not None and (stored.kpi_name, stored.kpi_unit) == ("FCR", "%")
        assert app.screen.view("stages").form.field("kpi_unit").value == "%"  # type: ignore[attr-defined]
        await type_kpi(pilot, app, typed, "Search-to-ticket ratio")
        row = stage_row(db_path, typed)
        assert row.kpi_name == "Search-to-ticket ratio"
        assert row.kpi_unit == "searches per ticket"  # the room's unit stays
