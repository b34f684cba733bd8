"""Keys and workers before idle work: a warm-up under way yields to them (issue 18).

Why: once a workshop shows, the screen builds the other steps' views at idle and
lays each out once out of sight (``tui/screens/warm_views.py``).  Tracker "all
workshops" (``w``) pressed in that window read the portfolio in a worker thread
while the main thread went on warming and building views: the two shared the
interpreter and the room waited twice as long (935-1,026 ms against 470 ms
without the warm-up).  Now a warm-up under way stops when a key is read and when a
worker runs, nothing idle starts while keys are busy or a worker runs, and the
stopped warm-up is done again later, at idle.

These tests count work (views built, layout passes that arrange a view nobody
sees), never time.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import ContentSwitcher

from models.db import light_journey
from models.db.store import Store
from models.rules.plan import regenerate_plan
from models.vocab import STEPS
from tests.helpers import SIZE, build_workshop, ready, second_workshop, until
from tests.tui.views import all_built
from tests.tui.warm_hold import HeldLooks
from tui.app.launch import build_app
from tui.screens.warm_views import laid_out, warm, warming
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView
from tui.widgets.typeahead import held_input

OFF_SCREEN = "layout passes arranging a view off screen"
BUILT = "views built"


def _off_screen(screen: Screen[Any]) -> list[str]:
    """The step views displayed (so laid out) that are not the step on screen."""
    if not isinstance(screen, WorkshopScreen):
        return []
    switchers = screen.query_children(ContentSwitcher)
    return [str(v.id) for s in switchers for v in s.children
            if isinstance(v, StepView) and v.display and v.id != f"step-{screen.step}"]


@pytest.fixture
def idle_work(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts, from ``clear()`` on, of the layout passes of the screen on view that
    arrange a step view off screen (a warm-up's cost) and of the step views mounted."""
    seen: Counter[str] = Counter()
    layout = Screen._refresh_layout
    mount = ContentSwitcher.mount

    def counted_layout(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        if self is self.app.screen and _off_screen(self):
            seen[OFF_SCREEN] += 1
        layout(self, *args, **kwargs)

    def counted_mount(self: ContentSwitcher, *widgets: Any, **kwargs: Any) -> Any:
        seen[BUILT] += len(widgets)
        return mount(self, *widgets, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)
    monkeypatch.setattr(ContentSwitcher, "mount", counted_mount)
    return seen


@pytest.fixture
def held_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold the tracker's portfolio read (in its worker thread) until the test lets it go."""
    go = threading.Event()
    real = light_journey.load_journeys

    def held(*args: Any, **kwargs: Any) -> Any:
        go.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(light_journey, "load_journeys", held)
    yield go
    go.set()


def _count_from_the_next_read(app: Any, seen: Counter[str]) -> None:
    """Start ``seen`` afresh when the next key is read (a warm-up's passes before it are
    idle work done before the key)."""
    first: list[bool] = []

    def read(_event: object) -> None:
        if not first:
            first.append(True)
            seen.clear()

    held_input(app).read.subscribe(app.screen, read, immediate=True)


def _screen(app: Any) -> WorkshopScreen:
    assert isinstance(app.screen, WorkshopScreen)
    return app.screen


def _warming(app: Any) -> list[StepView]:
    return [v for v in _screen(app).query(StepView) if warming(v) and v.display]


def _idle_looks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """``[n]``: how many times the idle builder has looked whether it may build (every
    ``PREBUILD_IDLE_S`` while it waits): a test waits for looks, not for time."""
    looks = [0]
    real = WorkshopScreen._keys_first

    def counting(screen: WorkshopScreen) -> bool:
        looks[0] += 1
        return real(screen)

    monkeypatch.setattr(WorkshopScreen, "_keys_first", counting)
    return looks


async def test_tracker_all_pressed_during_a_warm_up_waits_for_no_idle_work(
        db_path: Path, monkeypatch: pytest.MonkeyPatch, idle_work: Counter[str],
        held_read: threading.Event) -> None:
    """``w`` read while a view is being laid out out of sight: from the key to every
    workshop's items on screen, no view is built and no layout pass arranges a view
    off screen, however long the portfolio read takes.  Afterwards the idle work
    resumes: every view is built, and the one stopped is laid out again."""
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
        regenerate_plan(store, wid)  # its tasks are tracked
    other, _task = second_workshop(db_path)
    held = HeldLooks(monkeypatch)  # a warm-up lasts long enough to be met
    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        assert await until([pilot], lambda: bool(_warming(app)), rounds=400)
        stopped = _warming(app)[0]
        view: Any = _screen(app).view("tracker")
        assert app.focused is view.table
        done: list[dict[str, int]] = []
        update = Screen._compositor_refresh

        def painted(self: Screen[Any]) -> None:
            update(self)
            if not done and self is app.screen and view.all_items is not None:
                done.append(dict(idle_work))  # every workshop's items are on screen

        monkeypatch.setattr(Screen, "_compositor_refresh", painted)
        _count_from_the_next_read(app, idle_work)
        looks = _idle_looks(monkeypatch)
        await pilot.press("w")
        # the read takes its time: the idle builder looks again and again meanwhile
        assert await until([pilot], lambda: looks[0] >= 5)
        assert not done
        held.release()
        held_read.set()
        assert await until([pilot], lambda: bool(done), rounds=400)
        assert done[0] == {}, done[0]
        assert {i.workshop_id for i in view.items.values()} == {wid, other}
        assert await all_built(pilot)
        assert sorted(str(v.id) for v in _screen(app).query(StepView)) == sorted(
            f"step-{s}" for s in STEPS)
        assert laid_out(stopped) and not warming(stopped)
        assert [v.id for v in _screen(app).query(StepView) if v.display] == ["step-tracker"]


async def test_a_key_read_stops_a_warm_up_under_way(db_path: Path, wid: int,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    idle_work: Counter[str]) -> None:
    """The view laid out out of sight is hidden when the key is read, before the key
    is handled: no layout pass the key causes arranges it."""
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        await pilot.pause()
        screen = _screen(app)
        view = screen.view("ownership")
        HeldLooks(monkeypatch)  # left alone, it would stay laid out
        warm(screen, view)
        assert await until([pilot], lambda: view.display and bool(view.region.area))
        _count_from_the_next_read(app, idle_work)
        await pilot.press("down")
        assert not warming(view) and not view.display
        await pilot.pause()
        assert idle_work[OFF_SCREEN] == 0, idle_work
        assert [v.id for v in screen.query(StepView) if v.display] == ["step-touchpoints"]
        assert app.focused is not None and app.focused.id == "touchpoints-table"


async def test_a_worker_stops_a_warm_up_and_idle_work_waits_for_it(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch,
        idle_work: Counter[str]) -> None:
    """A worker started while the views build (not by a key: another seat's edit
    reloads the tracker's portfolio, Plan reads it): the warm-up under way stops at its
    next look, and nothing is built or laid out at idle until the worker is done."""
    held = HeldLooks(monkeypatch)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        assert await until([pilot], lambda: bool(_warming(app)), rounds=400)
        stopped = _warming(app)[0]
        go = threading.Event()
        app.run_worker(lambda: go.wait(30), thread=True, group="test-read")
        held.release()  # its next look
        assert await until([pilot], lambda: not warming(stopped))
        idle_work.clear()
        looks = _idle_looks(monkeypatch)
        assert await until([pilot], lambda: looks[0] >= 5)  # the builder looked, and waits
        assert idle_work == {}, idle_work
        go.set()
        assert await all_built(pilot)
        assert laid_out(stopped) and not warming(stopped)
