"""What the light read turns a stored value into: the Python SQLAlchemy would give.

Why a module of its own: the row initialisers that use these are generated, both at
run time (``models.db.light_journey.RowReader``) and once, from the schema, into
``models.db.light_inits``; both name the same converters, so they live below both.
A converter never sees NULL (the row initialiser keeps None as None), so a flag is
``bool`` of SQLite's 0/1 and a number ``float``, as SQLAlchemy reads them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any


def stored_when(value: object) -> dt.datetime | None:
    """A DATETIME as the store reads it back: stored as naive UTC text, read as aware UTC.

    ``combine`` attaches UTC for a quarter of what ``replace(tzinfo=...)`` costs
    (which parses keywords): 500 pain points' ``created_at`` cost ~5 M instructions.
    """
    if not isinstance(value, str) or not value:
        return None
    when = dt.datetime.fromisoformat(value)
    return when if when.tzinfo else dt.datetime.combine(when, when.time(), dt.UTC)


def stored_date(value: object) -> dt.date | None:
    """A DATE as the store reads it back."""
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


CONVERT: dict[str, Callable[[Any], Any]] = {
    "DATETIME": stored_when, "DATE": stored_date, "BOOLEAN": bool, "FLOAT": float,
}

# What a table's generated initialiser depends on in a file: each column's (name,
# declared type, NULL allowed) in order, and its keys as sorted (column, table named).
Signature = tuple[tuple[tuple[str, str, bool], ...], tuple[tuple[str, str], ...]]
