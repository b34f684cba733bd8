"""Tracker "all workshops": Enter on an item opens the workshop it belongs to, at its step.

Found walking a 200-workshop portfolio as a lead: the Monday view listed another
workshop's overdue task and nothing led there; Enter did nothing, and the way was
Home, find the workshop among 200, open it, step 8.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import planned_workshop, ready, second_workshop, until
from tui.app.launch import build_app


@pytest.fixture
def wid(db_path: Path) -> int:
    return planned_workshop(db_path)


async def _on_item(pilot: object, app: object, key: str) -> None:
    view = app.screen.view("tracker")  # type: ignore[attr-defined]
    app.screen.set_focus(view.table)  # type: ignore[attr-defined]
    await pilot.press("w")  # type: ignore[attr-defined]
    assert await until([pilot], lambda: view.all_items is not None)
    await pilot.pause()  # type: ignore[attr-defined]
    view.table.move_cursor(row=view.table.get_row_index(key), animate=False)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_enter_on_another_workshops_task_opens_that_workshop_at_its_plan(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    other, task_id = second_workshop(db_path)
    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await _on_item(pilot, app, f"task:{task_id}")
        await pilot.press("enter")
        assert await until([pilot], lambda: app.session.journey.workshop.id == other)
        assert await until([pilot], lambda: getattr(app.screen, "step", "") == "plan")


async def test_enter_on_this_workshops_task_goes_to_its_plan_step(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    second_workshop(db_path)
    with Store(db_path, who="check") as store:
        task = store.load(wid).plan_tasks[0].id
    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        await _on_item(pilot, app, f"task:{task}")
        await pilot.press("enter")
        assert await until([pilot], lambda: getattr(app.screen, "step", "") == "plan")
        assert app.screen is screen  # the same screen: its built views are kept
