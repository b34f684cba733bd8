"""A table's rows kept as plain text until drawn, and measured from that text (issue 18).

Why: ``FastTable`` (``tui.widgets.fast_table``) shows the rows on screen of
tables of up to 10,000 rows.  Building a ``Text`` per cell of every row (and
measuring each through Rich) cost seconds per first visit and the garbage
collector's full passes over 80,000 objects; here a row is its cells' plain
text and style (``LazyRow``), turned into cells only when DataTable asks for
them (``LazyData``, which stands in for DataTable's ``_data``), screen lines
map to rows by arithmetic (``LineOffsets``: every row is one line high) and
column widths come from the plain text (``column_widths``).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping, Sequence
from itertools import zip_longest
from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.render import measure
from textual.widgets.data_table import ColumnKey, RowKey


class LazyRow(NamedTuple):
    """A row as the plain text and style of each cell, made into ``Text`` when drawn.

    ``texts`` are shown literally (callers clean user text first, e.g. with
    ``tui.safe_text.short``); a cell that needs several styles may be a ready
    ``Text``.  ``styles`` may be shorter than ``texts`` (missing = no style).
    Rows compare by value, so an unchanged row is recognised without building it.
    """

    texts: tuple[str | Text, ...]
    styles: tuple[str, ...] = ()

    def style(self, index: int) -> str:
        return self.styles[index] if index < len(self.styles) else ""

    def cell(self, index: int) -> Text:
        """The cell as ``safe`` would have built it: literal, one line, no end."""
        text = self.texts[index]
        if isinstance(text, Text):
            return text
        return Text(text, style=self.style(index), no_wrap=True, end="")

    def cells(self) -> tuple[Text, ...]:
        return tuple(self.cell(i) for i in range(len(self.texts)))


class LazyData(MutableMapping[RowKey, dict[ColumnKey, Any]]):
    """DataTable's row key -> {column key: cell}, building a lazy row on first read.

    One dict keeps the insertion order DataTable relies on (``sort``); a value is
    either the cells mapping or the ``LazyRow`` it will be built from.
    """

    def __init__(self, table: Any) -> None:  # a FastTable
        self._table = table
        self._rows: dict[RowKey, dict[ColumnKey, Any] | LazyRow] = {}
        self.built = 0

    def lazy(self, key: RowKey) -> LazyRow | None:
        """The row still unbuilt, or None (built already, or given as cells)."""
        row = self._rows.get(key)
        return row if isinstance(row, LazyRow) else None

    def put_lazy(self, key: RowKey, row: LazyRow) -> None:
        self._rows[key] = row

    def __getitem__(self, key: RowKey) -> dict[ColumnKey, Any]:
        row = self._rows[key]
        if isinstance(row, LazyRow):
            columns = self._table.ordered_columns
            texts = len(row.texts)
            built = {column.key: row.cell(i) if i < texts else None
                     for i, column in enumerate(columns)}
            self._rows[key] = row = built
            self.built += 1
        return row

    def __setitem__(self, key: RowKey, value: dict[ColumnKey, Any]) -> None:
        self._rows[key] = value

    def __delitem__(self, key: RowKey) -> None:
        del self._rows[key]

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[RowKey]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def clear(self) -> None:
        self._rows.clear()


class LineOffsets(Sequence[tuple[RowKey, int]]):
    """Screen line -> (row key, line in row) for one-line rows, without a list."""

    def __init__(self, table: Any) -> None:  # a FastTable
        self._table = table

    def __len__(self) -> int:
        return len(self._table.rows)

    def __getitem__(self, y: int) -> tuple[RowKey, int]:  # type: ignore[override]
        if y < 0:
            y += len(self)
        if not 0 <= y < len(self):
            raise IndexError(y)
        key = self._table._row_locations.get_key(y)
        assert key is not None  # every index below the row count has a key
        return key, 0

    def __iter__(self) -> Iterator[tuple[RowKey, int]]:
        return (self[y] for y in range(len(self)))

    def clear(self) -> None:
        """``DataTable.clear`` clears the offsets list; there is none to clear."""


def plain_width(cell: Any) -> int | None:
    """Width ``measure`` would give a one-line cell, or None when only Rich can tell."""
    if isinstance(cell, Text):
        plain = cell.plain
    else:
        return None
    if "\n" in plain or "\t" in plain:
        return None
    return cell_len(plain)


def column_widths(console: Any, rows: list[LazyRow], columns: int) -> list[int]:
    """The widest cell of each column of lazy ``rows``, without building them.

    Most columns hold a few distinct values or printable ASCII, measured in one
    pass (``len``, or ``cell_len`` per distinct value); a cell ``cell_len``
    cannot tell (tabs, several lines, a ready ``Text``) is measured as DataTable
    would.
    """
    by_column = list(zip_longest(*[row.texts for row in rows]))[:columns]
    widths = [0] * columns
    for i, texts in enumerate(by_column):
        distinct = {t for t in texts if type(t) is str}
        if len(distinct) == len(texts) or all(type(t) is str or t is None for t in texts):
            joined = "".join(distinct)  # type: ignore[arg-type]
            if joined.isascii() and joined.isprintable():
                widths[i] = max(map(len, distinct), default=0)  # type: ignore[arg-type]
                continue
            if "\n" not in joined and "\t" not in joined:
                widths[i] = max(map(cell_len, distinct), default=0)  # type: ignore[arg-type]
                continue
        for row in rows:
            if len(row.texts) <= i:
                continue
            text = row.texts[i]
            width = (cell_len(text) if isinstance(text, str) and "\n" not in text
                     and "\t" not in text else plain_width(row.cell(i)))
            if width is None:
                width = measure(console, row.cell(i), 1)
            widths[i] = max(widths[i], width)
    return widths
