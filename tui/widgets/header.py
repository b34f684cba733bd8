"""Textual's header, with a title that repaints without a layout pass of the screen.

Every save shows its time in the header ("saved 10:42:07"), so the title
changes on almost every edit.  Textual's ``HeaderTitle`` is a ``Static`` whose
``update`` asks for a layout pass of the whole screen each time (≈ 7 ms with a
step's form on screen), though the title is one line (no wrapping) in a box
of fixed size: a repaint shows it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class CalmTitle(HeaderTitle):
    """The header's title line: a new text is repainted in place."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=False)


class CalmHeader(Header):
    """``Header`` with ``CalmTitle`` (same look: it is styled as ``HeaderTitle``)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield CalmTitle() if type(widget) is HeaderTitle else widget
