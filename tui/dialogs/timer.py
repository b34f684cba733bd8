"""The lead's step-timer dialog: minutes for this step (editable), start or stop.

A timer is a shared nudge, not a lock: everyone sees the countdown in the
presence bar and gets a gentle notice at the end; nothing is ever blocked.
The minutes are checked by the store (``Workshop.step_minutes`` coercion), so
the dialog only turns the typed text into a number and says so if it is not.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from tui.dialogs.held import HeldDialog


class TimerScreen(HeldDialog["int | str | None"]):
    """Answer: minutes to start with, "stop", "settings" (open the lead's facilitation
    settings instead) or None (cancelled)."""

    # ctrl+o: not one of Input's own keys, so it works while the minutes field has focus
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "stop", "Stop timer"),
                Binding("ctrl+o", "settings", "Facilitation settings")]

    def __init__(self, step_label: str, minutes: int, running: bool) -> None:
        super().__init__()
        self.step_label, self.minutes, self.running = step_label, minutes, running

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Step timer for {self.step_label}", style="bold"),
                         classes="dialog-title")
            yield Label(Text("Minutes:"))
            yield Input(str(self.minutes), id="timer-minutes", restrict=r"[0-9]*")
            hint = "Enter = start for everyone   Esc = cancel"
            if self.running:
                hint += "   ctrl+s = stop the running timer"
            yield Label(Text(hint, style="dim"))
            yield Label(Text("ctrl+o = facilitation settings (votes, default minutes)",
                             style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text.isdigit() or not 1 <= int(text) <= 600:
            self.notify("Minutes must be a whole number from 1 to 600.", severity="error",
                        markup=False)
            return
        self.dismiss(int(text))

    def action_stop(self) -> None:
        self.dismiss("stop" if self.running else None)

    def action_settings(self) -> None:
        self.dismiss("settings")

    def action_cancel(self) -> None:
        self.dismiss(None)
