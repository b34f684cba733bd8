"""One table cell drawn once per distinct content, not once per row.

Why: a first visit to a step draws every cell on screen (≈ 35 rows × 8
columns), and ``DataTable`` sends each through Rich (``Padding`` inside
``Styled``, wrapped, cropped, padded): about a third of the visit's CPU.  Most
columns repeat a few values (stage, channel, feel, lane, actor, star), so the
lines Rich makes for a plain one-line cell are kept by what decides them (text,
its style, width, the row's and the cursor's styles) and reused, with the
cell's own click target (its row and column, Textual's "meta") put in front of
each segment's style: the same styles ``DataTable`` builds, without the render.
Anything else (rich cells, several lines, header, label, fixed cells) goes to
``DataTable`` as before.

A distinct cell's lines are made directly (``cut_cell.cell_line``: one line of
printable text in one style, the segments Rich would make) and only the rest goes
through Rich, with the console's options built once per table and width (Textual's
``console_options`` copies them on each read): a first visit draws most cells
once, so the cache above does not spare their first render.
"""

from __future__ import annotations

from typing import Any

from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.renderables.styled import Styled

from tui.widgets.cut_cell import cell_line

SegmentLines = list[list[Segment]]
DISTINCT_CELLS = 4096  # distinct cell renders kept per table
NO_META = Style()  # the click target is put in front when a cached line is used


def _options(table: Any, width: int) -> Any:
    """The console's options for one cell ``width`` wide, built once per table."""
    kept: dict[int, Any] | None = getattr(table, "_jm_cell_options", None)
    if kept is None:
        kept = table._jm_cell_options = {}  # noqa: SLF001
    options = kept.get(width)
    if options is None:
        options = kept[width] = table.app.console_options.update_dimensions(
            width, 1).update(no_wrap=True)
    return options


def plain_cell_lines(table: Any, row_index: int, column_index: int, base_style: Style,
                     width: int, cursor: bool, hover: bool) -> SegmentLines | None:
    """The cell's lines as ``DataTable._render_cell`` makes them, or None when this
    cell is not a plain one-line cell of a one-line row (the caller renders it)."""
    if row_index < table.fixed_rows or column_index < table.fixed_columns:
        return None
    row_key = table._row_locations.get_key(row_index)  # noqa: SLF001
    if table.rows[row_key].height != 1:
        return None
    _label, cells = table._get_row_renderables(row_index)  # noqa: SLF001
    cell = cells[column_index]
    if not isinstance(cell, Text) or cell.spans or "\n" in cell.plain:
        return None
    component_style, post_style = table._get_styles_to_render_cell(  # noqa: SLF001
        False, False, False, hover, cursor, table.show_cursor,
        table._show_hover_cursor,  # noqa: SLF001
        table.cursor_foreground_priority == "css", table.cursor_background_priority == "css")
    cache: LRUCache[Any, SegmentLines] | None = getattr(table, "_jm_distinct_cells", None)
    if cache is None:
        cache = LRUCache(DISTINCT_CELLS)
        table._jm_distinct_cells = cache  # noqa: SLF001
    key = (cell.plain, cell.style, cell.justify, cell.overflow, cell.no_wrap, cell.end,
           width, base_style, component_style, post_style, table.cell_padding)
    lines = cache.get(key)
    if lines is None:
        pre = base_style + component_style
        line = cell_line(table.app.console, cell.plain, cell.style, cell.overflow,
                         cell.justify, cell.end, width, table.cell_padding, pre, post_style,
                         NO_META)
        lines = [line] if line is not None else table.app.console.render_lines(
            Styled(Padding(cell, (0, table.cell_padding)), pre_style=pre,
                   post_style=post_style), _options(table, width))
        cache[key] = lines
    meta = Style.from_meta({"row": row_index, "column": column_index})
    return [list(Segment.apply_style(line, meta)) for line in lines]
