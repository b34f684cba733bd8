"""The app's Plan and Tracker steps of a to-be design say whose plan and tracker they are.

A to-be copy is a design (``live_maps.is_live``).  Its Plan step wrote a generated
60-day plan into the design on the first visit and its Tracker listed the designed card
as OVERDUE.  Both now show the one sentence the exports use, naming the live map it was
copied from, and the Plan step writes nothing (``r`` says the same sentence).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import screen_text, settle
from tests.models.to_be_maps import as_is_and_to_be
from tui.app.launch import build_app

BELONG = "belong to the live map this design was copied from"


@pytest.fixture
def maps(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    with Store(db_path, who="tester") as store:
        return as_is_and_to_be(store)


@pytest.mark.parametrize("step", ["plan", "tracker"])
async def test_a_to_be_step_names_the_live_map_and_writes_no_plan(
        db_path: Path, maps: tuple[int, int], step: str) -> None:
    as_is, to_be = maps
    app = build_app(db_path, workshop_id=to_be, step=step, who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if step == "plan":
            await pilot.press("r")
            await settle(pilot)
        shown = " ".join(screen_text(app).split())
    assert BELONG in shown and f"(workshop {as_is})" in shown
    assert "OVERDUE" not in shown
    with Store(db_path, who="tester") as store:
        assert store.load(to_be).plan_tasks == []
