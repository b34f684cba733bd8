"""One ordered queue of held input: keys come back in the order they were read.

The store opening (the early scope step) and a step view mounting both hold
keys.  ``3 a Status page`` in one burst while the store opens: ``3`` given back
mounts the touchpoints view, and the rest of the burst is read while it mounts.
Two queues released one after the other gave the name back shuffled
(``tSatus page``, ``tus pageaS``); one queue drained strictly in order keeps it.
No timings: the gate holds the store, and the keys read "while the view mounts"
are posted at the very moment its mount starts.

A loaded machine is the other half: a key given back travels from the app to
the focused widget and bubbles back up to the app, where its binding runs.
``slow`` makes that trip take a while (the workshop screen's own key handler
sleeps, as a busy event loop would), so a queue that gives back the next key
before the last one's trip has ended lets it overtake.
"""

from __future__ import annotations

import asyncio
import importlib
import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events

from models.db.store import Store
from tests.helpers import until
from tests.tui.early_open import early_screen, store_open
from tui.app.app import JourneyApp
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView


def _key(ch: str) -> events.Key:
    return events.Key("space" if ch == " " else ch, ch)


def _slow_screen(monkeypatch: pytest.MonkeyPatch, where: type = WorkshopScreen) -> None:
    """Every key bubbling through ``where`` (the workshop screen, a step view) takes a
    moment to reach the app."""

    async def on_key(self: Any, event: events.Key) -> None:
        await asyncio.sleep(0.03)

    monkeypatch.setattr(where, "on_key", on_key, raising=False)


@pytest.mark.parametrize("slow", [False, True])
@pytest.mark.parametrize("site", ["tui.screens.workshop"])
@pytest.mark.parametrize("split", [2, 4, 7])
async def test_a_burst_split_between_the_store_opening_and_a_later_hold_stays_in_order(
        db_path: Path, wid: int, gate: threading.Event, monkeypatch: pytest.MonkeyPatch,
        split: int, site: str, slow: bool) -> None:
    """The rest of the burst is read the moment a hold starts at ``site`` (a step view
    mounting, the new row's form on its way)."""
    if slow:
        _slow_screen(monkeypatch)
    burst = ["3", "a", *"Status page"]
    early, later = burst[:split], burst[split:]
    module = importlib.import_module(site)
    real = module.hold
    posted: list[bool] = []

    def hold(app: Any, *args: Any) -> None:
        real(app, *args)
        if not posted and app.store is not None:
            posted.append(True)
            for ch in later:
                app.post_message(_key(ch))

    monkeypatch.setattr(module, "hold", hold)
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await early_screen(app, pilot)
        for ch in early:
            app.post_message(_key(ch))
        await pilot.pause()
        gate.set()
        await store_open(app, pilot)
        for _ in range(300):
            focused = app.screen.focused
            if getattr(focused, "value", None) == "Status page":
                break
            await pilot.pause(0.01)
        assert posted
        assert getattr(app.screen.focused, "value", None) == "Status page"
        await pilot.press("escape")
        await pilot.pause()
    with Store(db_path, who="check") as s:
        names = [tp.name for tp in s.load(wid).ordered_touchpoints()]
    assert "Status page" in names, names


async def test_a_whole_burst_typed_while_the_store_opens_on_a_slow_machine_stays_in_order(
        db_path: Path, wid: int, gate: threading.Event, monkeypatch: pytest.MonkeyPatch) -> None:
    """``3 a Status page`` + Tab + ``2`` all read before the store is open, every key's
    trip through the screen slow: the name, then the next field, in order."""
    _slow_screen(monkeypatch)
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await early_screen(app, pilot)
        for ch in ["3", "a", *"Status page"]:
            app.post_message(_key(ch))
        await pilot.pause()
        gate.set()
        await store_open(app, pilot)
        assert await until([pilot], lambda: getattr(app.screen.focused, "value", None)
                           == "Status page", rounds=400), getattr(app.screen.focused,
                                                                  "value", None)
        await pilot.press("escape")
        await pilot.pause()
    with Store(db_path, who="check") as s:
        names = [tp.name for tp in s.load(wid).ordered_touchpoints()]
    assert "Status page" in names, names


async def test_no_prebuild_may_start_while_a_step_key_given_back_is_on_its_way(
        db_path: Path, wid: int, gate: threading.Event, mounts: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``7`` typed while the store opens: from the store's opening until its binding has
    shown Tracker, every idle check of the prebuild says "keys first" (the queue is busy
    while a key given back is on its way, not only while it is queued)."""
    import tui.screens.workshop as workshop

    monkeypatch.setattr(workshop, "PREBUILD_IDLE_S", 0.001)
    checks: list[tuple[str, bool]] = []
    real = WorkshopScreen._keys_first

    def keys_first(screen: WorkshopScreen) -> bool:
        wait = real(screen)
        if screen.session.store is not None:
            checks.append((screen.step, wait))
        return wait

    monkeypatch.setattr(WorkshopScreen, "_keys_first", keys_first)
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await early_screen(app, pilot)
        mounts.clear()
        app.post_message(_key("7"))
        await pilot.pause()
        gate.set()
        assert await until([pilot], lambda: screen.step == "tracker"
                           and any(v.id == "step-tracker" and v.ready
                                   for v in screen.query(StepView)), rounds=400), mounts
        assert mounts[0] == "step-tracker", mounts
    assert ("scope", False) not in checks, checks
