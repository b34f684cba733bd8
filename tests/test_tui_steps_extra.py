"""QA gaps in the step views: pain ranking cost, facilitation settings, the all-workshops
tracker and KPI units from the catalogue.

Pilot tests against real apps on a temp database; no timings (the machine is
shared) — the cost tests count the work done instead of the time it took.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.store import Store
from models.tables import PainPoint
from tests.test_tui_data import build_workshop
from tests.test_tui_pairing import ready
from tui.launch import build_app

SIZE = (120, 40)


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        return build_workshop(store)


def _count_rankings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from models import priority

    calls: list[int] = []
    real = priority.rank_pain_points

    def counted(journey: Any) -> Any:
        calls.append(1)
        return real(journey)

    monkeypatch.setattr(priority, "rank_pain_points", counted)
    return calls


# -- 2. pain points: ranking once per revision, cells reused ------------------------------
async def test_pain_step_ranks_once_per_journey_revision(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        calls = _count_rankings(monkeypatch)
        await pilot.press("escape", "5")
        await pilot.pause()
        assert len(calls) == 1  # table and matrix share one ranking
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        view.refresh_from(app.journey)  # same revision: nothing to rank again
        assert len(calls) == 1
        app.reload_journey()  # a new revision is ranked again, once
        await pilot.pause()
        assert len(calls) == 2


async def test_pain_table_rebuilds_only_the_rows_that_changed(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        table = view.table
        before = dict(table._jm_rows)
        assert app.journey is not None
        last = app.journey.pain_points[-1]
        # a new description does not move the rank: one row's cells are new
        assert app.save_field(PainPoint, int(last.id or 0), "description", "[b]Renamed[/b]")
        await pilot.pause()
        after = table._jm_rows
        changed = [key for key in before if after[key] is not before[key]]
        assert changed == [str(last.id)]
        assert table.get_cell(str(last.id), "desc").plain == "[b]Renamed[/b]"
