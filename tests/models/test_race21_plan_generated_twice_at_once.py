"""Two seats generating the same unplanned map's plan at once write each task once.

``regenerate_plan`` reads the saved tasks inside its write and inserts the ones
missing; there is no unique key on a plan task's key.  Under PostgreSQL's READ
COMMITTED two seats could both read "no tasks" and both insert, leaving every
task twice, unless their writes queue before the read.  They do: a file's write
begins ``BEGIN IMMEDIATE``, a server's takes ``models.db.server.WRITE_LOCK`` first.
Here the first seat to have read waits inside its write until the other has read
too (the race) or is waiting for the write lock (the writes queue); the waits are
on the seats' own state and the server's lock table, never on time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import build_workshop_with_cards

pytestmark = pytest.mark.both_engines

LOCK_STATEMENTS = ("BEGIN IMMEDIATE", "pg_advisory_xact_lock")


def _until(done: Callable[[], bool]) -> None:
    """Wait for ``done``, with no time limit: the other seat either reads or waits on the
    write lock by itself, so a loaded machine only makes this slower, never wrong."""
    while not done():
        time.sleep(0.01)


def _lock_waiters(url: str) -> int:
    """How many connections to this server database wait for a lock right now."""
    import psycopg

    from models.db.server import libpq

    with psycopg.connect(libpq(url), autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                           "current_database() AND wait_event_type = 'Lock'").fetchone()
    return int(row[0]) if row else 0


def _watch_lock(store: Store, at_lock: set[str]) -> None:
    """Mark ``store.who`` in ``at_lock`` while its connection runs the write-lock statement."""
    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if any(s in statement for s in LOCK_STATEMENTS):
            at_lock.add(store.who)

    def after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if any(s in statement for s in LOCK_STATEMENTS):
            at_lock.discard(store.who)

    event.listen(store.engine, "before_cursor_execute", before)
    event.listen(store.engine, "after_cursor_execute", after)


def test_two_seats_first_visits_at_once_write_each_task_once(
        db_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, who="Lea") as lea:
        wid = build_workshop_with_cards(lea)
    seats = [Store(db_path, who=name) for name in ("Ana", "Bo")]
    journeys = [seat.load(wid) for seat in seats]  # both hold the map, still unplanned
    read_in_write: set[str] = set()
    at_lock: set[str] = set()
    for seat in seats:
        _watch_lock(seat, at_lock)

    def waiting(who: str) -> bool:
        if who not in at_lock:
            return False  # a file's writer in BEGIN IMMEDIATE while one holds it waits
        return engine == "sqlite" or _lock_waiters(str(db_path)) > 0

    card_ids = Store.card_ids

    def read_then_meet(self: Store, workshop_id: int) -> set[int]:
        ids = card_ids(self, workshop_id)  # the saved tasks were read just before this
        read_in_write.add(self.who)
        other = next(seat.who for seat in seats if seat.who != self.who)
        _until(lambda: other in read_in_write or waiting(other))
        return ids

    monkeypatch.setattr(Store, "card_ids", read_then_meet)
    errors: list[BaseException] = []

    def generate(seat: Store, journey: Any) -> None:
        try:
            regenerate_plan(seat, wid, journey=journey)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)

    threads = [threading.Thread(target=generate, args=pair, daemon=True)
               for pair in zip(seats, journeys, strict=True)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for seat in seats:
            seat.close()
    assert errors == []
    with Store(db_path) as store:
        keys = [task.key for task in store.plan_tasks(wid)]
    assert len(keys) > 7  # the method's phases and every card after the top one
    assert sorted(keys) == sorted(set(keys)), "a task was written twice"
