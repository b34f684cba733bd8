"""A whole workshop read from a PostgreSQL server with plain psycopg: no SQLAlchemy, no ORM.

Why: ``export`` of a 2,000-touchpoint map on the team server took 0.9 s where the
same map in a file took 0.2 s; importing SQLModel and building ORM objects was
most of the difference (``bench/export_server.py``).  This is the server twin of
``models.db.light_journey``: the same queries (``read_journeys``), run on one
read-only psycopg connection in one REPEATABLE READ transaction (a snapshot, as
the file's ``BEGIN``), giving the same ``Journey`` as ``Store.load``.

psycopg already returns the Python types SQLAlchemy does for these columns (the
session speaks UTC, so times are aware UTC), so rows need no converters; their
names come from the query's own description.  Only a database stamped by
journeymap at the current schema is read; anything else (no ``server`` extra, a
server that cannot be reached or refuses, another application's database, an
older or newer schema, a workshop that is not there) answers None, and the
caller takes the store's path, which words the refusal as always.

A server that cannot be reached or refuses the connection is the exception: the
store would only try again and, on a network that drops packets, wait the whole
connect timeout a second time.  So a failed connect raises the store's own
sentence at once (``server.check``, then ``server.problem``: the password never
in it), and the command or the seat says it once.  The app's first screen and
the Tracker's "all workshops" read here too (``models.db.light_target``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from models.db.dbfile import APP_NAME, SCHEMA_VERSION, StoreError
from models.db.journey import Journey
from models.db.light import HOME_ROWS_SQL, WorkshopRow, home_row
from models.db.light_journey import Columns, RowReader, read_journeys
from models.db.server_link import plain_url, read_connection

T = TypeVar("T")


class ServerReader(RowReader):
    """``RowReader`` on a psycopg connection: ``%s`` marks, column names from the query."""

    mark = "%s"

    def columns(self, table: str, cursor: Any) -> Columns:
        if table not in self.converters:
            self.converters[table] = [(str(column.name), None)
                                      for column in cursor.description or ()]
        return self.converters[table]


def _current(conn: Any) -> bool:
    """Whether the database is journeymap's, at the schema this version reads."""
    meta = {str(k): str(v) for k, v in conn.execute(
        "SELECT key, value FROM journeymap_meta")}
    return meta.get("app") == APP_NAME and meta.get("schema_version") == str(SCHEMA_VERSION)


def refusal(target: str, exc: BaseException) -> StoreError:
    """The store's sentence for a connect that failed: what ``Store`` would raise.

    The store's words live with its engine (``models.db.server``, SQLAlchemy's URL
    parser): imported only here, on the way out, so a read that connects stays light.
    """
    from models.db import server

    server.check(target)  # an unreadable URL: the sentence that says how to write it
    return server.problem(target, exc)


class ServerLink:
    """One read-only connection for a seat's light reads, kept until the seat ends.

    Why: the Tracker's "all workshops" reads the portfolio again on every refresh,
    which is every edit anyone in the room makes; a connection per read started
    and ended a PostgreSQL backend each time (28 a minute for one seat with an
    edit every 2 s).  A seat's store keeps one of these (``Store.light_source``)
    and closes it with itself.  The connection opens at the first read, is
    replaced once when the server dropped it (a restart), and each read is its
    own REPEATABLE READ transaction, a snapshot as the file's ``BEGIN``.  A
    one-off read (an export, the first screen) uses one and closes it.
    """

    def __init__(self, target: str) -> None:
        self.target = target
        self._conn: Any = None
        self._closed = False
        self._lock = threading.Lock()  # the Tracker's workers may overlap

    def read(self, work: Callable[[Any], T]) -> T | None:
        """``work`` on the link's connection, or None for the store's path.

        None: not a URL libpq reads, no psycopg, not journeymap's database at
        this schema, or any error once connected (the store's path words those).
        A connect that fails raises ``refusal``'s sentence instead.
        """
        conninfo = plain_url(self.target)
        if conninfo is None:
            return None
        try:
            import psycopg
        except ImportError:
            return None
        with self._lock:
            for last in (False, True):
                fresh = self._conn is None
                conn = self._connect(psycopg, conninfo) if fresh else self._conn
                if conn is None:
                    return None
                try:
                    with conn.transaction():
                        return work(conn) if _current(conn) else None
                except psycopg.OperationalError:
                    lost = conn.closed or conn.broken
                    if lost:
                        self._drop(conn)
                    if fresh or last or not lost:
                        return None
                except (psycopg.Error, StoreError, OSError, ValueError):
                    return None
        return None

    def _connect(self, psycopg: Any, conninfo: str) -> Any:
        if self._closed:
            return None  # the seat ended while this read waited for the lock
        try:
            conn = read_connection(conninfo)
        except psycopg.OperationalError as exc:
            raise refusal(self.target, exc) from None
        except (psycopg.Error, OSError, ValueError):
            return None
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        self._conn = conn
        return conn

    def _drop(self, conn: Any) -> None:
        self._conn = None
        conn.close()

    def close(self) -> None:
        """End the connection; without the lock, so a seat that quits never waits on
        a read stuck on a dropped network (that read fails and answers None)."""
        self._closed = True
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


def _read(target: str | ServerLink, work: Callable[[Any], T]) -> T | None:
    """``work`` through the seat's link, or through a link of its own, closed after."""
    if isinstance(target, ServerLink):
        return target.read(work)
    link = ServerLink(target)
    try:
        return link.read(work)
    finally:
        link.close()


def load_journeys(target: str | ServerLink, workshop_ids: list[int] | None, *,
                  first: int | None = None) -> list[Journey] | None:
    """``light_journey.load_journeys`` for a server URL: the journeys, or None."""
    return _read(target, lambda conn: read_journeys(ServerReader(conn), workshop_ids, first))


def list_workshops(target: str | ServerLink) -> list[WorkshopRow] | None:
    """``light.list_workshops`` for a server URL: Home's rows, or None.

    psycopg already gives aware UTC datetimes and dates, so the times pass as they are.
    """
    return _read(target, lambda conn: [home_row(r, _same, _same)
                                       for r in conn.execute(HOME_ROWS_SQL)])


def openable(target: str | ServerLink, workshop_id: int | None) -> bool:
    """Whether a seat can open ``target`` (at ``workshop_id``) as it is, read lightly.

    False leaves the check to the store (an empty, older or foreign database, a
    workshop that is not there), which creates, upgrades or words the refusal.
    """
    def found(conn: Any) -> bool:
        return workshop_id is None or conn.execute(
            "SELECT 1 FROM workshop WHERE id = %s", (workshop_id,)).fetchone() is not None

    return bool(_read(target, found))


def _same(value: Any) -> Any:
    return value
