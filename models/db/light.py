"""Stdlib-only reads for the first screen, before SQLModel is imported.

Why: importing SQLModel/SQLAlchemy and opening the store takes most of a
second here, while the Home list needs six columns of one table.  Reading those
with ``sqlite3`` lets the portfolio appear while the store opens behind it.
Only a file at the current schema is read this way; anything else (a new, older
or foreign file, any SQLite error) answers None and the caller takes the normal
path, which reports or upgrades as usual.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.db import bad_cells
from models.db.dbfile import StoreError, open_current


@dataclass(frozen=True)
class WorkshopRow:
    """The Home list's columns of one workshop (same names as ``tables.Workshop``)."""

    id: int
    title: str
    persona: str
    scenario: str
    current_step: str
    updated_at: dt.datetime | None
    # what Home's "Last review" column reads (``models.rules.staleness.review_status``):
    # with them the early list is the list the store gives a moment later, row for row
    last_reviewed_at: dt.date | None
    created_at: dt.datetime | None
    state: str = "current"  # "future" for a to-be copy: Home marks it (``WORKSHOP_STATES``)


def _when(value: object) -> dt.datetime | None:
    """A DATETIME as the store keeps it: naive UTC text, read back as aware UTC."""
    if not isinstance(value, str) or not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)  # stored as UTC (tables.UTC)


def _date(value: object) -> dt.date | None:
    """A DATE as the store reads it back (ISO text), None when absent or unreadable."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


# Home's columns, in ``Store.list_workshops`` order (newest change first): the one
# query both the file's and the server's light read send (``models.db.light_server``).
HOME_ROWS_SQL = ("SELECT id, title, persona, scenario, current_step, updated_at,"
                 " last_reviewed_at, created_at, state FROM workshop"
                 " ORDER BY updated_at DESC, id")


def home_row(r: Sequence[Any], when: Callable[[Any], dt.datetime | None] = _when,
             date: Callable[[Any], dt.date | None] = _date) -> WorkshopRow:
    """One ``HOME_ROWS_SQL`` row; ``when``/``date`` read the driver's times (SQLite's text)."""
    return WorkshopRow(int(r[0]), str(r[1] or ""), str(r[2] or ""), str(r[3] or ""),
                       str(r[4] or ""), when(r[5]), date(r[6]), when(r[7]),
                       str(r[8] or "current"))


def list_workshops(path: Path) -> list[WorkshopRow] | None:
    """Rows and order of ``Store.list_workshops`` (newest change first), or None."""
    try:
        conn = open_current(path, quick_check=False)
        if conn is None:
            return None
        try:
            # what the store refuses to list is not listed here either (the store words it)
            bad_cells.check(conn.execute, None, tables=("workshop",))
            rows = conn.execute(HOME_ROWS_SQL).fetchall()
        finally:
            conn.close()
    except (StoreError, sqlite3.Error, OSError):
        return None
    return [home_row(r) for r in rows]
