"""Schema version stamp, file checks and upgrades.

Why not Alembic: every schema change so far is additive (new tables, new columns
with defaults), which SQLAlchemy's inspector plus ``ALTER TABLE ADD COLUMN``
handles generically in a few lines, without Alembic's import cost on every start
or a migrations folder to ship.  Non-additive steps go into ``STEPS`` as explicit
functions, run in order, so the mechanism grows without changing shape.

The file is inspected through a *read-only* sqlite3 connection before anything
else touches it: a foreign file, a non-SQLite file or a file written by a newer
journeymap is refused and left byte-for-byte unchanged (switching the journal to
WAL alone would rewrite the header).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

APP_NAME = "journeymap"
SCHEMA_VERSION = 2
SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database that the user can act on; the message says how."""


class FileState(Enum):
    NEW = "new"  # missing or empty: create the schema
    CURRENT = "current"
    OLDER = "older"  # written by an older journeymap: upgrade


def inspect_file(path: Path) -> tuple[FileState, int]:
    """Classify a database file without writing to it; raise StoreError to refuse it."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState.NEW, 0
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file.")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if head != SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not a journeymap database (it is not an SQLite file); "
            "it was left untouched. Choose another file with --db."
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:  # pragma: no cover - depends on permissions
        raise StoreError(f"Cannot open {path}: {exc}.") from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return FileState.NEW, 0
        if "journeymap_meta" not in tables:
            raise StoreError(
                f"{path} is an SQLite database of another application, not journeymap; "
                "it was left untouched. Choose another file with --db."
            )
        meta = dict(conn.execute("SELECT key, value FROM journeymap_meta").fetchall())
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} cannot be read as a journeymap database ({exc}); it was left untouched."
        ) from exc
    finally:
        conn.close()
    if meta.get("app") != APP_NAME:
        raise StoreError(f"{path} was not written by journeymap; it was left untouched.")
    try:
        version = int(meta.get("schema_version", "0"))
    except ValueError as exc:
        raise StoreError(f"{path} has an unreadable schema version; it was left untouched.") from exc
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer journeymap (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); it was left untouched. Upgrade journeymap to open it."
        )
    if version < SCHEMA_VERSION:
        return FileState.OLDER, version
    return FileState.CURRENT, version


def _add_missing_columns(conn: Connection) -> None:
    """Additive upgrade: create missing tables, add missing columns with their defaults."""
    SQLModel.metadata.create_all(conn)
    inspector = inspect(conn)
    for table in SQLModel.metadata.sorted_tables:
        present = {col["name"] for col in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            ddl_type = column.type.compile(dialect=conn.dialect)
            default = _default_sql(column)
            conn.execute(
                text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {ddl_type}{default}')
            )


def _default_sql(column) -> str:  # type: ignore[no-untyped-def]
    """A DEFAULT clause from the model's Python default, so existing rows get a value."""
    default = getattr(column.default, "arg", None)
    if default is None or callable(default):
        return "" if column.nullable else " DEFAULT ''"
    if isinstance(default, bool):
        return f" DEFAULT {int(default)}"
    if isinstance(default, int | float):
        return f" DEFAULT {default}"
    return " DEFAULT '" + str(default).replace("'", "''") + "'"


# Explicit, ordered upgrade steps: version reached -> function.  Additive changes
# need no entry; ``_add_missing_columns`` always runs last.
STEPS: dict[int, Callable[[Connection], None]] = {}


def upgrade(conn: Connection, from_version: int) -> None:
    """Bring an older file up to SCHEMA_VERSION inside the caller's transaction."""
    for version in sorted(STEPS):
        if version > from_version:
            STEPS[version](conn)
    _add_missing_columns(conn)
    stamp(conn)


def stamp(conn: Connection) -> None:
    """Write who owns this file and its schema version."""
    for key, value in (("app", APP_NAME), ("schema_version", str(SCHEMA_VERSION))):
        conn.execute(
            text(
                "INSERT INTO journeymap_meta (key, value) VALUES (:k, :v) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            {"k": key, "v": value},
        )
