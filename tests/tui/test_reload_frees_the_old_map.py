"""A map read again frees the one it replaces, though it was frozen (issue 18).

The app freezes its long-lived objects out of the garbage collector's full passes
(after the load, and once every step view is built), so a pass never walks them
inside a key.  A frozen object is never collected, and the map's ORM rows hold
each other in cycles: the first snapshot replaced by a live refresh (another
seat's edit) stayed in memory for good, ~40 MB of a seat at 10,000 touchpoints.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready, until
from tests.tui.views import all_built
from tui.app import idle_gc
from tui.app.launch import build_app


async def test_the_snapshot_a_reload_replaced_is_freed_at_idle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(idle_gc, "IDLE_S", 0.0)
    db = tmp_path / "map.db"
    with Store(db, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        old = app.session.journey
        assert old is not None
        replaced = weakref.ref(old.workshop)
        del old
        app.session.reload()
        assert app.session.journey is not None
        assert replaced() is not app.session.journey.workshop
        await until([pilot], lambda: replaced() is None, rounds=200)
        assert replaced() is None, "the snapshot replaced by the reload is still in memory"
        assert gc.get_freeze_count() > 0, "the long-lived heap is no longer frozen"
