"""Whether the rows the light read just fetched hold a value journeymap could not have written.

Why: a value written into the file by hand (``UPDATE touchpoint SET sentiment=99``)
must not be drawn as if measured, nor crash an output, in the light read any more
than in the store's.  The store asks ``models.db.bad_cells`` in SQL, a query over
every table of the workshop; on the light read's path (export, the first screen)
that second pass cost as much as the read itself.  Here the same rules are asked
of the rows already fetched, once per table, before they become ``Row`` objects:
the column's declared type (``PRAGMA table_info``, as the reader keeps it), the
words and ranges ``models.db.fields.stored_rule`` allows, and the keys to other
rows.  A bad value answers ``ValueError``, which sends the caller to the store's
path, where ``bad_cells`` words the refusal: one sentence, from one place.

The rules are applied to distinct values, not to each cell: a column of words or
small numbers holds a handful of them however many rows there are, so each
table's checked columns are gathered into one set of tuples (C loops) and only
that set is looked at in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from models.db.fields import stored_rule

_NUMBER = ("INTEGER", "FLOAT", "BOOLEAN")
_TEXT = ("VARCHAR", "TEXT", "DATE")  # DATE and DATETIME: text the converters parse
_TEXT_OR_NULL = frozenset({str, type(None)})


def _fits(value: Any, declared: str, words: frozenset[str] | None,
          span: tuple[float, float] | None) -> bool:
    """Whether one stored value keeps its column's rules (NULL: the schema's business)."""
    if value is None:
        return True
    kind = value.__class__
    if declared == "BOOLEAN" and value not in (0, 1):
        return False
    if declared in ("INTEGER", "BOOLEAN") and kind is not int:
        return False
    if declared == "FLOAT" and kind is not int and kind is not float:
        return False
    if words is not None and value not in words:
        return False
    return span is None or (kind in (int, float) and span[0] <= value <= span[1])


class _TableRules:
    """One table's checks, built once per read from its columns."""

    def __init__(self, names: Sequence[str], declared: Sequence[str],
                 keys: dict[str, str]) -> None:
        ruled: list[tuple[int, str, frozenset[str] | None, tuple[float, float] | None]] = []
        self.numbers: list[tuple[int, str, str]] = []  # (index, declared, key's table)
        text: list[int] = []
        for i, (name, kind) in enumerate(zip(names, declared, strict=True)):
            if name == "id":
                continue
            choices, span = stored_rule(name)
            words = None if choices is None else frozenset(choices)
            if words is not None or span is not None or kind == "BOOLEAN":
                ruled.append((i, kind, words, span))
            elif kind in _NUMBER or name in keys:
                self.numbers.append((i, kind, keys.get(name, "")))
            elif kind.startswith(_TEXT):
                text.append(i)
        self.id = itemgetter(list(names).index("id"))
        self.ruled = [(kind, words, span) for _, kind, words, span in ruled]
        self.pick = itemgetter(*(i for i, *_ in ruled)) if len(ruled) > 1 else \
            (lambda row, i=ruled[0][0]: (row[i],)) if ruled else None
        self.text = itemgetter(*text) if len(text) > 1 else \
            (lambda row, i=text[0]: (row[i],)) if text else None

    def sound(self, raw: list[tuple[Any, ...]]) -> bool:
        """Whether every ruled column and every text column of ``raw`` keeps its rules."""
        if self.pick is not None:
            for values in set(map(self.pick, raw)):
                for value, (kind, words, span) in zip(values, self.ruled, strict=True):
                    if not _fits(value, kind, words, span):
                        return False
        if self.text is not None and not set(map(type, chain.from_iterable(
                map(self.text, raw)))) <= _TEXT_OR_NULL:
            return False
        return True


class CellCheck:
    """The light read's rows checked table by table (``RowReader.rows`` calls ``check``).

    ``declared`` is the reader's record of each table's column types; a server's
    reader records none (its columns are typed and its keys enforced), so there
    only the words and ranges are asked, as ``bad_cells`` asks a server.
    """

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.rules: dict[str, _TableRules] = {}
        self.ids: dict[str, set[Any]] = {}
        self._keys: dict[str, dict[str, str]] | None = None

    def keys(self, table: str, declared: bool) -> dict[str, str]:
        """``table``'s foreign keys (column: the table it names); a file's, read once."""
        if not declared:
            return {}
        if self._keys is None:
            self._keys = {}
            for owner, column, target in self.reader.conn.execute(
                    "SELECT m.name, k.\"from\", k.\"table\" FROM sqlite_schema AS m, "
                    "pragma_foreign_key_list(m.name) AS k WHERE m.type = 'table'"):
                self._keys.setdefault(str(owner), {})[str(column)] = str(target)
        return self._keys.get(table, {})

    def check(self, table: str, key: str, raw: list[tuple[Any, ...]]) -> None:
        """Raise ``ValueError`` when a value in ``raw`` (rows of ``table`` read by ``key``)
        breaks its rule; keep their ids for the keys of tables read after them."""
        rules = self.rules.get(table)
        if rules is None:
            names = [name for name, _ in self.reader.converters[table]]
            declared = self.reader.declared.get(table)
            keys = {c: t for c, t in self.keys(table, declared is not None).items() if c != key}
            rules = self.rules[table] = _TableRules(
                names, declared if declared is not None else [""] * len(names), keys)
        if not rules.sound(raw):
            raise ValueError(f"{table}: a value journeymap could not have written")
        self.ids[table] = set(map(rules.id, raw))
        for i, kind, target in rules.numbers:
            values = set(map(itemgetter(i), raw))
            values.discard(None)
            try:
                total = sum(values)
            except TypeError:
                raise ValueError(f"{table}: text where a number belongs") from None
            if kind == "INTEGER" and total.__class__ is not int:
                raise ValueError(f"{table}: a number that is not whole")
            if target:
                self._there(target, values)

    def _there(self, table: str, ids: set[Any]) -> None:
        """Raise ``ValueError`` unless every id in ``ids`` is a row of ``table``."""
        missing = ids - self.ids.get(table, set())
        if not missing:
            return
        marks = ", ".join([self.reader.mark] * len(missing))
        found = self.reader.conn.execute(f"SELECT count(*) FROM {table} WHERE id IN ({marks})",
                                  tuple(missing)).fetchone()[0]
        if found != len(missing):
            raise ValueError(f"a key to a {table} row that is not there")
