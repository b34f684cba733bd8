"""Change detection between seats: a commit in one store fires the other's watcher."""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables import Touchpoint, Workshop
from models.live import presence
from models.live.watch import Watcher


def test_write_in_a_fires_watcher_in_b(db_path: Path, store: Store) -> None:
    wid = int(store.create_workshop(title="Login").id or 0)
    other = Store(db_path, who="ana")
    try:
        watcher = Watcher(other)
        assert watcher.poll() is False  # nothing happened yet
        store.update(Workshop, wid, persona="Admin")
        assert watcher.poll() is True
        assert watcher.poll() is False  # once per batch of commits
        stage = store.load(wid).stages[0]
        store.add(Touchpoint(stage_id=stage.id or 0, name="Reset link"))
        store.update(Workshop, wid, persona="Owner")
        assert watcher.poll() is True
        assert watcher.poll() is False
        assert [tp.name for tp in other.load(wid).ordered_touchpoints()] == ["Reset link"]
    finally:
        other.close()


def test_presence_heartbeats_are_seen_too(db_path: Path, store: Store) -> None:
    wid = int(store.create_workshop(title="Login").id or 0)
    other = Store(db_path, who="ana")
    try:
        watcher = Watcher(other)
        presence.join(store, wid, "tester")
        assert watcher.poll() is True
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
