"""Table columns that share the width the terminal gives.

Why: the step tables cut free text at fixed budgets chosen for 80 columns
(a pain point at 18 cells), so a 200-column terminal showed the same stubs
beside 40 empty columns, and at 120 columns (the table beside the form) the
last columns fell off the right edge.  Here numbers, states and flags keep
their whole width; free-text columns take what they need when it fits and
otherwise share the rest of the table's width by weight, cut with an ellipsis.
The rows keep the whole text (cleaned, capped at ``WIDEST`` cells), so a
resize only changes column widths, never the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scrollbar import ScrollBar, ScrollBarCorner
from textual.widgets.data_table import ColumnKey, RowKey

from tui.safe_text import fit, short
from tui.widgets.cut_cell import cell_line
from tui.widgets.fast_table import FastTable, LazyRow

_Bar = TypeVar("_Bar", ScrollBar, ScrollBarCorner)

WIDEST = 400  # cells of one cell's text kept: wider than any column a terminal can give


def share(room: int, natural: Sequence[int], weight: Sequence[int],
          least: Sequence[int]) -> list[int]:
    """Column widths (without padding) for ``room`` cells.

    A column of weight 0 keeps its ``natural`` width.  The others keep theirs
    when all fit; otherwise each gets a share of what is left in proportion to
    its weight, never below ``least``, and a column that needs less than its
    share keeps its natural width and leaves the difference to the others.
    """
    widths = list(natural)
    free = [i for i, w in enumerate(weight) if w > 0]
    left = room - sum(natural[i] for i in range(len(natural)) if weight[i] <= 0)
    if sum(natural[i] for i in free) <= left:
        return widths
    while True:  # give the short ones their natural width, then share again
        total = sum(weight[i] for i in free)
        short_ones = [i for i in free if natural[i] * total <= left * weight[i]]
        if not short_ones:
            break
        for i in short_ones:
            left -= natural[i]
            free.remove(i)
    total = sum(weight[i] for i in free) or 1
    for i in free:
        widths[i] = max(least[i], left * weight[i] // total)
    spare = left - sum(widths[i] for i in free)
    for i in free:  # the cells the rounding left, one each from the first column on
        if spare <= 0:
            break
        widths[i] += 1
        spare -= 1
    while spare < 0:  # a column held at its minimum: the widest of the others gives way
        wider = [i for i in free if widths[i] > least[i]]
        if not wider:
            break
        widest = max(wider, key=lambda i: widths[i])
        widths[widest] -= 1
        spare += 1
    return widths


def kept(room: int, least: Sequence[int], drop: Sequence[int]) -> list[bool]:
    """Which columns a table of ``room`` cells shows: all, unless their ``least`` widths
    (padding included) do not fit; then the column of highest ``drop`` priority goes
    first, then the next, until the rest fit.  A ``drop`` of 0 is never dropped.

    Why: sharing the width only cuts text; below a point every free-text column is a
    stub and the fixed ones (a step, a date) run off the right edge, so the columns a
    lead needs least make room for the rest instead.
    """
    shown = [True] * len(least)
    for i in sorted((i for i, d in enumerate(drop) if d > 0), key=lambda i: -drop[i]):
        if sum(w for w, s in zip(least, shown, strict=True) if s) <= room:
            break
        shown[i] = False
    return shown


def cut(value: object) -> str:
    """A free-text cell's text: cleaned and capped (the column cuts it to what it gets)."""
    return short(value, WIDEST)


class CutRow(LazyRow):
    """A ``LazyRow`` whose cells end in an ellipsis when their column is narrower."""

    __slots__ = ()

    def cell(self, index: int) -> Any:
        text = self.texts[index]
        if not isinstance(text, str):
            return text
        return Text(text, style=self.style(index), no_wrap=True, end="", overflow="ellipsis")


@dataclass(frozen=True)
class HandoffCell:
    """"⇄ from → to", each team cut to half of what the column gives when both do not fit.

    One ellipsis at the end of the cell would hide the team the case goes to.
    """

    source: str
    target: str

    def __str__(self) -> str:
        return f"⇄ {self.source} → {self.target}"

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = cell_len(str(self))
        return Measurement(width, width)

    def text(self, width: int) -> str:
        """The cell's text in ``width`` cells (a column narrower than 7 cuts it further)."""
        room = width - 5  # "⇄ " and " → "
        a, b = cell_len(self.source), cell_len(self.target)
        if a + b > room:
            half = room // 2
            a, b = (a, room - a) if a <= half else (
                (room - b, b) if b <= room - half else (half, room - half))
        return f"⇄ {fit(self.source, max(1, a))} → {fit(self.target, max(1, b))}"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.text(options.max_width), no_wrap=True, end="", overflow="ellipsis")


class FitTable(FastTable):
    """A ``FastTable`` whose free-text columns (``cut``: key -> weight) share its width."""

    def __init__(self, *args: Any, cut: Mapping[str, int] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cut = dict(cut or {})
        self.fitted_for = -1  # the room the widths were last shared for
        self._styled_bars: set[int] = set()  # the scroll bars given their styles

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> Any:
        """A plain one-line cell is made directly (``tui.widgets.cut_cell``), once per
        row, column, row style and cursor state, in ``FastTable``'s cell cache."""
        if row_index < self.fixed_rows or column_index < self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor,
                                        hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is not None and column_key is not None:
            key = (row_key, column_key, base_style, cursor, hover, self._show_hover_cursor,
                   self._update_count, self._pseudo_class_state)
            cache = self._cell_render_cache
            lines = cache.get(key)  # type: ignore[arg-type]
            if lines is None:
                line = self._cut_cell(row_key, column_index, column_key, row_index,
                                      base_style, width, cursor, hover)
                if line is not None:
                    cache[key] = lines = [line]  # type: ignore[index]
            if lines is not None:
                return lines
        return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)

    def _cut_cell(self, row_key: RowKey, column_index: int, column_key: ColumnKey,
                  row_index: int, base_style: Style, width: int, cursor: bool,
                  hover: bool) -> list[Segment] | None:
        lazy = self._data.lazy(row_key)
        if lazy is not None:
            cell = lazy.cell(column_index) if column_index < len(lazy.texts) else None
        else:
            cell = self._data[row_key].get(column_key)
        if type(cell) is HandoffCell:
            room = width - 2 * self.cell_padding
            cell = Text(cell.text(room), no_wrap=True, end="", overflow="ellipsis")
        if type(cell) is not Text or cell.spans:
            return None
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, False, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css", self.cursor_background_priority == "css")
        return cell_line(self.app.console, cell.plain, cell.style, cell.overflow, cell.justify,
                         cell.end, width, self.cell_padding, base_style + component_style,
                         post_style, Style.from_meta({"row": row_index, "column": column_index}))

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        super()._update_dimensions(new_rows)
        self.fit_columns(force=True)

    def on_resize(self, event: events.Resize) -> None:
        self.fit_columns()

    # Why the scroll bars are styled as they are made: Textual styles a scroll bar only
    # when its table is restyled.  A table laid out at idle (``warm_views``) makes its
    # bars after its own styles were applied, so they stayed unstyled until the first
    # visit's focus restyled the table; the bars' sizes then went from unset to set, a
    # layout change, and the whole screen was laid out a second time (issue 18).
    # Styled before they are mounted, that restyle changes nothing that needs a layout.
    @property
    def vertical_scrollbar(self) -> ScrollBar:
        return self._styled(super().vertical_scrollbar)

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        return self._styled(super().horizontal_scrollbar)

    @property
    def scrollbar_corner(self) -> ScrollBarCorner:
        return self._styled(super().scrollbar_corner)

    def _styled(self, bar: _Bar) -> _Bar:
        if id(bar) not in self._styled_bars:
            self._styled_bars.add(id(bar))  # a table keeps its bars for its life
            self.app.stylesheet.apply(bar)
        return bar

    def fit_columns(self, *, force: bool = False) -> None:
        """Share the width among the columns again; redraw only if a width changed."""
        width = self.size.width
        if width <= 0 or not self.columns:
            return
        if self.row_count + (self.header_height if self.show_header else 0) > self.size.height:
            width -= self.styles.scrollbar_size_vertical
        if width == self.fitted_for and not force:
            return
        self.fitted_for = width
        columns = self.ordered_columns
        pad = 2 * self.cell_padding
        room = width - pad * len(columns) - self._row_label_column_width
        labels = [cell_len(column.label.plain) for column in columns]
        natural = [max(column.content_width, label) for column, label in
                   zip(columns, labels, strict=True)]
        weight = [self._cut.get(str(column.key.value), 0) for column in columns]
        least = [min(n, max(label, 4)) for n, label in zip(natural, labels, strict=True)]
        widths = share(room, natural, weight, least)
        changed = False
        for column, w, n in zip(columns, widths, natural, strict=True):
            auto = w >= n
            if column.auto_width != auto or (not auto and column.width != w):
                column.auto_width, column.width = auto, w
                changed = True
        if not changed:
            return
        self._clear_caches()
        self._update_count += 1
        total = sum(c.get_render_width(self) for c in columns) + self._row_label_column_width
        self.virtual_size = Size(total, self.virtual_size.height)
        self.refresh()
