"""Schema step 4: no table ever hands out a row id twice.

Without ``AUTOINCREMENT`` SQLite gives a new row ``max(id) + 1``, so deleting the
newest pain point and adding another reuses its id, and a delete confirmation or a
form still holding that id would act on a stranger's row.  ``AUTOINCREMENT`` keeps
the highest id ever used in ``sqlite_sequence`` and never goes below it.

New files get it from ``mark_autoincrement`` (applied to every table of the
metadata before ``create_all``, so tables added later get it too).  Older files
are rebuilt table by table inside the upgrade transaction, following SQLite's
documented procedure with foreign keys off: create the new table under a temporary
name, copy every column with ``INSERT … SELECT`` (values and their storage types
unchanged; ``sqlite_sequence`` starts at the highest id present), drop the old
table, rename the new one and recreate the indexes.
"""

from __future__ import annotations

import re

from sqlalchemy import Table, text
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateTable
from sqlmodel import SQLModel

VERSION = 4


def _has_integer_id(table: Table) -> bool:
    keys = list(table.primary_key.columns)
    return len(keys) == 1 and keys[0].name == "id"


def mark_autoincrement() -> None:
    """Make every integer-keyed table of the metadata render ``AUTOINCREMENT``."""
    for table in SQLModel.metadata.sorted_tables:
        if _has_integer_id(table):
            table.dialect_options["sqlite"]["autoincrement"] = True


def upgrade(conn: Connection) -> None:
    """Rebuild each existing integer-keyed table that lacks ``AUTOINCREMENT``.

    Runs with foreign keys off (the store's upgrade transaction turns them off, as
    SQLite's own table-rebuild procedure requires: dropping a parent table with them
    on would cascade into its children); ``schema.upgrade`` checks them afterwards.
    """
    mark_autoincrement()
    existing: dict[str, str] = dict(conn.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
    for table in SQLModel.metadata.sorted_tables:
        sql = existing.get(table.name)
        if sql is None or not _has_integer_id(table) or "AUTOINCREMENT" in sql.upper():
            continue
        _rebuild(conn, table)


def _rebuild(conn: Connection, table: Table) -> None:
    rebuild(conn, table, f"v{VERSION}")


def rebuild(conn: Connection, table: Table, tag: str) -> None:
    """SQLite's documented rebuild: create new, copy, drop old, rename new.

    The table gets the model's current declaration (``tag`` names the temporary copy).  Its
    ``sqlite_sequence`` entry keeps the highest id ever handed out, not only the highest
    present, so a rebuild never lets a deleted row's id come back.
    """
    new = f"{table.name}__{tag}"
    present = [row[1] for row in conn.execute(text(f'PRAGMA table_info("{table.name}")'))]
    used = _sequence(conn, table.name)
    ddl = str(CreateTable(table).compile(dialect=conn.dialect)).strip()
    head = re.match(r'CREATE TABLE ("[^"]+"|\S+)', ddl)
    assert head is not None
    conn.execute(text(f'CREATE TABLE "{new}"' + ddl[head.end():]))
    for name in present:
        if name not in table.columns:  # a column this version does not know: keep its data
            conn.execute(text(f'ALTER TABLE "{new}" ADD COLUMN "{name}"'))
    cols = ", ".join(f'"{c}"' for c in present)
    conn.execute(text(f'INSERT INTO "{new}" ({cols}) SELECT {cols} FROM "{table.name}"'))
    conn.execute(text(f'DROP TABLE "{table.name}"'))
    conn.execute(text(f'ALTER TABLE "{new}" RENAME TO "{table.name}"'))
    if used:
        conn.execute(text("UPDATE sqlite_sequence SET seq = max(seq, :used) WHERE name = :t"),
                     {"used": used, "t": table.name})
    for index in table.indexes:
        index.create(conn)


def _sequence(conn: Connection, name: str) -> int:
    """The highest id ``AUTOINCREMENT`` has handed out in ``name`` (0 without one)."""
    if conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")).first() \
            is None:
        return 0
    row = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = :t"),
                       {"t": name}).first()
    return int(row[0]) if row is not None else 0
