"""Change detection between seats: a commit in one store fires the other's watcher."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.workshop import Touchpoint, Workshop
from models.live import presence
from models.live.watch import Watcher

pytestmark = pytest.mark.both_engines


def _fired(watcher: Watcher, engine: str) -> bool:
    """A server's notification travels after the commit returns: wait for it (bounded)."""
    deadline = time.monotonic() + 10
    while not watcher.poll():
        if engine == "sqlite" or time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def test_write_in_a_fires_watcher_in_b(db_path: Path, store: Store, engine: str) -> None:
    wid = int(store.create_workshop(title="Login").id or 0)
    other = Store(db_path, who="ana")
    try:
        watcher = Watcher(other)
        assert watcher.poll() is False  # nothing happened yet
        store.update(Workshop, wid, persona="Admin")
        assert _fired(watcher, engine)
        assert watcher.poll() is False  # once per batch of commits
        stage = store.load(wid).stages[0]
        store.add(Touchpoint(stage_id=stage.id or 0, name="Reset link"))
        store.update(Workshop, wid, persona="Owner")
        assert _fired(watcher, engine)
        if engine != "sqlite":  # two commits may reach a listener in one read or two
            time.sleep(0.2)
            watcher.poll()
        assert watcher.poll() is False
        assert [tp.name for tp in other.load(wid).ordered_touchpoints()] == ["Reset link"]
    finally:
        other.close()


def test_presence_heartbeats_are_seen_too(db_path: Path, store: Store, engine: str) -> None:
    wid = int(store.create_workshop(title="Login").id or 0)
    other = Store(db_path, who="ana")
    try:
        watcher = Watcher(other)
        presence.join(store, wid, "tester")
        assert _fired(watcher, engine)
    finally:
        other.close()


def test_reads_do_not_fire(db_path: Path, store: Store) -> None:
    wid = int(store.create_workshop(title="Login").id or 0)
    watcher = Watcher(store)
    other = Store(db_path, who="ana")
    try:
        other.load(wid)
        other.list_workshops()
        assert watcher.poll() is False
    finally:
        other.close()


def test_many_idle_polls_stay_quiet(store: Store) -> None:
    """Polling (as the app does every 100 ms) is itself no commit and never fires."""
    watcher = Watcher(store)
    assert sum(watcher.poll() for _ in range(10_000)) == 0
