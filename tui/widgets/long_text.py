"""A long block of Rich text drawn through Textual's Line API.

Why: a ``Static`` inside a ``VerticalScroll`` wraps its whole text again on
every layout (each resize, each switch back to the view), and composites every
line of it.  The Moments view lists every peak and valley of the sentiment
line: ~4,000 lines on a 10,000-touchpoint map, seconds per visit.  This widget
wraps the text once per width and draws only the lines on screen, so a visit
costs what the screen shows.  It scrolls with the same keys as ``VerticalScroll``
(both are Textual scrollable containers).
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LongText(ScrollView, can_focus=True):
    """Wrapped text whose cost follows the lines on screen, not the lines in it."""

    DEFAULT_CSS = """
    LongText { height: 1fr; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._text = Text()
        self._lines: list[Strip] = []
        self._wrapped_for = -1  # the width ``_lines`` were wrapped at
        self.wraps = 0  # how many times the text was wrapped (a cost gauge)

    @property
    def text(self) -> Text:
        """The text shown, as given."""
        return self._text

    @property
    def lines_drawn(self) -> int:
        """How many wrapped lines the text makes at the current width."""
        return len(self._lines)

    def update(self, text: Text) -> None:
        """Show ``text``; it is wrapped at the next draw, at the width then on screen."""
        self._text = text
        self._wrapped_for = -1
        self._wrap(self._wrap_width())
        self.refresh()

    def _wrap_width(self) -> int:
        """The width to wrap at: without the scrollbar's columns when it will show.

        Deciding before wrapping saves a second wrap of the whole text once the
        scrollbar appears (the text has more lines than the view has rows).
        """
        region = self.scrollable_content_region
        if self.show_vertical_scrollbar or self.styles.overflow_y == "hidden" \
                or self._text.plain.count("\n") <= region.height:
            return region.width
        return region.width - self.styles.scrollbar_size_vertical

    def _wrap(self, width: int) -> None:
        if width <= 0 or width == self._wrapped_for:
            return
        self.wraps += 1
        console = self.app.console
        options = console.options.update_width(width)
        lines = console.render_lines(self._text, options, pad=False)
        if lines and not any(segment.text.strip() for segment in lines[-1]):
            lines = lines[:-1]  # the text's closing newline, as a Static shows it
        self._lines = [Strip(line) for line in lines]
        self._wrapped_for = width
        self.virtual_size = Size(width, len(self._lines))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self._wrap(self._wrap_width())
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        style = self.rich_style
        if index >= len(self._lines):
            return Strip([Segment(" " * width, style)], width)
        return self._lines[index].crop_extend(scroll_x, scroll_x + width, style) \
            .apply_style(style)
