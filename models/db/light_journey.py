"""A whole workshop read with plain ``sqlite3``: the ``Journey`` without SQLModel.

Why: importing SQLModel and SQLAlchemy costs about 0.4 s of CPU on these
machines, several times what reading and rendering a 2,000-touchpoint map
costs.  The commands that only read a local file (``export``) and the app's
first screen read the rows here instead and never import the ORM.

The rows are ``Row`` objects carrying the same attribute names and Python
types as the table classes (``models.db.tables``): the column types SQLite
keeps for the file (``PRAGMA table_info``) say which text is a date, a time or
a flag, converted as SQLAlchemy converts them.  Rules and outputs only read
attributes, so they cannot tell the difference (``tests/models/
test_light_journey.py`` compares every column with ``Store.load``).  Only a
file at the current schema with a sound quick check is read this way; anything
else (a server, a new, older, damaged or foreign file, a workshop that is not
there, any SQLite error) answers None, and the caller takes the store's path,
which reports, rescues or upgrades as usual.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from models.db.dbfile import FileState, StoreError, _connect_ro, health_problem, inspect_file
from models.db.journey import Journey


class Row:
    """One table row as attributes (read-only by convention: nothing here is saved)."""

    _table: str

    def __init__(self, table: str, values: dict[str, Any]) -> None:
        self.__dict__.update(values)
        self.__dict__["_table"] = table

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if not k.startswith("_"))
        return f"{self._table}({shown})"


def _when(value: object) -> dt.datetime | None:
    """A DATETIME as the store reads it back: stored as naive UTC text, read as aware UTC."""
    if not isinstance(value, str) or not value:
        return None
    when = dt.datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


# A converter never sees NULL (``_Reader.rows`` keeps None as None), so a flag is
# ``bool`` of SQLite's 0/1 and a number ``float``, as SQLAlchemy reads them.
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "DATETIME": _when, "DATE": _date, "BOOLEAN": bool, "FLOAT": float,
}


class _Reader:
    """Typed rows from one read-only connection, in one read transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.converters: dict[str, list[tuple[str, Callable[[Any], Any] | None]]] = {}

    def columns(self, table: str) -> list[tuple[str, Callable[[Any], Any] | None]]:
        if table not in self.converters:
            info = self.conn.execute(f"PRAGMA table_info({table})").fetchall()
            self.converters[table] = [(str(r[1]), _CONVERT.get(str(r[2]).upper()))
                                      for r in info]
        return self.converters[table]

    def rows(self, table: str, where: str, args: Iterable[Any], order: str) -> list[Any]:
        cols = self.columns(table)
        names = [name for name, _ in cols]
        typed = [(i, name, conv) for i, (name, conv) in enumerate(cols) if conv is not None]
        quoted = ", ".join(f'"{name}"' for name in names)
        sql = f"SELECT {quoted} FROM {table} WHERE {where} ORDER BY {order}"
        out = []
        new = Row.__new__
        # Each row's dict is built once by zip and becomes the Row's __dict__: a
        # 2,000-touchpoint export reads ~3,000 rows, and a per-column comprehension and
        # ``__init__`` per row were a third of the read.
        for raw in self.conn.execute(sql, tuple(args)):
            values = dict(zip(names, raw, strict=True))
            for i, name, conv in typed:
                if raw[i] is not None:
                    values[name] = conv(raw[i])
            values["_table"] = table
            row = new(Row)
            row.__dict__ = values
            out.append(row)
        return out


def _in(column: str, ids: list[Any]) -> str:
    return f"{column} IN ({', '.join('?' * len(ids))})" if ids else "0"


def _journeys(reader: _Reader, workshop_ids: list[int]) -> list[Journey] | None:
    """``Store.load`` of each id, from one query per table; None if one is missing."""
    wids = list(dict.fromkeys(workshop_ids))
    workshops = {w.id: w for w in reader.rows("workshop", _in("id", wids), wids, "id")}
    if any(wid not in workshops for wid in wids):
        return None

    def grouped(table: str, key: str, ids: list[Any], order: str) -> dict[Any, list[Any]]:
        out: dict[Any, list[Any]] = {}
        for row in reader.rows(table, _in(key, ids), ids, order):
            out.setdefault(getattr(row, key), []).append(row)
        return out

    stages = grouped("stage", "workshop_id", wids, "position, id")
    stage_ids = [s.id for ss in stages.values() for s in ss]
    tps = grouped("touchpoint", "stage_id", stage_ids, "position, id")
    pains = grouped("painpoint", "workshop_id", wids, "id")
    pain_workshop = {p.id: wid for wid, ps in pains.items() for p in ps}
    pain_ids = list(pain_workshop)
    cards: dict[Any, list[Any]] = {}
    for card in reader.rows("hypothesiscard", _in("pain_point_id", pain_ids), pain_ids, "id"):
        cards.setdefault(pain_workshop[card.pain_point_id], []).append(card)
    dots: dict[Any, list[Any]] = {}
    for dot in reader.rows("vote", _in("pain_point_id", pain_ids), pain_ids, "id"):
        dots.setdefault(pain_workshop[dot.pain_point_id], []).append(dot)
    per_workshop = {
        name: grouped(table, "workshop_id", wids, order) for name, table, order in (
            ("handoffs", "handoff", "id"), ("plan_tasks", "plantask", "position, id"),
            ("participants", "participant", "id"), ("channel_costs", "channelcost", "id"),
            ("escalation_levels", "escalationlevel", "position, id"),
            ("ticket_sources", "ticketsource", "id"), ("readings", "reading", "source_id, id"))}
    out = []
    for wid in workshop_ids:
        votes: dict[int, int] = {}
        for dot in dots.get(wid, []):
            votes[int(dot.pain_point_id)] = votes.get(int(dot.pain_point_id), 0) + 1
        own = stages.get(wid, [])
        out.append(Journey(
            workshop=workshops[wid], stages=own,
            touchpoints={s.id: tps.get(s.id, []) for s in own if s.id},
            pain_points=pains.get(wid, []), cards=cards.get(wid, []), dot_votes=votes,
            dots=dots.get(wid, []),
            **{name: rows.get(wid, []) for name, rows in per_workshop.items()}))
    return out


def load_journeys(path: Path | str | None, workshop_ids: list[int] | None, *,
                  first: int | None = None) -> list[Journey] | None:
    """The journeys of ``workshop_ids`` in that order, or None (take the store's path).

    ``workshop_ids`` None: every workshop, in ``Store.list_workshops`` order (newest
    change first), read in the same snapshot as their rows; ``first`` then moves
    that workshop to the front (an export and the portfolio its review compares
    with), and its absence answers None like any missing id.
    """
    if path is None or not isinstance(path, Path):
        return None
    try:
        state, _ = inspect_file(path)
        if state is not FileState.CURRENT or health_problem(path):
            return None
        conn = _connect_ro(path)
        try:
            conn.execute("BEGIN")  # one snapshot, as the store's read transaction
            if workshop_ids is None:
                every = [int(r[0]) for r in conn.execute(_EVERY_ID)]
                workshop_ids = every if first is None else [
                    first, *(i for i in every if i != first)]
            return _journeys(_Reader(conn), workshop_ids)
        finally:
            conn.close()
    except (StoreError, sqlite3.Error, OSError, ValueError):
        return None


def load_journey(path: Path | str | None, workshop_id: int) -> Journey | None:
    """``Store.load(workshop_id)`` without the ORM, or None (take the store's path)."""
    found = load_journeys(path, [workshop_id])
    return found[0] if found else None


_EVERY_ID = "SELECT id FROM workshop ORDER BY updated_at DESC, id"


def workshop_ids(path: Path) -> list[int] | None:
    """Every workshop id in ``Store.list_workshops`` order (newest change first), or None."""
    try:
        conn = _connect_ro(path)
        try:
            return [int(r[0]) for r in conn.execute(_EVERY_ID)]
        finally:
            conn.close()
    except (StoreError, sqlite3.Error, OSError):
        return None
