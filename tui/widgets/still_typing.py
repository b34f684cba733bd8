"""The sign that keys sent at once are still being typed into a field.

Why: a raw paste (no bracketed paste: tmux ``paste-buffer`` without ``-p``, a
slow SSH link) sends thousands of keys in one go, and the app types them for
seconds after the terminal sent them, while an Enter pressed meanwhile waits
its turn (``tui.widgets.typeahead``).  Without a sign the field looks finished
long before it is, and the Enter looks ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message import Message
from textual.widgets import Input

TYPING = "typing…"  # beside the field's label while it lasts
TYPING_AFTER_S = 0.5  # keys still queued this long after one was held: the field says so


class StillTyping(Message, bubble=False):
    """To the focused field: keys read for it have waited more than a moment (``queued``),
    or, later, the last of them is typed."""

    def __init__(self, queued: bool) -> None:
        super().__init__()
        self.queued = queued


class TypingSign:
    """Tells the focused field when held keys are still queued a moment after one was held,
    and tells the same field again once they are all typed."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._watching = False  # a timer will look whether keys are still queued
        self._told: Input | None = None  # the field told keys are still coming

    def held(self, queued: Callable[[], bool]) -> None:
        """A key was held: in a moment, if ``queued()`` still holds, the field is told."""
        if self._watching or self._told is not None:
            return
        self._watching = True

        def check() -> None:
            self._watching = False
            try:
                field = self.app.focused
            except Exception:  # noqa: BLE001 - no screen (closing): nobody to tell
                return
            if queued() and isinstance(field, Input):
                self._told = field
                field.post_message(StillTyping(queued=True))

        self.app.set_timer(TYPING_AFTER_S, check)

    def typed(self) -> None:
        """Every held key is typed (or dropped): the field told otherwise hears it."""
        if self._told is not None:
            self._told.post_message(StillTyping(queued=False))
            self._told = None
