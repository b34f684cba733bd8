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

from collections.abc import Callable

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

# The file check lives in ``models.db.dbfile`` (stdlib only, so ``journeymap open`` can
# run it without importing SQLModel); re-exported here, the same objects.
from models.db.dbfile import (  # noqa: F401 - re-exported
    APP_NAME,
    SCHEMA_VERSION,
    SQLITE_MAGIC,
    FileState,
    StoreError,
    inspect_file,
)


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


def _to_3_accounts(conn: Connection) -> None:
    """Version 3 (trust): accounts beside names, and the portfolio audit table.

    Adds the columns and the ``audit`` table, then records the file's owner as the
    OS account of every existing workshop's creator (and of the creator's lead seat):
    older files kept names only, and the account that owns the file is the one that
    made them.  Without this, anyone typing the creator's name would still be lead.
    """
    _add_missing_columns(conn)
    from models.db.access import file_owner

    path = next((row[2] for row in conn.execute(text("PRAGMA database_list"))
                 if row[1] == "main"), "")
    owner = file_owner(path) if path else ""
    conn.execute(text("UPDATE workshop SET lead_account = :o WHERE lead_account = ''"),
                 {"o": owner})
    conn.execute(text("UPDATE participant SET account = :o WHERE account = '' AND role = 'lead' "
                      "AND name IN (SELECT lead FROM workshop "
                      "WHERE workshop.id = participant.workshop_id)"), {"o": owner})


# Explicit, ordered upgrade steps: version reached -> function.  Additive changes
# need no entry; ``_add_missing_columns`` always runs last.
STEPS: dict[int, Callable[[Connection], None]] = {3: _to_3_accounts}


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
