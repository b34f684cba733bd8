"""KPI units from the catalogue: one source for names, units and direction, and picking a
catalogue KPI fills an empty unit only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app

SIZE = (120, 40)
@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        return build_workshop(store)
def _count_rankings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from models.rules import priority

    calls: list[int] = []
    real = priority.rank_pain_points

    def counted(journey: Any) -> Any:
        calls.append(1)
        return real(journey)

    monkeypatch.setattr(priority, "rank_pain_points", counted)
    return calls
def _workshop(db: Path, wid: int) -> Any:
    with Store(db, who="check") as s:
        return s.get_workshop(wid)
def _second_workshop(db: Path) -> tuple[int, int]:
    """Workshop B (title 'Billing [red]x[/]') with a plan; returns (B id, a B task id)."""
    from models.db.tables import Workshop
    from models.rules.plan import regenerate_plan

    with Store(db, who="lea") as store:
        other = build_workshop(store)
        store.update(Workshop, other, title="Billing [red]x[/]")
        tasks = regenerate_plan(store, other)
        return other, int(tasks[0].id or 0)
async def _type_kpi(pilot: Any, app: Any, stage_id: int, name: str) -> None:
    view = app.screen.view("stages")
    view.select(str(stage_id))
    await pilot.pause()
    view.form.field("kpi_name").focus()
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k", *name, "enter")
    await pilot.pause()
def _stage(db: Path, stage_id: int) -> Any:
    from models.db.tables import Stage

    with Store(db, who="check") as s, s.read() as session:
        return session.get(Stage, stage_id)


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
    from models.db.tables import Stage

    with Store(db_path, who="lea") as store:
        stages = store.load(wid).stages
        empty, typed = int(stages[0].id or 0), int(stages[1].id or 0)
        store.update(Stage, empty, kpi_name="", kpi_unit="")
        store.update(Stage, typed, kpi_name="", kpi_unit="searches per ticket")
    app = build_app(db_path, wid, step="stages", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await _type_kpi(pilot, app, empty, "FCR")
        assert (_stage(db_path, empty).kpi_name, _stage(db_path, empty).kpi_unit) == ("FCR", "%")
        assert app.screen.view("stages").form.field("kpi_unit").value == "%"  # type: ignore[attr-defined]
        await _type_kpi(pilot, app, typed, "Search-to-ticket ratio")
        row = _stage(db_path, typed)
        assert row.kpi_name == "Search-to-ticket ratio"
        assert row.kpi_unit == "searches per ticket"  # the room's unit stays
