"""Two seats' writes made to meet: each, at a chosen point, waits for the other.

Why: a read-then-insert write is only safe if two of them queue before the read.  To
show it, the first seat to reach the point after its read waits until the other has
read too (the writes interleave: the race) or is waiting for the write lock (they
queue).  The waits are on the seats' own state and the server's lock table, never on
time, so a loaded machine makes them slower, never wrong.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event

from models.db.store import Store

LOCK_STATEMENTS = ("BEGIN IMMEDIATE", "pg_advisory_xact_lock")


def _until(done: Callable[[], bool]) -> None:
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


class Meeting:
    """Where two writers ``meet``: each seat is known by its writing store's ``who``."""

    def __init__(self, db: Path | str, writers: list[Store]) -> None:
        self.db = str(db)
        self.on_server = writers[0].on_server
        self.names = [w.who for w in writers]
        self.arrived: set[str] = set()
        self.at_lock: set[str] = set()
        for writer in writers:
            self._watch_lock(writer)

    def _watch_lock(self, store: Store) -> None:
        """Mark ``store.who`` while its connection runs the write-lock statement."""
        def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if any(s in statement for s in LOCK_STATEMENTS):
                self.at_lock.add(store.who)

        def after(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if any(s in statement for s in LOCK_STATEMENTS):
                self.at_lock.discard(store.who)

        event.listen(store.engine, "before_cursor_execute", before)
        event.listen(store.engine, "after_cursor_execute", after)

    def _waiting(self, who: str) -> bool:
        """A file's writer in ``BEGIN IMMEDIATE`` while the other holds the lock waits; a
        server's is seen waiting in ``pg_stat_activity``."""
        return who in self.at_lock and (not self.on_server or _lock_waiters(self.db) > 0)

    def meet(self, who: str) -> None:
        """``who`` has read: wait until the other has read too or waits for the lock."""
        self.arrived.add(who)
        other = next(name for name in self.names if name != who)
        _until(lambda: other in self.arrived or self._waiting(other))


def two_seats(db: Path, build: Callable[[Store], int]) -> tuple[int, list[Store], Meeting]:
    """A workshop Lea built, and Ana's and Bo's stores on it, met by one ``Meeting``."""
    with Store(db, who="Lea") as lea:
        wid = build(lea)
    seats = [Store(db, who=name) for name in ("Ana", "Bo")]
    return wid, seats, Meeting(db, seats)


def at_once(work: list[Callable[[], Any]], stores: list[Store]
            ) -> tuple[list[Any], list[BaseException]]:
    """Run each piece of ``work`` in its own thread; (results, errors) once all ended and
    ``stores`` are closed."""
    results: list[Any] = []
    errors: list[BaseException] = []

    def run(job: Callable[[], Any]) -> None:
        try:
            results.append(job())
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(job,), daemon=True) for job in work]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for store in stores:
            store.close()
    return results, errors


def then_once(monkeypatch: Any, owner: object, name: str, other: Callable[[], Any]) -> None:
    """``owner.name`` runs ``other`` right after its first call returns.

    Why: a write that decides from a read made before it can be shown losing an edit
    without threads: hooked on the function that turns the read into the decision, the
    other seat's write lands between that read and this seat's write, every run.
    """
    original = getattr(owner, name)
    done: list[bool] = []

    def hooked(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if not done:
            done.append(True)
            other()
        return result

    monkeypatch.setattr(owner, name, hooked)
