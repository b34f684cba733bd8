"""A DataTable whose costs follow the rows on screen, not the rows in the table.

Why: Textual's ``DataTable`` already draws line by line (``render_line``), but
its bookkeeping is proportional to the whole table: a list of every screen line
rebuilt after each change, ``Rich`` measurement of every cell of every new row,
a reactive cursor write per ``add_row``, and row regions found by summing the
heights of all rows above.  With 10,000 touchpoints that is seconds per first
visit.  This subclass keeps Textual's renderer (so every pixel, key and message
is DataTable's own) and replaces that bookkeeping, using the fact that every row
here is one line high:

- screen line ``y`` is row ``y`` (no offsets list; regions by arithmetic);
- ``add_keyed_rows`` appends many rows with one cursor update and one idle pass;
- new rows are measured from their plain text (``cell_len`` of the widest line,
  exactly what ``Text.__rich_measure__`` returns) without building renderables;
- ``update_cell`` evicts the cached renders of the one changed row instead of
  bumping the table-wide counter that is part of every render-cache key;
- rows may be given as ``LazyRow`` (plain text and style per cell): the table
  keeps them as they are, measures them from their text, and turns a row into
  ``Text`` cells only when something asks for its cells (drawing it, reading it).
  A first visit to a 10,000-row step built 80,000 ``Text`` objects (and paid the
  garbage collector for them) to show 35 rows.

It leans on DataTable internals (checked by ``tests/tui/test_tui_perf.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import zip_longest
from typing import Any

from textual import events
from textual.geometry import Region, Size
from textual.render import measure
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, Row, RowKey

from tui.widgets.cell_render import plain_cell_lines
from tui.widgets.focus_look import KeptFocusLook
from tui.widgets.lazy_rows import LazyData, LazyRow, LineOffsets, column_widths, plain_width


class FastTable(KeptFocusLook, DataTable[Any]):
    """``DataTable`` with bookkeeping proportional to the rows on screen (one-line rows)."""

    _sized_for: tuple[Any, ...] | None = None  # the sizes last given (``_sizing``)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._data: LazyData = LazyData(self)  # type: ignore[assignment]

    def _render_cell(self, row_index: int, column_index: int, base_style: Any, width: int,
                     cursor: bool = False, hover: bool = False) -> Any:
        """A plain cell is drawn once per distinct content (``tui.widgets.cell_render``)."""
        if row_index >= 0 and column_index >= 0:
            key = (self._row_locations.get_key(row_index),
                   self._column_locations.get_key(column_index), base_style, cursor, hover,
                   self._show_hover_cursor, self._update_count, self._pseudo_class_state)
            lines = self._cell_render_cache.get(key)  # type: ignore[arg-type]
            if lines is None:
                lines = plain_cell_lines(self, row_index, column_index, base_style, width,
                                         cursor, hover)
                if lines is not None:
                    self._cell_render_cache[key] = lines  # type: ignore[index,arg-type]
            if lines is not None:
                return lines
        return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)

    @property
    def rows_built(self) -> int:
        """How many ``LazyRow`` rows have been turned into cells so far (a cost gauge)."""
        return self._data.built

    @property
    def _y_offsets(self) -> LineOffsets:  # type: ignore[override]
        return LineOffsets(self)

    def _get_row_region(self, row_index: int) -> Region:
        if not self.is_valid_row_index(row_index):
            return Region(0, 0, 0, 0)
        row_width = (sum(column.get_render_width(self) for column in self.columns.values())
                     + self._row_label_column_width)
        y = row_index + (self.header_height if self.show_header else 0)
        return Region(0, y, max(self.size.width, row_width), 1)

    def _get_cell_region(self, coordinate: Any) -> Region:
        if not self.is_valid_coordinate(coordinate):
            return Region(0, 0, 0, 0)
        row_index, column_index = coordinate
        columns = self.ordered_columns
        x = (sum(c.get_render_width(self) for c in columns[:column_index])
             + self._row_label_column_width)
        y = row_index + (self.header_height if self.show_header else 0)
        return Region(x, y, columns[column_index].get_render_width(self), 1)

    def notify_style_update(self) -> None:
        """Keep the render caches when only the focus (or hover) state changed.

        DataTable drops every cached render on any style update, and moving the
        focus between tables is one, so each step switch re-rendered every
        visible cell.  Its caches are keyed by the pseudo-class state already;
        they are dropped only when the styles *for a state* differ from those the
        renders were made with (a theme or CSS change).
        """
        Widget.notify_style_update(self)
        self.restyled()
        self._styles_cache.clear()
        self._get_styles_to_render_cell.cache_clear()
        self.refresh()
        seen: dict[Any, Any] = self.__dict__.setdefault("_styles_by_state", {})
        names = sorted(self.COMPONENT_CLASSES)
        if not all(name in self._component_styles for name in names):
            seen.clear()  # not styled yet: nothing rendered to keep
            return
        state = self.get_pseudo_class_state()
        styles = (self.rich_style,
                  *(self.get_component_rich_style(name, partial=True) for name in names))
        if seen.get(state, styles) != styles:
            seen.clear()
            self._row_render_cache.clear()
            self._cell_render_cache.clear()
            self._row_renderable_cache.clear()
            self._line_cache.clear()
        seen[state] = styles

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size,
                      layout: bool = True) -> bool:
        """A new width makes the rows drawn at the old one stale, in the pass that sets it.

        DataTable extends every row to the widget's width and keys its row renders
        by its update counter, not by the width; it bumps the counter on the Resize
        event, which comes after the layout pass has drawn the table at its new
        size from renders made at the old one (a table shown again after the
        terminal was resized while it was hidden).
        """
        if self._sized_for == self._sizing(size, virtual_size, container_size):
            return False  # what ScrollView would do again changes nothing (see ``_sizing``)
        if size.width != self._size.width:
            self._update_count += 1
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        self._sized_for = self._sizing(size, virtual_size, container_size)
        return changed

    def _sizing(self, *given: Size) -> tuple[Any, ...]:
        """What ScrollView's ``_size_updated`` decides from.

        It compares the table's virtual size with the size of its content region,
        which always differ, so every layout pass with the table on screen told the
        scroll bars their sizes again and they drew all their lines afresh (each
        step switch to a table that scrolls).  Given the same sizes, virtual size,
        scroll bars and styles, it would set what is already set.
        """
        return (*given, self.virtual_size, self.show_vertical_scrollbar,
                self.show_horizontal_scrollbar, self.styles._cache_key)  # noqa: SLF001

    def _on_resize(self, event: events.Resize) -> None:
        """No counter bump here: ``_size_updated`` made it for a new width only.

        DataTable bumps its update counter on every resize, and a table that is
        shown again (a step switch) gets one, so every visible cell was
        re-rendered on each switch.  The virtual size is the columns' sum, which
        changes only with the rows and cells (whose changes bump the counter
        themselves).
        """
        event.prevent_default()  # DataTable's handler would bump the counter

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> RowKey:
        if height != 1:
            raise ValueError("FastTable rows are one line high.")
        return super().add_row(*cells, height=1, key=key, label=label)

    def add_keyed_rows(self, rows: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """Append rows (key, cells) in one go: what ``add_row`` does, once, not per row."""
        columns = self.ordered_columns
        had_rows = self.row_count > 0
        locations, data, table_rows, new_rows = (self._row_locations, self._data, self.rows,
                                                 self._new_rows)
        index = self.row_count
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in locations:
                from textual.widgets.data_table import DuplicateKey

                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            lazy = cells if isinstance(cells, LazyRow) else None
            if len(cells if lazy is None else lazy.texts) > len(columns):
                raise ValueError("More values provided than there are columns.")
            locations[row_key] = index
            if lazy is not None:
                data.put_lazy(row_key, lazy)
            else:
                data[row_key] = {column.key: cell
                                 for column, cell in zip_longest(columns, cells)}
            table_rows[row_key] = Row(row_key, 1, None, False)
            new_rows.add(row_key)
            index += 1
        if index == len(table_rows) and new_rows:
            self._require_update_dimensions = True
            self.cursor_coordinate = self.cursor_coordinate
            if not had_rows and self.row_count and self.columns and self.show_cursor \
                    and self.cursor_type != "none":
                self._highlight_cursor()
            self._update_count += 1
            self.check_idle()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Column widths from the new rows' plain text, then the virtual size.

        Cells whose width ``cell_len`` cannot tell (not ``Text``, several lines)
        are measured by Rich as DataTable does; rows are one line high, so no
        row needs rendering to find its height.
        """
        console = self.app.console
        columns = self.ordered_columns
        widths = [column.content_width for column in columns]
        keys = [column.key for column in columns]
        data = self._data
        lazies: list[LazyRow] = []
        for row_key in new_rows:
            if row_key not in self._row_locations:
                continue
            lazy = data.lazy(row_key)
            if lazy is not None:
                lazies.append(lazy)
                continue
            values = data[row_key]
            for i, key in enumerate(keys):
                cell = values.get(key)
                width = plain_width(cell)
                if width is None:
                    width = 0 if cell is None else measure(
                        console, self._format_cell(cell), 1)
                if width > widths[i]:
                    widths[i] = width
        if lazies:
            lazy_widths = column_widths(console, lazies, len(widths))
            widths = [max(pair) for pair in zip(widths, lazy_widths, strict=True)]
        for column, width in zip(columns, widths, strict=True):
            column.content_width = width
        total_width = (sum(column.get_render_width(self) for column in self.columns.values())
                       + self._row_label_column_width)
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(total_width, self.row_count + header_height)

    @staticmethod
    def _format_cell(cell: Any) -> Any:
        from textual.widgets._data_table import default_cell_formatter

        return default_cell_formatter(cell, wrap=False, height=1)

    def update_cell(self, row_key: RowKey | str, column_key: ColumnKey | str, value: Any,
                    *, update_width: bool = False) -> None:
        """Change one cell and repaint its row only.

        DataTable bumps the table-wide counter that is part of every render-cache
        key and repaints the whole table, so one edited cell re-rendered every
        row on screen.  Here only that row's renders are dropped and only its
        line is repainted; a cell that may widen its column still goes through
        DataTable (the widths, hence every row, change).
        """
        if update_width:
            super().update_cell(row_key, column_key, value, update_width=True)
            return
        key = row_key if isinstance(row_key, RowKey) else RowKey(row_key)
        column = column_key if isinstance(column_key, ColumnKey) else ColumnKey(column_key)
        index = self._row_locations.get(key)
        if index is None or column not in self._column_locations:
            raise CellDoesNotExist(
                f"No cell exists for row_key={key!r}, column_key={column!r}.")
        self._data[key][column] = value
        for cache in (self._cell_render_cache, self._row_render_cache):
            for stale in [k for k in cache.keys() if k[0] == key]:
                cache.discard(stale)  # type: ignore[arg-type]  # keys of that very cache
        for stale_index in [k for k in self._row_renderable_cache.keys() if k[1] == index]:
            self._row_renderable_cache.discard(stale_index)
        y = index + (self.header_height if self.show_header else 0)
        for stale_line in [k for k in self._line_cache.keys() if k[0] == y]:
            self._line_cache.discard(stale_line)
        if not self.size.area:
            # Hidden (a kept step view): it has no window, so ``refresh_row`` marks
            # nothing, and when shown the screen's kept map (``kept_map``) lays it out
            # at its old size, no resize: its old line stayed on screen.
            self.refresh()
            return
        self.refresh_row(index)
