"""The first value in a workshop's rows that journeymap could not have written, in words.

Why: the people who check us edit files by hand (``UPDATE hypothesiscard SET
deadline='garbage'``), and such a value reached the lead as Python's "Invalid
isoformat string", or not at all (a sentiment of 99 drawn as if measured).  Both
reads of a workshop, the store's (``Store.load``) and the light one
(``models.db.light_journey``), ask here first, with the same queries, so a file
one refuses is never shown as sound by the other.

The rules come from the file itself and from the rules every value passed on
its way in: the column's declared type and NOT NULL (``PRAGMA table_info``), its
foreign keys (``PRAGMA foreign_key_list``), and the words and ranges
``models.db.fields`` allows.  One compound query asks every table of the
workshops at once and stops at the first bad cell; a sound file answers nothing,
so nothing else is read.  A server's columns are typed and its keys enforced,
so there only the words and ranges are asked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from models.db.dbfile import StoreError
from models.db.fields import stored_rule
from models.vocab import ROW_KINDS

Run = Callable[[str, tuple[Any, ...]], Any]

# The tables a Journey is made of, with how each row reaches its workshop.
_BY_WORKSHOP = ("stage", "painpoint", "handoff", "plantask", "participant", "channelcost",
                "escalationlevel", "ticketsource", "reading")
_THROUGH = {"touchpoint": ("stage_id", "stage"), "hypothesiscard": ("pain_point_id", "painpoint"),
            "vote": ("pain_point_id", "painpoint")}


def runner(session: Any) -> Run:
    """``run(sql, params)`` on a SQLAlchemy session's own connection and transaction."""
    conn = session.connection()
    return lambda sql, params: conn.exec_driver_sql(sql, params)


class DamagedWorkshop(StoreError):
    """A workshop with a value in its rows that cannot be read; the sentence says where.

    ``workshop_id`` names the map, so a portfolio read can leave that one out and go on
    with the others (None when no one map is to blame)."""

    def __init__(self, sentence: str, workshop_id: int | None = None) -> None:
        super().__init__(sentence)
        self.workshop_id = workshop_id


@dataclass(frozen=True)
class BadCell:
    """Where the bad value is and why it is bad (``reason`` completes "which is ...")."""

    workshop_id: int
    table: str
    row_id: Any
    column: str
    reason: str
    shown: str

    def sentence(self, title: str = "") -> str:
        """The refusal in a lead's words, with the way back (``title`` already quoted)."""
        named = f"Workshop {self.workshop_id} {title}" if title else \
            f"Workshop {self.workshop_id}"
        kind = ROW_KINDS.get(self.table, self.table)
        return (f"{named} cannot be read: {kind} {self.row_id}'s "
                f"{self.column.replace('_', ' ')} holds {self.shown}, which is {self.reason}. "
                "Import its JSON backup (`journeymap --db NEW.db import BACKUP.json`), "
                "or correct that value in the file.")


@dataclass(frozen=True)
class Unreadable:
    """A workshop a list names but cannot show: its id, its title as text, the sentence."""

    workshop_id: int
    title: str
    sentence: str


def _quote(word: str) -> str:
    return "'" + word.replace("'", "''") + "'"


def _type_rules(name: str, declared: str, notnull: bool) -> list[tuple[str, str]]:
    """(SQL that is true for a bad value, why) for a SQLite column's declared type.

    ``date(julianday(x))``: SQLite's ``date`` keeps "2026-02-30" as it is, which
    Python refuses; through the day number it comes back as another day.
    """
    c = f'"{name}"'
    rules = [(f"{c} IS NULL", "empty where a value is required")] if notnull else []
    if declared == "DATE":
        rules.append((f"{c} IS NOT NULL AND (typeof({c}) != 'text' "
                      f"OR date(julianday({c})) IS NOT {c})",
                      "not a date (YYYY-MM-DD)"))
    elif declared == "DATETIME":
        rules.append((f"{c} IS NOT NULL AND (typeof({c}) != 'text' OR datetime({c}) IS NULL "
                      f"OR date(julianday({c})) IS NOT substr({c}, 1, 10))",
                      "not a date and time"))
    elif declared == "BOOLEAN":
        rules.append((f"{c} IS NOT NULL AND {c} NOT IN (0, 1)", "not yes (1) or no (0)"))
    elif declared == "INTEGER":
        rules.append((f"{c} IS NOT NULL AND typeof({c}) != 'integer'", "not a whole number"))
    elif declared == "FLOAT":
        rules.append((f"{c} IS NOT NULL AND typeof({c}) NOT IN ('integer', 'real')",
                      "not a number"))
    elif declared.startswith(("VARCHAR", "TEXT")):
        rules.append((f"{c} IS NOT NULL AND typeof({c}) != 'text'", "not text"))
    return rules


def _value_rules(name: str) -> list[tuple[str, str]]:
    """The words and the range ``models.db.fields`` lets into ``name``."""
    c = f'"{name}"'
    choices, span = stored_rule(name)
    rules = []
    if choices is not None:
        listed = ", ".join(_quote(w) for w in choices)
        words = ", ".join(w.replace("_", " ") or "(empty)" for w in choices)
        rules.append((f"{c} NOT IN ({listed})", f"not one of: {words}"))
    if span is not None:
        lo, hi = (int(x) if x.is_integer() else x for x in span)
        rules.append((f"{c} NOT BETWEEN {lo} AND {hi}", f"not between {lo} and {hi}"))
    return rules


class _Columns:
    """The columns and foreign keys of a table, from the file (SQLite) or the catalogue."""

    def __init__(self, run: Run, sqlite: bool, mark: str) -> None:
        self.run, self.sqlite, self.mark = run, sqlite, mark

    def rules(self, table: str) -> list[tuple[str, str, str]]:
        """(column, SQL true for a bad value, why) for every checkable column of ``table``."""
        out: list[tuple[str, str, str]] = []
        if self.sqlite:
            info = self.run(f"PRAGMA table_info({table})", ()).fetchall()
            keys = {str(r[3]): str(r[2]) for r in
                    self.run(f"PRAGMA foreign_key_list({table})", ()).fetchall()}
            for r in info:
                name, declared, notnull, pk = str(r[1]), str(r[2]).upper(), bool(r[3]), r[5]
                if pk:
                    continue
                out += [(name, sql, why) for sql, why in _type_rules(name, declared, notnull)]
                if name in keys:
                    # the key's table aliased: a table naming its own rows (a to-be's
                    # as-is workshop) would otherwise compare the inner row with itself
                    out.append((name, f'"{name}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM '
                                      f'{keys[name]} AS k WHERE k.id = {table}."{name}")',
                                f"a {ROW_KINDS.get(keys[name], keys[name])} that is not there"))
                out += [(name, sql, why) for sql, why in _value_rules(name)]
        else:
            names = [str(r[0]) for r in self.run(
                "SELECT column_name FROM information_schema.columns WHERE table_name = "
                f"{self.mark} AND table_schema = current_schema()", (table,)).fetchall()]
            for name in names:
                out += [(name, sql, why) for sql, why in _value_rules(name)]
        return out


def _scope(table: str, marks: str) -> tuple[str, str]:
    """(the row's workshop id in SQL, the WHERE that keeps the asked workshops' rows)."""
    if table == "workshop":
        return "id", f"id IN ({marks})"
    if table in _THROUGH:
        key, parent = _THROUGH[table]
        return (f"(SELECT workshop_id FROM {parent} WHERE {parent}.id = {table}.{key})",
                f"{key} IN (SELECT id FROM {parent} WHERE workshop_id IN ({marks}))")
    return "workshop_id", f"workshop_id IN ({marks})"


JOURNEY_TABLES = ("workshop", *_BY_WORKSHOP, *_THROUGH)


def _bad_rows(run: Run, workshop_ids: Sequence[int] | None, sqlite: bool, mark: str,
              tables: Sequence[str]) -> tuple[Any, dict[str, tuple[str, str, str]]] | None:
    """(the cursor of (workshop, row, rule) for every bad cell, the rules by number), or
    None when nothing is asked; one compound query, so a sound file answers nothing."""
    if workshop_ids is None:
        workshop_ids = [int(r[0]) for r in run("SELECT id FROM workshop", ()).fetchall()]
    if not workshop_ids:
        return None
    columns = _Columns(run, sqlite, mark)
    marks = ", ".join([mark] * len(workshop_ids))
    parts: list[str] = []
    params: list[Any] = []
    why: dict[str, tuple[str, str, str]] = {}
    for table in tables:
        rules = columns.rules(table)
        if not rules:
            continue
        cases = " ".join(f"WHEN {sql} THEN {_quote(f'{len(why) + i}')}"
                         for i, (_, sql, _) in enumerate(rules))
        for i, (name, _, reason) in enumerate(rules, start=len(why)):
            why[str(i)] = (table, name, reason)
        owner, where = _scope(table, marks)
        parts.append(f"SELECT wid, id, bad FROM (SELECT {owner} AS wid, id, CASE {cases} END "
                     f"AS bad FROM {table} WHERE {where}) AS {table}_bad WHERE bad IS NOT NULL")
        params += list(workshop_ids)
    if not parts:
        return None
    return run(" UNION ALL ".join(parts), tuple(params)), why


def _cell(run: Run, found: Any, why: dict[str, tuple[str, str, str]], sqlite: bool,
          mark: str) -> BadCell:
    table, name, reason = why[str(found[2])]
    return BadCell(int(found[0]), table, found[1], name, reason,
                   _shown(run, table, name, found[1], sqlite, mark))


def first_bad_cell(run: Run, workshop_ids: Sequence[int] | None, *, sqlite: bool = True,
                   mark: str = "?", tables: Sequence[str] = JOURNEY_TABLES) -> BadCell | None:
    """The first value in the rows of ``workshop_ids`` (None: every workshop) that could
    not have been written through journeymap, or None; ``run(sql, params)`` is the
    caller's read transaction.  ``tables``: the workshop list asks only ``workshop``."""
    asked = _bad_rows(run, workshop_ids, sqlite, mark, tables)
    found = asked[0].fetchone() if asked is not None else None
    return None if found is None or asked is None else _cell(run, found, asked[1], sqlite, mark)


def damaged(run: Run, workshop_ids: Sequence[int] | None, *, sqlite: bool = True,
            mark: str = "?", tables: Sequence[str] = JOURNEY_TABLES) -> dict[int, str]:
    """Every damaged workshop's sentence (its first bad cell), by id; {} for a sound file.

    Why not ``first_bad_cell`` per map: a portfolio (Home, ``list``, the role check
    of ``import``) leaves each damaged map out and goes on, in the same one query."""
    asked = _bad_rows(run, workshop_ids, sqlite, mark, tables)
    first: dict[int, Any] = {}
    for found in asked[0].fetchall() if asked is not None else []:
        first.setdefault(int(found[0]), found)
    return {wid: worded(run, _cell(run, found, asked[1], sqlite, mark),  # type: ignore[index]
                        sqlite=sqlite, mark=mark) for wid, found in first.items()}


def worded(run: Run, bad: BadCell, *, sqlite: bool = True, mark: str = "?") -> str:
    """``bad``'s sentence, naming its workshop by title unless the title is what is bad."""
    own_title = bad.table == "workshop" and bad.column == "title"
    return bad.sentence("" if own_title else
                        shown_title(run, bad.workshop_id, sqlite=sqlite, mark=mark))


def named(run: Run, workshop_id: int, *, sqlite: bool = True, mark: str = "?") -> str:
    """A workshop's title, else its scenario, as ``raw_text`` reads them ("" for neither)."""
    return raw_text(run, workshop_id, "title", sqlite=sqlite, mark=mark) or \
        raw_text(run, workshop_id, "scenario", sqlite=sqlite, mark=mark)


def raw_text(run: Run, workshop_id: int, column: str = "title", *, sqlite: bool = True,
             mark: str = "?") -> str:
    """A workshop's text column whatever its bytes, for what names a damaged map (Home's
    row, ``list``, the deletion's audit entry) without the ORM's converters."""
    asked = f'CAST("{column}" AS BLOB)' if sqlite else f'"{column}"'
    raw = run(f"SELECT {asked} FROM workshop WHERE id = {mark}", (workshop_id,)).fetchone()
    value = raw[0] if raw is not None else None
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("utf-8", "replace")
    return "" if value is None else str(value)


def _shown(run: Run, table: str, column: str, row_id: Any, sqlite: bool, mark: str) -> str:
    """The bad value as a short quoted text, whatever its bytes (a BLOB, invalid UTF-8)."""
    if sqlite:
        kind, raw = run(f'SELECT typeof("{column}"), hex(CAST("{column}" AS BLOB)) FROM {table} '
                        f"WHERE id = {mark}", (row_id,)).fetchone()
        if kind == "null":
            return "nothing"
        text = bytes.fromhex(str(raw)).decode("utf-8", "replace")
    else:
        text = str(run(f'SELECT "{column}" FROM {table} WHERE id = {mark}', (row_id,))
                   .fetchone()[0])
    cut = text if len(text) <= 40 else text[:39] + "…"
    return ascii(cut) if not cut.isprintable() else f'"{cut}"'


def first_undecodable(run: Run, workshop_ids: Sequence[int],
                      tables: Sequence[str] = JOURNEY_TABLES) -> BadCell | None:
    """The first text cell whose bytes are not UTF-8, or None (SQLite only).

    Why apart: ``typeof`` says "text" for ``CAST(X'FF' AS TEXT)`` and no SQL
    function tells valid UTF-8, so the bytes are read and decoded here; asked only
    after sqlite3 failed to decode a row ("Could not decode to UTF-8"), never on
    a sound read.
    """
    marks = ", ".join(["?"] * len(workshop_ids))
    for table in tables:
        owner, where = _scope(table, marks)
        for r in run(f"PRAGMA table_info({table})", ()).fetchall():
            name = str(r[1])
            if not str(r[2]).upper().startswith(("VARCHAR", "TEXT")):
                continue
            for wid, row_id, raw in run(
                    f'SELECT {owner}, id, CAST("{name}" AS BLOB) FROM {table} WHERE {where} '
                    f"AND typeof(\"{name}\") = 'text'", tuple(workshop_ids)).fetchall():
                try:
                    bytes(raw).decode("utf-8")
                except UnicodeDecodeError:
                    return BadCell(int(wid), table, row_id, name, "not UTF-8 text",
                                   _shown(run, table, name, row_id, True, "?"))
    return None


def check(run: Run, workshop_ids: Sequence[int] | None, *, sqlite: bool = True,
          mark: str = "?", tables: Sequence[str] = JOURNEY_TABLES) -> None:
    """Raise ``DamagedWorkshop`` with the sentence when ``first_bad_cell`` finds one."""
    bad = first_bad_cell(run, workshop_ids, sqlite=sqlite, mark=mark, tables=tables)
    if bad is not None:
        raise DamagedWorkshop(worded(run, bad, sqlite=sqlite, mark=mark), bad.workshop_id)


def shown_title(run: Run, workshop_id: int, *, sqlite: bool = True, mark: str = "?") -> str:
    """The workshop's title as the sentence quotes it, whatever its bytes."""
    return _shown(run, "workshop", "title", workshop_id, sqlite, mark)
