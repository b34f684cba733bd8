"""Textual's header, with a title that repaints without a layout pass of the screen.

Every save shows its time in the header ("saved 10:42:07"), so the title
changes on almost every edit.  Textual's ``HeaderTitle`` is a ``Static`` whose
``update`` asks for a layout pass of the whole screen each time (≈ 7 ms with a
step's form on screen), though the title is one line (no wrapping) in a box
of fixed size: a repaint shows it.

Textual also cuts "title — sub-title" at the right edge, so with a long workshop
title at 80 columns the sub-title went first: a seat's role ("observer
(read-only)"), "not seated (read-only)", the "saved" time.  Those say what a
person may do and whether their edit landed; the title is the part to shorten.

At quit Textual takes the title line down before the header; a title or sub-title
set in between (the store that opened in its worker says the seat's role) made
Textual's header raise ``NoMatches`` in front of the room.  A header without its
title line has nothing to show, so it shows nothing.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount, Resize
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderTitle

from tui.safe_text import fit

SEPARATOR = " — "  # what ``App.format_title`` puts between title and sub-title


def seat_note(role: str) -> str:
    """What the header's sub-title says of this seat's role, kept through every save.

    Nothing for a lead (the one who runs the room needs no reminder); a participant
    or an observer sees what they may do the whole session, not only until the first
    "saved" time replaces it.
    """
    if role == "observer":
        return "observer (read-only)"
    return "" if role in ("", "lead") else role


def saved_note(role: str, clock: str) -> str:
    """The sub-title after a save: the seat's role (if any), then the time it landed."""
    note = seat_note(role)
    return f"{note} · saved {clock}" if note else f"saved {clock}"


class CalmTitle(HeaderTitle):
    """The header's title line: a new text is repainted in place."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=False)


class CalmHeader(Header):
    """``Header`` with ``CalmTitle`` (same look: it is styled as ``HeaderTitle``)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield CalmTitle() if type(widget) is HeaderTitle else widget

    def _on_mount(self, event: Mount) -> None:
        """Textual's own title watchers (the app's and the screen's title and sub-title),
        with a title line already taken down left alone; ``Header``'s are not added."""
        event.prevent_default()  # a one-line header has no scrollbars for Widget to set
        for owner in (self.app, self.screen):
            self.watch(owner, "title", self._show_title)
            self.watch(owner, "sub_title", self._show_title)

    def _show_title(self) -> None:
        try:
            line = self.query_one(CalmTitle)
            line.update(self._title_in(line.content_size.width))
        except (NoMatches, NoScreen):  # taken down at quit, or not on a screen yet
            return

    def _title_in(self, room: int) -> Content:
        """Textual's "title — sub-title" for ``room`` cells, the title shortened so the
        sub-title fits whole (``room`` is 0 until the first layout: nothing is cut)."""
        title, sub_title = self.screen_title, self.screen_sub_title
        if sub_title and room:
            title = fit(title, max(1, room - cell_len(SEPARATOR + sub_title)))
        return self.app.format_title(title, sub_title)

    def on_resize(self, _event: Resize) -> None:
        """A new width fits the title again (a wider terminal shows more of it)."""
        self._show_title()
