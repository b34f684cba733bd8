"""One ordered queue of held input: keys come back in the order they were read.

The store opening (the early scope step) and a step view mounting both hold
keys.  ``3 a Status page`` in one burst while the store opens: ``3`` given back
mounts the touchpoints view, and the rest of the burst is read while it mounts.
Two queues released one after the other gave the name back shuffled
(``tSatus page``, ``tus pageaS``); one queue drained strictly in order keeps it.
No timings: the gate holds the store, and the keys read "while the view mounts"
are posted at the very moment its mount starts.
"""

from __future__ import annotations

import importlib
import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events

from models.db.store import Store
from tui.app.app import JourneyApp

from .test_early_workshop import early_screen, store_open


def _key(ch: str) -> events.Key:
    return events.Key("space" if ch == " " else ch, ch)


@pytest.mark.parametrize("site", ["tui.screens.workshop"])
@pytest.mark.parametrize("split", [2, 4, 7])
async def test_a_burst_split_between_the_store_opening_and_a_later_hold_stays_in_order(
        db_path: Path, wid: int, gate: threading.Event, monkeypatch: pytest.MonkeyPatch,
        split: int, site: str) -> None:
    """The rest of the burst is read the moment a hold starts at ``site`` (a step view
    mounting, the new row's form on its way)."""
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
