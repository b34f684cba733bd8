"""The plan step draws a plan whose dates are the extremes an older file may hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extreme_dates import EXTREMES, stored_extreme
from tui.app.launch import build_app


@pytest.mark.parametrize("day", EXTREMES)
async def test_the_plan_step_draws_an_extreme_stored_date(db_path: Path, day: str) -> None:
    wid = stored_extreme(db_path, day, with_plan=False)
    app = build_app(db_path, wid, step="plan")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            await pilot.pause()
        assert app.return_value is None
        assert app.screen.query("PlanTimeline")
