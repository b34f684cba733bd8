"""A dialog opened by a key owns the keys typed behind that key.

A terminal hands the app a whole burst at once: ``d 2026-03-02 Esc`` on the
Plan step, ``y`` behind a ``d`` that asks to confirm.  Those keys are read
before the pushed dialog is on screen, and Textual gives each key to what has
the focus when it is read: the screen below (where they were lost or ran as
commands) or a dialog whose first field gets the focus, and its text
selected, only after the first refresh (the text typed in between was
selected and replaced by the next key: ``-02`` saved for ``2026-03-02``).

So every such dialog holds what the app reads (``tui.widgets.typeahead``) from
the moment it is made until it has entered where typing starts, one refresh
after it is mounted; the held keys then come back in the order they were read.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from tui.widgets.typeahead import DIALOG, hold, release

T = TypeVar("T")


class HeldDialog(ModalScreen[T]):
    """A modal screen whose keys, typed before it could take them, wait for it.

    Centred here, once for every dialog: three that forgot to say so sat in the
    top-left corner, over the title and the step bar."""

    DEFAULT_CSS = "HeldDialog { align: center middle; }"

    def __init__(self) -> None:
        super().__init__()
        hold(self.app, DIALOG)

    def on_mount(self) -> None:
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        self.enter()
        # Released after what ``enter`` asked for after the refresh (a field's text
        # selected): a key read in between went into the field and was then selected
        # and replaced by the next key (``026-03-02`` saved for ``2026-03-02``).
        self.call_after_refresh(release, self.app, DIALOG)

    def enter(self) -> None:
        """Put the focus where typing starts (run once the dialog is laid out); Textual's
        own first focus is enough for most dialogs."""
