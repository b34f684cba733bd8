"""Cheap "did anyone commit?" polling for live refresh between seats.

SQLite's ``PRAGMA data_version`` is a per-connection counter that moves when
*another* connection commits to the file; reading it touches only the shared
memory index (about a microsecond or two), so the app can ask every 100 ms and
reload the journey only when the answer is yes.  It needs a connection that
stays open and is used for nothing else: the store's pooled connections come
and go, and a connection's own commits do not move its counter.  That is what
``Store.data_version()`` keeps.

Note that the store's *own* edits are made on other connections than the
dedicated one, so they fire the watcher too: the app reloads after its own
edits as well, which is what it wants anyway.

On a PostgreSQL server the counter is the number of ``LISTEN/NOTIFY``
notifications received, and ``wake_on`` lets the server push instead: the seat
is woken the moment its workshop changes rather than at the next poll.
"""

from __future__ import annotations

from collections.abc import Callable

from models.db.store import Store


class Watcher:
    """Tells whether the database changed since the previous ``poll``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._last = store.data_version()

    def poll(self) -> bool:
        """True once per batch of commits made since the last call."""
        current = self.store.data_version()
        if current == self._last:
            return False
        self._last = current
        return True

    def wake_on(self, workshop_id: int, wake: Callable[[], None]) -> bool:
        """Have ``wake`` called (from a thread) when the workshop changes, if pushed.

        False on a file: there the 100 ms poll is the only way (and cheap).
        """
        return self.store.wake_on(workshop_id, wake)

    def lost(self) -> str:
        """One sentence while the server cannot be reached; "" on a file or while connected."""
        return self.store.server_lost()
