"""What the room sees while a ticket export is read: the rows read so far, and Esc to stop.

A 300,000-row export takes seconds.  Read on the interface's thread it froze the screen
with no sign of life, and an Esc pressed meanwhile was read only once the import had been
written, where it closed the Data screen instead of stopping anything.  The Data screen
runs the import in a thread worker and shows this dialog over it; the import tells it the
rows read after each batch of 25,000, and asks it whether to go on, so Esc stops the
import before anything is stored (the import is all or nothing).  The import starts only
once the dialog is on screen, so an Esc typed in the same burst as the key that chose
Import is read by this dialog before the first batch ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static
from textual.worker import get_current_worker

from models.rules.counts import plural
from tui.dialogs.held import HeldDialog


class ImportStopped(Exception):
    """Raised inside the import, between two batches, once the person pressed Esc."""


class ImportProgress(HeldDialog[None]):
    """The file being imported, the rows read so far, and Esc to stop it."""

    BINDINGS = [Binding("escape", "stop", "Stop the import")]

    def __init__(self, file_name: str, start: Callable[[ImportProgress], None]) -> None:
        super().__init__()
        self.file_name = file_name
        self.stop = threading.Event()
        self._start = start

    def enter(self) -> None:
        """Start the import once the dialog is on screen: an Esc typed with the key that
        chose Import is then read here, before the first batch is done, not after."""
        self._start(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="import-progress"):
            yield Static(Text(f"Importing {self.file_name}", style="bold"),
                         classes="dialog-title")
            yield Static(Text("Reading the file…"), id="rows-read")
            yield Label(Text("Esc = stop the import (nothing is stored)", style="dim"))

    def told(self, rows: int) -> None:
        """Called by the import (on its thread) after each batch: show the rows read, and
        stop the import here if Esc was pressed, or the app is closing (Textual cancels a
        closing screen's workers, and a thread is not stopped by that): nothing is stored."""
        if self.stop.is_set() or get_current_worker().is_cancelled:
            raise ImportStopped
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: int) -> None:
        if self.is_attached:
            self.query_one("#rows-read", Static).update(Text(f"{plural(rows, 'row')} read…"))

    def action_stop(self) -> None:
        self.stop.set()
        self.query_one("#rows-read", Static).update(
            Text("Stopping after the rows being read…", style="bold"))
