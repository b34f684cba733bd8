"""The light read's rows checked as they are built: a value journeymap could not have written.

Why: a value written into the file by hand (``UPDATE touchpoint SET sentiment=99``)
must not be drawn as if measured, nor crash an output, in the light read any more
than in the store's.  The store asks ``models.db.bad_cells`` in SQL, a query over
every table of the workshop; on the light read's path (export, the first screen)
that second pass cost as much as the read itself (+103 M instructions on the
2,000-touchpoint export).  Here the same rules are asked of each value once, in
the row initialiser ``RowReader.row_class`` generates, while the row is built:
the column's declared type (``PRAGMA table_info``), the words and ranges
``models.db.fields.stored_rule`` allows, and (after the table is read) the keys to
other rows.  A bad value raises ``ValueError``, which sends the caller to the
store's path, where ``bad_cells`` words the refusal: one sentence, from one place.

Why generated tests and not a loop over the rows: a check per value through
``operator`` getters or sets cost 150-500 instructions; a test inlined in the
initialiser, on the value it just unpacked, costs a few bytecodes (~250
instructions).  It is still not free: ~12.7 M instructions of that export's light
read (callgrind: the keys 2.7 M, the text join 4.3 M, the other tests 5.6 M), now that
the initialisers are generated once from the schema (``models.db.light_inits``) and
not built and compiled in every process (~10 M more).  A NULL where a value is
required is not asked: SQLite refuses ``UPDATE ... SET col = NULL`` on those
columns, and the store still asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from models.db.fields import stored_rule

# A word list's or small range's values as one set: ``in`` is the whole test, and
# anything else (text in a number, a BLOB, a float) is simply not in it.
_SMALL_SPAN = 10  # sentiment, impact, effort: a set of a handful of numbers
_NUMBER = frozenset({int, float})
# A stored flag as SQLAlchemy reads it; NULL stays None (what ``bool`` was spared).
FLAGS: dict[Any, bool | None] = {0: False, 1: True, None: None}


def _text_like(declared: str) -> bool:
    return declared.startswith(("VARCHAR", "TEXT"))


def _test(n: int, name: str, declared: str, nullable: bool) -> tuple[str, dict[str, Any]]:
    """(the Python expression true when ``name`` holds a sound value, the names it uses);
    "" when nothing is asked of it.

    ``declared`` is "" on a server, whose columns are typed: only words and ranges.
    """
    v = f"self.{name}"
    choices, span = stored_rule(name)
    if choices is not None:
        return f"{v} in __ok{n}", {f"__ok{n}": frozenset(choices) | ({None} if nullable else set())}
    if span is not None and declared == "INTEGER" and span[1] - span[0] <= _SMALL_SPAN:
        lo, hi = int(span[0]), int(span[1])
        return f"{v} in __ok{n}", {f"__ok{n}": frozenset(range(lo, hi + 1)) | {None}}
    if span is not None:
        kind = "__int" if declared == "INTEGER" else "__NUMBER"
        test = f"type({v}) in {kind} and {span[0]!r} <= {v} <= {span[1]!r}"
        used: dict[str, Any] = {"__int": frozenset({int}), "__NUMBER": _NUMBER}
    elif declared == "INTEGER":
        test, used = f"type({v}) is int", {}
    elif declared == "FLOAT":
        test, used = f"type({v}) in __NUMBER", {"__NUMBER": _NUMBER}
    elif declared.startswith("DATE"):  # DATE, DATETIME: text the converters then parse
        test, used = f"type({v}) is str and {v}", {}
    elif _text_like(declared):
        test, used = f"type({v}) is str", {}
    else:
        return "", {}
    return (f"({v} is None or {test})" if nullable else test), used


class CellCheck:
    """The keys of the rows a light read built, table by table (``RowReader.rows``).

    Why after the table and not per row: a key names a row of another table, so it
    is asked of the key's distinct values against the ids read so far, and only an
    id not among them is looked up in the file (a to-be map's as-is touchpoints).
    A server enforces its keys, so its reader asks nothing here.

    Why it is given the reader's connection, placeholder and declared types and not
    the reader: the reader holds this check, so a reference back would make a
    cycle, and every read's reader (its ids and row classes) would then wait for
    the cyclic collector instead of being freed when the read ends.
    """

    def __init__(self, conn: Any, mark: str, declared: dict[str, list[tuple[str, bool]]]
                 ) -> None:
        self.conn = conn
        self.mark = mark
        self.declared = declared  # the reader's, filled as it reads each table
        self.ids: dict[str, set[Any]] = {}
        self._keys: dict[str, dict[str, str]] | None = None

    def init_lines(self, table: str, names: Sequence[str]
                   ) -> tuple[list[str], dict[str, Any], set[str]]:
        """The lines ``RowReader.row_class`` puts after unpacking a row (before converting
        it), raising ``ValueError`` when a value breaks its column's rule, the names
        they use, and the columns they have already converted.

        A flag (BOOLEAN) is converted here, by looking SQLite's 0 or 1 up in ``FLAGS``:
        the lookup that converts it is its test too, where a test then ``bool`` cost
        three times as much (a touchpoint's ``moment_of_truth``, 2,000 in a big map).

        The text columns that may not be NULL are joined into one string, one C call
        for all of them: ``str.join`` refuses a BLOB (``bytes``) or a number.  (Tried
        and slower: each distinct combination of words remembered in a set, since
        hashing the fresh strings costs more than the tests; one Python function of
        ``operator`` loops per row; sets of each column's distinct values.)  A key
        column is asked by ``check`` instead, once per table.
        """
        declared = self.declared.get(table)  # None: a server's reader
        keys = self.keys(table) if declared is not None else {}
        tests: list[str] = []
        scope: dict[str, Any] = {}
        joined: list[int] = []
        flags: list[str] = []
        for n, name in enumerate(names):
            kind, nullable = declared[n] if declared is not None else ("", True)
            if name == "id" or name in keys:
                continue
            if kind == "BOOLEAN":
                flags.append(name)
                continue
            if _text_like(kind) and not nullable and stored_rule(name) == (None, None):
                joined.append(n)
                continue
            test, used = _test(n, name, kind, nullable)
            if test:
                tests.append(test)
                scope.update(used)
        bad = f"raise ValueError({table + ': a value journeymap could not have written'!r})"
        lines = []
        if joined:
            scope["__join"] = "".join
            text = "".join(f"self.{names[n]}, " for n in joined)
            lines += [f"    try:\n        __join(({text}))",
                      f"    except TypeError:\n        {bad} from None"]
        if flags:
            scope["__FLAGS"] = FLAGS
            lines += ["    try:", *(f"        self.{n} = __FLAGS[self.{n}]" for n in flags),
                      f"    except KeyError:\n        {bad} from None"]
        if tests:
            lines += ["    if not (" + "\n            and ".join(tests) + "):", f"        {bad}"]
        return lines, scope, set(flags)

    def keys(self, table: str) -> dict[str, str]:
        """``table``'s foreign keys (column: the table it names); the file's, read once."""
        if self._keys is None:
            self._keys = {}
            for owner, column, target in self.conn.execute(
                    "SELECT m.name, k.\"from\", k.\"table\" FROM sqlite_schema AS m, "
                    "pragma_foreign_key_list(m.name) AS k WHERE m.type = 'table'"):
                self._keys.setdefault(str(owner), {})[str(column)] = str(target)
        return self._keys.get(table, {})

    def check(self, table: str, key: str, rows: list[Any]) -> None:
        """Raise ``ValueError`` when a key of ``rows`` (read by ``key``) names no row."""
        if table not in self.declared:  # a server's reader
            return
        self.ids[table] = {row.id for row in rows}
        for column, target in self.keys(table).items():
            if column == key:
                continue
            named = {getattr(row, column) for row in rows}
            named.discard(None)
            missing = named - self.ids.get(target, set())
            if missing and self._count(target, missing) != len(missing):
                raise ValueError(f"{table}.{column}: a key to a {target} row that is not there")

    def _count(self, table: str, ids: set[Any]) -> int:
        marks = ", ".join([self.mark] * len(ids))
        return int(self.conn.execute(
            f"SELECT count(*) FROM {table} WHERE id IN ({marks})", tuple(ids)).fetchone()[0])
