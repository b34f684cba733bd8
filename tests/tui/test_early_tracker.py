"""`journeymap open ID --step tracker`: the Tracker from plain sqlite3 while the store opens.

Why: Tracker is where owners come back after the session (who does what by
when), so a workshop is often opened there.  Its view draws from the rows alone
(``models.rules.commitments`` reads attributes; nothing binds an ORM table), so,
like the scope step, it is drawn from the light read before SQLModel is imported
(about 50 ms of CPU instead of waiting 630-700 ms for the store).  Keys typed
meanwhile wait for the store and are given back in order, as on the early scope
step.  No timings: a gate holds the store's opening where a test needs "not open
yet".
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import screen_text, until
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def planned(store: Store, wid: int) -> int:
    """The workshop with its plan generated: the Tracker has items to show."""
    regenerate_plan(store, wid)
    return wid


def _tracker(app: Any) -> Any:
    screen = app.screen
    if not isinstance(screen, WorkshopScreen):
        return None
    view = screen.query_one_optional("#step-tracker")
    return view if view is not None and view.display and getattr(view, "items", None) else None


async def test_the_tracker_shows_from_sqlite_before_the_store_opens(
        db_path: Path, planned: int, gate: threading.Event) -> None:
    app: Any = build_app(db_path, planned, step="tracker", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await until([pilot], lambda: _tracker(app) is not None, rounds=500)
        await pilot.pause()
        screen, view = app.screen, _tracker(app)
        assert app.store is None  # the gate holds the store: this came from sqlite3
        assert type(app.journey.workshop).__name__ == "Row"
        assert "opening" in app.sub_title  # the room can see why keys wait
        early_items = sorted(view.items)
        assert early_items and "Tracker · who does what by when" in screen_text(app)
        assert app.focused is view.table
        await pilot.press("o")  # held: the overdue filter waits for the store
        assert view.overdue_only is False
        gate.set()
        assert await until([pilot], lambda: app.store is not None and view.overdue_only)
        assert app.screen is screen and _tracker(app) is view  # swapped in, not re-mounted
        assert type(app.journey.workshop).__name__ == "Workshop"
        assert sorted(view.items) == early_items
        assert "opening" not in app.sub_title
        await pilot.press("o", "w")  # the store's keys work as on any start
        assert await until([pilot], lambda: view.all_items is not None)
        assert not view.overdue_only and view.all_workshops


def test_the_tracker_is_drawn_before_sqlmodel_is_imported(db_path: Path, planned: int) -> None:
    """In a fresh interpreter: the early Tracker is up while ``sqlmodel`` is not loaded."""
    script = f"""
import asyncio, sys, threading
from tui.app.app import JourneyApp
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
gate = threading.Event()
real = JourneyApp._open_orm
def held(self):
    gate.wait(30)
    return real(self)
JourneyApp._open_orm = held
async def main():
    app = build_app({str(db_path)!r}, {planned}, step="tracker", who="t")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(1000):
            view = (app.screen.query_one_optional("#step-tracker")
                    if isinstance(app.screen, WorkshopScreen) else None)
            if view is not None and view.items:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        print("early", view is not None and bool(view.items),
              "sqlmodel" in sys.modules, "sqlalchemy" in sys.modules)
        gate.set()
        await app.workers.wait_for_complete()
asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=True)
    assert "early True False False" in out.stdout, out.stdout + out.stderr
