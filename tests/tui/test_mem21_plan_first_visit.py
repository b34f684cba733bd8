"""The Plan's first visit on an unplanned map holds one map, not two or three (issue 18).

At 10,000 touchpoints the seat's peak RSS was the Plan's first visit: the plan was
generated from a second whole read of the map, the reload after it read a third,
and the portfolio worker (blocked in ``call_from_thread`` while the screen's thread
generated) still held the map the reload had let go of.  Now the plan is generated
from the map on screen, only its tasks are put into it, and the worker keeps the
workshop's id, not the map.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from models.db.journey import Journey
from models.db.store import Store
from tests.helpers import build_workshop_with_cards, until
from tests.tui.views import prebuilt
from tui.app.launch import build_app


def _plan_shown(app: Any) -> bool:
    journey = app.session.journey
    return bool(journey is not None and journey.plan_tasks
                and app.screen.view("plan").timeline.tasks)


async def test_the_first_visit_generates_from_the_map_on_screen(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop_with_cards(store)
    app: Any = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await prebuilt(pilot)
        journey = app.session.journey
        loads: list[int] = []
        real = Store.load

        def counting(self: Store, workshop_id: int, *args: Any, **kwargs: Any) -> Journey:
            loads.append(workshop_id)
            return real(self, workshop_id, *args, **kwargs)

        monkeypatch.setattr(Store, "load", counting)
        await pilot.press("8")
        assert await until([pilot], lambda: _plan_shown(app), rounds=400)
        assert loads == []
        assert app.session.journey is journey
        with Store(db_path, who="check") as store:
            saved = [t.key for t in store.plan_tasks(wid)]
        assert [t.key for t in journey.plan_tasks] == saved
        assert [t.key for t in app.screen.view("plan").timeline.tasks] == saved


async def test_the_portfolio_worker_holds_no_map_while_it_reads(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop_with_cards(store)
    held: list[list[str]] = []
    real = Store.load_readable

    def looking(self: Store, *args: Any, **kwargs: Any) -> Any:
        caller = sys._getframe(1)  # noqa: SLF001 - the worker's own frame
        held.append([name for name, value in caller.f_locals.items()
                     if isinstance(value, Journey)])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "load_readable", looking)
    app: Any = build_app(db_path, wid, step="plan", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await until([pilot], lambda: bool(held), rounds=400)
    assert held == [[]]
