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
caller takes the store's path, which words the refusal as always.  Nothing here
prints or raises the URL, so its password goes nowhere.
"""

from __future__ import annotations

from typing import Any

from models.db.dbfile import APP_NAME, SCHEMA_VERSION, StoreError
from models.db.journey import Journey
from models.db.light_journey import Columns, RowReader, read_journeys
from models.db.server_link import plain_url, read_connection


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


def load_journeys(target: str, workshop_ids: list[int] | None, *,
                  first: int | None = None) -> list[Journey] | None:
    """``light_journey.load_journeys`` for a server URL: the journeys, or None."""
    conninfo = plain_url(target)
    if conninfo is None:
        return None
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with read_connection(conninfo) as conn:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            if not _current(conn):
                return None
            return read_journeys(ServerReader(conn), workshop_ids, first)
    except (psycopg.Error, StoreError, OSError, ValueError):
        return None
