"""Store work running on other threads, which the store's close waits for.

Why: the app's thread workers (a ticket import, an export, the Tracker's and the Plan's
reads of every workshop) use the store while the lead may quit.  ``Store.close`` disposes
the engine, which closes every thread's SQLite connection of the pool; closed under a
thread that was inside a statement it crashed the process inside SQLite (session 16),
and between two statements the thread silently opened a new connection that was never
closed, leaving ``-wal``/``-shm`` beside the file.  A thread's store work runs inside
``running()``; ``finish`` refuses new work and waits for the work under way, so an
import is saved whole (or stopped before it stores anything), never cut in two.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

CLOSE_WAIT_S = 60.0  # a write waits at most 15 s for the lock: this is several of them


class StoreWork:
    """How many store calls each thread has under way, and whether the store is closing."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._under_way: dict[int, int] = {}  # thread id -> nested ``running`` blocks
        self.closing = False

    @contextmanager
    def running(self) -> Iterator[bool]:
        """One piece of store work on this thread: True, or False (and nothing held) once
        the store is closing, when the work must not start."""
        me = threading.get_ident()
        with self._changed:
            refused = self.closing and not self._under_way.get(me)
            if not refused:
                self._under_way[me] = self._under_way.get(me, 0) + 1
        if refused:
            yield False
            return
        try:
            yield True
        finally:
            with self._changed:
                left = self._under_way.pop(me) - 1
                if left:
                    self._under_way[me] = left
                self._changed.notify_all()

    def finish(self, bound: float = CLOSE_WAIT_S) -> bool:
        """Refuse new work and wait for other threads' work under way; False if some is
        still running after ``bound`` seconds (the store must then stay open)."""
        me = threading.get_ident()
        with self._changed:
            self.closing = True
            return self._changed.wait_for(
                lambda: not any(n for who, n in self._under_way.items() if who != me), bound)
