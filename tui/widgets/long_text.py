"""A long list of Rich text lines drawn through Textual's Line API.

Why: the Moments view lists every peak and valley of the sentiment line, ~5,000
lines on a 10,000-touchpoint map.  Laid out as one ``Static`` it was wrapped again
on every layout; wrapped once as a whole it still cost seconds on the first visit
(Rich's ``Text.wrap`` of every line).  This widget keeps the text as its lines,
counts how many rows each line takes at the current width without laying it out,
and wraps only the lines that reach the screen.  A visit costs what the screen
shows.  It scrolls with the same keys as ``VerticalScroll`` (both are Textual
scrollable containers).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Any, NamedTuple

from rich._wrap import divide_line, re_word
from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")  # a dict ``str.translate`` costs ~50 ns a character


def _cells(plain: str) -> int:
    """``cell_len(plain)``, asking Rich only about the characters outside ASCII.

    Rich measures a string with one non-ASCII character (a ▲ mark, curly quotes)
    character by character in Python; printable ASCII is one cell each.
    """
    if plain.isascii():
        return cell_len(plain)
    rest = "".join(_NOT_ASCII.findall(plain))
    return len(plain) - len(rest) + cell_len(rest)


class Line(NamedTuple):
    """One line in one style, kept as its words: made a ``Text`` only when drawn.

    Why: a ``Text`` carries two lists and a span list beside its words, ~400 bytes a
    line; the Future state's business case is ~27,500 lines at 10,000 touchpoints.
    """

    plain: str
    style: str = ""


def _text(line: Text | Line) -> Text:
    return Text(line.plain, style=line.style) if isinstance(line, Line) else line


def _one_cell_each(plain: str) -> bool:
    """Whether every character of ``plain`` takes one cell, so a width is a length.

    Printable ASCII does; of the rest ("•", "▼", "é") each distinct character is
    asked of Rich once (cached).  A zero-width or wide character says no.
    """
    if not plain.isprintable():
        return False
    return plain.isascii() or all(cell_len(c) == 1 for c in set("".join(_NOT_ASCII.findall(plain))))


def _greedy_rows(plain: str, width: int) -> int | None:
    """The rows ``rich._wrap.divide_line`` breaks a line of one-cell characters into,
    with its words and its rule (a word fits if it does without its trailing spaces);
    None when a word is wider than the line (Rich folds it: ask its breaker).

    Rich's breaker measures every word twice through ``cell_len``; the Future state's
    case has ~5,000 lines longer than the screen at 10,000 touchpoints, and counting
    them was half of its first visit.
    """
    rows, offset = 1, 0
    for match in re_word.finditer(plain):
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            return None
        elif offset and match.start():
            rows += 1
            offset = len(word)
    return rows


class LongText(ScrollView, can_focus=True):
    """Wrapped lines of text whose cost follows the rows on screen, not the rows in it."""

    DEFAULT_CSS = """
    LongText { height: 1fr; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._lines: list[Text | Line] = []
        self._starts: list[int] = [0]  # the first row of each line; the last is the total
        # The wrapped rows of the lines drawn lately, least recently drawn first: a few
        # screens' worth (``_kept``), so paging back and forth re-wraps nothing, but a
        # walk through every line (Page Down held, End's animated scroll) keeps no more.
        self._rows: dict[int, list[Strip]] = {}
        self._measured_for = -1  # the width ``_starts`` were counted at
        self.wraps = 0  # how many times the rows were counted for a width (a cost gauge)

    @property
    def text(self) -> Text:
        """The text shown, as one block (built on request; the widget keeps the lines)."""
        text = Text("\n").join(map(_text, self._lines))
        text.append("\n")
        return text

    @property
    def lines_drawn(self) -> int:
        """How many rows the text takes at the current width."""
        return self._starts[-1]

    @property
    def lines_wrapped(self) -> int:
        """How many of the text's lines are kept laid out at the current width."""
        return len(self._rows)

    def update(self, lines: Sequence[Text | Line]) -> None:
        """Show ``lines`` (a ``Text`` or a ``Line`` each); only the ones drawn are wrapped."""
        self._lines = list(lines)
        self._measured_for = -1
        self._measure(self._wrap_width())
        self.refresh()

    def _wrap_width(self) -> int:
        """The width to wrap at: without the scrollbar's columns when it will show.

        Deciding before counting saves a second count once the scrollbar appears
        (the text has more lines than the view has rows).
        """
        region = self.scrollable_content_region
        if self.show_vertical_scrollbar or self.styles.overflow_y == "hidden" \
                or len(self._lines) <= region.height:
            return region.width
        return region.width - self.styles.scrollbar_size_vertical

    def _height(self, line: Text | Line, width: int) -> int:
        """The rows ``line`` takes at ``width``, counted with the line breaker
        ``Text.wrap`` itself uses, so no layout is needed (a ``Line`` wraps and folds)."""
        plain = line.plain
        if "\t" in plain or (isinstance(line, Text) and line.no_wrap):
            return len(self._layout(line, width))
        fold = isinstance(line, Line) or line.overflow in (None, "fold")
        rows = 0
        for piece in plain.split("\n"):
            if _cells(piece) <= width:
                rows += 1
                continue
            counted = _greedy_rows(piece, width) if _one_cell_each(piece) else None
            rows += counted if counted is not None else \
                len(divide_line(piece, width, fold=fold)) + 1
        return rows

    def _measure(self, width: int) -> None:
        if width <= 0 or width == self._measured_for:
            return
        self.wraps += 1
        self._rows = {}
        self._set_heights([self._height(line, width) for line in self._lines], width)

    def _set_heights(self, heights: list[int], width: int) -> None:
        self._starts = [0, *accumulate(heights)]
        self._measured_for = width
        self.virtual_size = Size(width, self._starts[-1])

    def _layout(self, line: Text | Line, width: int) -> list[list[Segment]]:
        console = self.app.console
        return console.render_lines(_text(line), console.options.update_width(width), pad=False)

    def _wrapped(self, index: int) -> list[Strip]:
        """The rows of line ``index``, laid out once per width.

        Should Rich break the line into a different number of rows than counted,
        the count is corrected, so the scroll range stays true.
        """
        rows = self._rows.pop(index, None)
        if rows is not None:
            self._rows[index] = rows  # drawn again: the most recent
        else:
            width = self._measured_for
            rows = self._rows[index] = [Strip(r) for r in self._layout(self._lines[index], width)]
            if len(self._rows) > self._kept():
                del self._rows[next(iter(self._rows))]
            counted = self._starts[index + 1] - self._starts[index]
            if len(rows) != counted:
                heights = [b - a for a, b in zip(self._starts, self._starts[1:], strict=False)]
                heights[index] = len(rows)
                self._set_heights(heights, width)
        return rows

    def _kept(self) -> int:
        """How many lines' rows to keep: three screens (a line takes a row at least)."""
        return 3 * max(self.size.height, 24)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._measure(self._wrap_width())
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        style = self.rich_style
        if row >= self._starts[-1]:
            return Strip([Segment(" " * width, style)], width)
        index = bisect_right(self._starts, row) - 1
        rows = self._wrapped(index)
        offset = row - self._starts[index]
        if offset >= len(rows):
            return Strip([Segment(" " * width, style)], width)
        return rows[offset].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
