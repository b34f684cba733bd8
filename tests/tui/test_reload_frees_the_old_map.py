"""A map read again frees the one it replaces (issue 18).

A live refresh (another seat's edit) reads the whole map again.  The snapshot it
replaced stayed in memory while two things held it: the Scope view's form, built
at idle and hidden, kept the workshop row (which reaches the rest of its snapshot)
until shown again, and the session's derived data (the Pains ranking, the
Ownership handoffs, filled by those hidden views) kept the snapshot they were
derived from.  On big15's 10,000-touchpoint map that was a second snapshot,
+40-60 MB of a seat (``bench/seat_memory.py``).  ``gc.freeze`` was not a cause:
a frozen object is still freed when the last reference to it goes, and the rows
of a snapshot make no cycles, so the heap stays frozen.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready, until
from tests.tui.views import all_built
from tui.app import idle_gc
from tui.app.launch import build_app


@asynccontextmanager
async def _built_seat(tmp_path: Path) -> AsyncIterator[tuple[Any, Any, int, weakref.ref[Any]]]:
    """A seat at Touchpoints with every view built; a weak reference to its workshop row
    (which reaches the rest of the snapshot on screen)."""
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
        yield app, pilot, wid, replaced


async def test_the_snapshot_a_reload_replaced_is_freed_at_idle(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(idle_gc, "IDLE_S", 0.0)
    async with _built_seat(tmp_path) as (app, pilot, _wid, replaced):
        app.session.reload()
        assert app.session.journey is not None
        assert replaced() is not app.session.journey.workshop
        await until([pilot], lambda: replaced() is None, rounds=200)
        assert replaced() is None, "the snapshot replaced by the reload is still in memory"
        assert gc.get_freeze_count() > 0, "the long-lived heap is no longer frozen"


async def test_a_reload_lets_go_of_the_snapshot_before_it_reads_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot on screen is let go once the store has found the workshop, before
    the rows are read: on a 10,000-touchpoint map two whole snapshots at once were
    the seat's peak (+30 MB that the allocator kept after every live refresh)."""
    from models.db import store_reads

    async with _built_seat(tmp_path) as (app, _pilot, wid, replaced):
        alive_when_read: list[bool] = []
        made = store_reads.Journey

        def journey(**rows: object) -> object:
            alive_when_read.append(replaced() is not None)
            return made(**rows)  # type: ignore[arg-type]

        monkeypatch.setattr(store_reads, "Journey", journey)
        app.session.reload()
        assert alive_when_read == [False], "the old snapshot was alive beside the new one"
        assert app.session.journey is not None
        assert app.session.journey.workshop.id == wid


async def test_a_reload_the_store_refuses_keeps_the_snapshot_on_screen(tmp_path: Path) -> None:
    """A workshop deleted by another seat: the reload says so and the map stays."""
    async with _built_seat(tmp_path) as (app, _pilot, wid, _replaced):
        shown = app.session.journey
        assert shown is not None
        with Store(app.db_path, who="kim") as other:
            other.delete_workshop(wid)
        app.session.reload()
        assert app.session.journey is shown


async def test_a_reload_keeps_one_copy_of_the_rows_it_did_not_change(tmp_path: Path) -> None:
    """The table shows the rows it was given first; after a reload its record of them
    (``sync_table``'s, to compare the next time) held the reload's equal copies, so a
    10,000-row table was kept twice from the first live refresh on."""
    async with _built_seat(tmp_path) as (app, pilot, _wid, _replaced):
        table = app.screen.query_one("#step-touchpoints").table
        before = dict(table._jm_rows)
        assert before
        app.session.reload()
        await pilot.pause()
        after = table._jm_rows
        assert after.keys() == before.keys()
        copies = [key for key in before if after[key] is not before[key]]
        assert not copies, f"{len(copies)} of {len(before)} unchanged rows kept twice"
