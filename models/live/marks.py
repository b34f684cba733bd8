"""Cheap "what kind of change was that?" checks for the pairing loop, in raw SQLite.

``PRAGMA data_version`` only says *someone* committed.  Most commits in a busy
room are heartbeats (six seats, one every 3 s each), which change nothing on
screen.  Reloading the journey and redrawing for each would cost an idle seat
several per cent of a core, so the loop first asks two tiny questions on its
own read-only ``sqlite3`` connection (no ORM, tens of microseconds):

- ``content()``: the workshop's ``updated_at``, the newest change-log id and the
  dot votes - moves on every edit (every store edit bumps ``updated_at`` and
  logs; votes are unlogged by design, hence counted separately);
- ``presence(now, window)``: the seats as the presence bar shows them (name,
  role, step, follow, done, and who is active right now) - a heartbeat that
  only refreshes ``last_seen`` leaves it unchanged.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

CONTENT_SQL = """
SELECT (SELECT updated_at FROM workshop WHERE id = :w),
       (SELECT max(id) FROM changelog WHERE workshop_id = :w),
       (SELECT count(*) || ':' || total(v.id) FROM vote v
          JOIN painpoint p ON p.id = v.pain_point_id WHERE p.workshop_id = :w)
"""
SERVER_CONTENT_SQL = """
SELECT (SELECT updated_at FROM workshop WHERE id = %(w)s),
       (SELECT max(id) FROM changelog WHERE workshop_id = %(w)s),
       (SELECT count(*) || ':' || coalesce(sum(v.id), 0) FROM vote v
          JOIN painpoint p ON p.id = v.pain_point_id WHERE p.workshop_id = %(w)s)
"""
PRESENCE_SQL = """
SELECT id, name, role, current_step, following, done_step, last_seen
  FROM participant WHERE workshop_id = ? ORDER BY id
"""


def _when(value: Any) -> dt.datetime | None:
    """A stored timestamp (naive text, UTC by convention) as an aware datetime."""
    if value is None:
        return None
    try:
        when = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


class ServerGone(sqlite3.OperationalError):
    """A server query failed; the pairing loop treats it like a busy file (next poll)."""


class _ServerConn:
    """The few ``sqlite3.Connection`` calls Marks makes, on a PostgreSQL connection.

    Autocommit and read-only, so no transaction stays open between polls; ``?``
    placeholders become psycopg's; errors become ``ServerGone``.
    """

    def __init__(self, url: str) -> None:
        import psycopg

        self._error = psycopg.Error
        self._url = url
        self._conn: Any = self._connect()

    def _connect(self) -> Any:
        from models.db.server import libpq
        from models.db.server_link import read_connection

        return read_connection(libpq(self._url), autocommit=True)

    def execute(self, sql: str, params: Any) -> Any:
        """Run one read; a connection lost since the last one (the server restarted)
        is replaced and the read asked once more, so the seat's first check after the
        server is back sees what changed meanwhile."""
        sql = SERVER_CONTENT_SQL if sql == CONTENT_SQL else sql.replace("?", "%s")
        for last in (False, True):
            try:
                if self._conn is None:
                    self._conn = self._connect()
                return self._conn.execute(sql, params)
            except self._error as exc:
                stale = self._conn is not None and self._conn.closed
                if stale:
                    self._conn = None
                if last or not stale:
                    raise ServerGone(str(exc)) from exc
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


class Marks:
    """Fingerprints of one workshop's content and presence on a private connection."""

    def __init__(self, path: str | Path, workshop_id: int) -> None:
        from models.db.dbfile import is_url

        self.conn: Any
        if is_url(path):
            self.conn = _ServerConn(str(path))
        else:
            uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, timeout=15, check_same_thread=False,
                                        isolation_level=None)
        self.workshop_id = workshop_id

    def content(self) -> tuple[Any, ...]:
        return tuple(self.conn.execute(CONTENT_SQL, {"w": self.workshop_id}).fetchone())

    def foreign_edits(self, after_log_id: int | None, who: str) -> int:
        """How many change-log rows newer than ``after_log_id`` someone else wrote."""
        row = self.conn.execute(
            "SELECT count(*) FROM changelog WHERE workshop_id = ? AND id > ? AND who != ?",
            (self.workshop_id, after_log_id or 0, who)).fetchone()
        return int(row[0])

    def presence(self, now: dt.datetime, window_s: float) -> tuple[tuple[Any, ...],
                                                                  frozenset[int]]:
        """(what the bar shows, ids of the seats active at ``now``)."""
        rows = self.conn.execute(PRESENCE_SQL, (self.workshop_id,)).fetchall()
        limit = dt.timedelta(seconds=window_s)
        active = frozenset(int(r[0]) for r in rows
                           if (seen := _when(r[6])) is not None and now - seen <= limit)
        return tuple(r[:6] for r in rows) + (active,), active

    def close(self) -> None:
        self.conn.close()
