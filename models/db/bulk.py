"""Insert many rows of one table with one statement (an executemany), ids known in order.

Why not ``session.add`` per row: the ORM flushes each row as its own INSERT, so a
copy or import of a 10,000-touchpoint map sent thousands of statements and took
minutes.  Why not ``insert().returning(id, sort_by_parameter_order=True)``: on
SQLite, SQLAlchemy cannot trust the order of RETURNING rows and falls back to one
statement per row.  So the ids are reserved first, then the rows are inserted with
them in one executemany:

- SQLite: the write transaction is ``BEGIN IMMEDIATE``, so no one else inserts until
  it ends; the next ids follow the highest ever handed out (``sqlite_sequence``, kept
  by ``AUTOINCREMENT``, or the highest present), and inserting them moves the
  sequence on, so no id is ever handed out twice.
- PostgreSQL: ``nextval`` of the column's own sequence, once per row, reserves ids
  no other session can receive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined
from sqlalchemy import Table, insert, text
from sqlmodel import SQLModel

_NEXT_ON_SQLITE = (
    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = :name), 0), "
    "coalesce((SELECT max(id) FROM \"{table}\"), 0))")
_NEXT_ON_SERVER = text(
    "SELECT nextval(pg_get_serial_sequence(:name, 'id')) FROM generate_series(1, :count)")


def insert_rows(s: Any, model: type[SQLModel], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows of ``model``'s table (checked, typed values; the table's defaults fill
    what a row leaves out, as the model's constructor would) in the session's
    transaction; their new ids, in order.  No model object is built: for a big map
    SQLModel's constructor cost more than the insert."""
    if not rows:
        return []
    table: Table = model.__table__  # type: ignore[attr-defined]
    names = [c.key for c in table.columns if c.key != "id"]
    fields = model.model_fields
    ids = _reserve(s, table, len(rows))
    s.execute(insert(table), [
        {"id": new_id, **{name: row[name] if name in row else _default(fields[name])
                          for name in names}}
        for new_id, row in zip(ids, rows, strict=True)])
    return ids


def _default(field: FieldInfo) -> Any:
    """What the model's constructor gives a column left out (None when it has no default)."""
    value = field.get_default(call_default_factory=True)
    return None if value is PydanticUndefined else value


def _reserve(s: Any, table: Table, count: int) -> list[int]:
    """``count`` ids for new rows of ``table`` that no other row has had or will get."""
    if s.get_bind().dialect.name == "sqlite":
        last = int(s.execute(text(_NEXT_ON_SQLITE.format(table=table.name)),
                             {"name": table.name}).scalar_one())
        return list(range(last + 1, last + count + 1))
    found = s.execute(_NEXT_ON_SERVER, {"name": table.name, "count": count}).scalars()
    return sorted(int(i) for i in found)
