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

import sqlite3
from collections.abc import Callable
from keyword import iskeyword
from operator import attrgetter
from pathlib import Path
from typing import Any

from models.db.dbfile import StoreError, _connect_ro, open_current
from models.db.journey import Journey
from models.db.light_cells import CellCheck
from models.db.light_convert import CONVERT, Signature
from models.db.light_inits import INITS, SIGNATURES


class Row:
    """One table row as attributes (read-only by convention: nothing here is saved).

    Each read makes one subclass per table (``RowReader.row_class``), still named
    ``Row``, whose initialiser sets every column; ``_table`` is then that class's.
    A row made by hand gives its table and values here.
    """

    _table: str

    def __init__(self, table: str, values: dict[str, Any]) -> None:
        self.__dict__.update(values)
        self.__dict__["_table"] = table

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if not k.startswith("_"))
        return f"{self._table}({shown})"


def _plain(name: str) -> bool:
    """Whether a column name can be an attribute set in generated code: a public name.

    ASCII only: Python normalises other identifiers in source (NFKC), so a column
    named "\ufb01" would become the attribute "fi".
    """
    return (name.isascii() and name.isidentifier() and not iskeyword(name)
            and not name.startswith("_"))


Columns = list[tuple[str, Callable[[Any], Any] | None]]


class RowReader:
    """Typed rows from one read-only connection, in one read transaction.

    The connection is a ``sqlite3`` one here and a psycopg one for a server
    (``models.db.light_server.ServerReader``): both take ``execute(sql, params)``
    and give a cursor.  The queries are written once, with ``mark`` as the
    parameter placeholder of the driver (``?`` here, ``%s`` for psycopg).
    """

    mark = "?"

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.converters: dict[str, Columns] = {}
        self.classes: dict[str, Callable[[tuple[Any, ...]], Row]] = {}
        self.declared: dict[str, list[tuple[str, bool]]] = {}  # type, NULL allowed: ``cells``
        self.cells = CellCheck(conn, self.mark, self.declared)

    def columns(self, table: str, cursor: Any) -> Columns:
        """The columns of ``table`` in ``SELECT *`` order, each with the converter that
        turns what the driver gives into what SQLAlchemy gives (None: as it is).
        ``cursor`` is the query that needs them (a server reads the names there)."""
        if table not in self.converters:
            info = self.conn.execute(f"PRAGMA table_info({table})").fetchall()
            self.converters[table] = [(str(r[1]), CONVERT.get(str(r[2]).upper()))
                                      for r in info]
            self.declared[table] = [(str(r[2]).upper(), not r[3]) for r in info]
        return self.converters[table]

    def row_class(self, table: str, cursor: Any) -> Callable[[tuple[Any, ...]], Row]:
        """``Row`` for ``table``: its initialiser takes the SELECT's tuple and sets each column.

        Why generated: a 2,000-touchpoint export reads ~2,600 rows, and building
        each row's attribute dictionary from the names and values (then converting
        its dates and flags in a loop) cost as much as fetching the rows.  One
        unpacking assignment per row stores the columns straight into the
        object, as ``collections.namedtuple`` and ``dataclasses`` generate their
        methods.  A file at the schema this version writes takes the initialiser
        generated once into ``models.db.light_inits``: compiling the thirteen
        tables' initialisers in every process cost ~6 M instructions of that
        export.  Any other file (a column added, retyped or reordered by hand, a
        server) has its own compiled here.
        """
        if table not in self.classes:
            init = self.prebuilt(table, cursor)
            if init is None:
                source, scope = self.init_source(table, cursor)
                exec(source, scope)  # noqa: S102 - names checked by _plain in init_source
                init = scope["__init__"]
            self.classes[table] = type("Row", (Row,), {
                "__init__": init, "_table": table,
                "__module__": __name__, "__qualname__": "Row"})
        return self.classes[table]

    def signature(self, table: str, cursor: Any) -> Signature | None:
        """What ``table``'s initialiser depends on in this file: each column's name,
        declared type and whether it may be NULL, in order, and its keys (column,
        table named); None on a server, whose columns come untyped from the query."""
        self.columns(table, cursor)
        declared = self.declared.get(table)
        if declared is None:
            return None
        names = [name for name, _ in self.converters[table]]
        return (tuple((name, kind, nullable) for name, (kind, nullable) in zip(
            names, declared, strict=True)), tuple(sorted(self.cells.keys(table).items())))

    def prebuilt(self, table: str, cursor: Any) -> Callable[..., None] | None:
        """The initialiser generated from the schema, when this file's ``table`` is as
        the schema makes it; else None."""
        init = INITS.get(table)
        if init is None or self.signature(table, cursor) != SIGNATURES[table]:
            return None
        return init

    def init_source(self, table: str, cursor: Any) -> tuple[str, dict[str, Any]]:
        """The source of ``table``'s row initialiser and the names it uses.

        Column names come from the file, so any name that is not a plain public
        identifier raises ``ValueError`` (the caller then takes the store's path,
        which reads only the columns it knows).
        """
        cols = self.columns(table, cursor)
        if not cols or not all(_plain(name) for name, _ in cols):
            raise ValueError(f"{table}: a column name is not a plain identifier")
        names = ", ".join(f"self.{name}" for name, _ in cols)
        lines = [f"def __init__(self, row):\n    {names}, = row"]
        checks, scope, converted = self.cells.init_lines(table, [name for name, _ in cols])
        lines += checks  # a hand-written value: ValueError, before converting
        for name, conv in cols:
            if conv is not None and name not in converted:
                scope[conv.__name__] = conv  # bool and float are the builtins anyway
                lines.append(f"    self.{name} = None if self.{name} is None "
                             f"else {conv.__name__}(self.{name})")
        return "\n".join(lines), scope

    def rows(self, table: str, key: str, ids: list[Any], order: tuple[str, ...],
             parent: str = "") -> list[Any]:
        """The rows of ``table`` whose ``key`` is one of ``ids``, as ``Row`` objects in
        ``order`` (column names); with ``parent``, the rows whose ``key`` is the id of a
        ``parent`` row whose ``workshop_id`` is one of ``ids``.

        No ids, no query (a map without pain points has no cards to ask for: on a
        server each query is a round trip).  The table's columns are looked up and
        its initialiser generated only once a row is there to build: compiling one
        costs about what building a thousand rows does (~1 M instructions), and a
        map whose room did not vote, document handoffs, take seats, cost channels,
        set a ladder or import tickets has 7 of its 13 tables empty.  ``SELECT *``
        lists the columns in the order ``PRAGMA table_info`` gives them; a file
        where they differ fails the initialiser's unpacking (``ValueError``).

        Why the rows are put in order here and not by ``ORDER BY``: no index holds
        a table's order (``position, id``) under its key, so SQLite sorted every
        row, all its columns copied through a temporary b-tree (~7.6 M
        instructions for 2,000 touchpoints, the rows' values twice in memory),
        where Python sorts the rows already made, mostly in order as the index
        gives them, by their order columns (integers, NOT NULL, as SQLite's); a text
        among them cannot be ordered so, and the file goes to the store's path
        (``ValueError``) like any other the light read cannot take.
        Why ``parent``: the cards and dots of a map's pain points were asked by
        every pain point's id, one ``?`` each (500 for a big map), parsed and bound
        on every query; the workshop's id says the same in one.
        """
        if not ids:
            return []
        marks = ", ".join([self.mark] * len(ids))
        if parent:
            marks = f"SELECT id FROM {parent} WHERE workshop_id IN ({marks})"
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE {key} IN ({marks})",
                                   tuple(ids))
        first = cursor.fetchone()
        if first is None:
            return []
        make = self.row_class(table, cursor)
        found = [make(first), *map(make, cursor)]
        self.cells.check(table, key, found)  # a key to no row: ValueError
        try:
            found.sort(key=attrgetter(*order))
        except TypeError:  # a text among the numbers (a foreign or hand-edited file)
            raise ValueError(f"{table}: {', '.join(order)} cannot be put in order") from None
        return found


def _journeys(reader: RowReader, workshop_ids: list[int]) -> list[Journey] | None:
    """``Store.load`` of each id, from one query per table; None if one is missing."""
    wids = list(dict.fromkeys(workshop_ids))
    workshops = {w.id: w for w in reader.rows("workshop", "id", wids, ("id",))}
    if any(wid not in workshops for wid in wids):
        return None

    def grouped(table: str, key: str, ids: list[Any], order: tuple[str, ...],
                parent: str = "") -> dict[Any, list[Any]]:
        out: dict[Any, list[Any]] = {}
        for row in reader.rows(table, key, ids, order, parent):
            out.setdefault(getattr(row, key), []).append(row)
        return out

    by_position = ("position", "id")
    stages = grouped("stage", "workshop_id", wids, by_position)
    stage_ids = [s.id for ss in stages.values() for s in ss]
    tps = grouped("touchpoint", "stage_id", stage_ids, by_position)
    pains = grouped("painpoint", "workshop_id", wids, ("id",))
    pain_workshop = {p.id: wid for wid, ps in pains.items() for p in ps}
    pain_wids = list(pains)  # the workshops with pain points: their cards and dots
    cards: dict[Any, list[Any]] = {}
    for card in reader.rows("hypothesiscard", "pain_point_id", pain_wids, ("id",), "painpoint"):
        cards.setdefault(pain_workshop[card.pain_point_id], []).append(card)
    dots: dict[Any, list[Any]] = {}
    for dot in reader.rows("vote", "pain_point_id", pain_wids, ("id",), "painpoint"):
        dots.setdefault(pain_workshop[dot.pain_point_id], []).append(dot)
    per_workshop = {
        name: grouped(table, "workshop_id", wids, order) for name, table, order in (
            ("handoffs", "handoff", ("id",)), ("plan_tasks", "plantask", by_position),
            ("participants", "participant", ("id",)), ("channel_costs", "channelcost", ("id",)),
            ("escalation_levels", "escalationlevel", by_position),
            ("ticket_sources", "ticketsource", ("id",)),
            ("readings", "reading", ("source_id", "id")))}
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


def read_journeys(reader: RowReader, workshop_ids: list[int] | None,
                  first: int | None) -> list[Journey] | None:
    """``load_journeys`` inside the reader's read transaction, whatever its driver."""
    if workshop_ids is None:
        every = [int(r[0]) for r in reader.conn.execute(_EVERY_ID)]
        workshop_ids = every if first is None else [first, *(i for i in every if i != first)]
    return _journeys(reader, workshop_ids)


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
        conn = open_current(path)
        if conn is None:
            return None
        try:
            conn.execute("BEGIN")  # one snapshot, as the store's read transaction
            return read_journeys(RowReader(conn), workshop_ids, first)
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
