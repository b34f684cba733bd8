"""The lead's facilitation settings: votes per participant and default minutes per step.

Both live on the workshop row (``votes_per_participant``, ``step_minutes``) and
were only settable from code.  The dialog checks each number with the same
rule the store uses (``models.db.fields.coerce``), so a typo is one sentence under
the field instead of a refused write after the dialog has closed; the store
still checks again (and that only the lead may change them).
"""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from tui.dialogs.held import HeldDialog


class Settings(NamedTuple):
    """What the dialog answers: the two numbers as the lead left them."""

    votes_per_participant: int
    step_minutes: int


FIELDS: tuple[tuple[str, str, str], ...] = (
    ("votes_per_participant", "Dot votes per participant",
     "How many dots each person may place on pain points (0-99)."),
    ("step_minutes", "Default minutes per step",
     "What the step timer proposes when the lead starts it (1-600)."),
)


def check(field: str, text: str) -> int:
    """The typed text as the number the store would keep; ``ValueError`` in one sentence."""
    from models.db.fields import coerce
    from models.db.tables.workshop import Workshop

    return int(coerce(Workshop, field, text.strip()))


class SettingsScreen(HeldDialog["Settings | None"]):
    """Enter saves both numbers (after checking them), Esc cancels and changes nothing."""

    DEFAULT_CSS = """
    SettingsScreen .error { color: $error; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Settings) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Facilitation settings (lead)", style="bold"),
                         classes="dialog-title")
            for field, label, hint in FIELDS:
                yield Label(Text(label))
                yield Input(str(getattr(self.current, field)), id=field, restrict=r"[0-9]*")
                yield Label(Text(hint, style="dim"))
            yield Label(Text(""), id="settings-error", classes="error")
            yield Label(Text("Enter = save   Tab = next field   Esc = cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values: dict[str, int] = {}
        for field, _label, _hint in FIELDS:
            widget = self.query_one(f"#{field}", Input)
            try:
                values[field] = check(field, widget.value)
            except ValueError as exc:
                message = str(exc)
                self.query_one("#settings-error", Label).update(
                    Text(message[:1].upper() + message[1:]))
                widget.focus()
                return
        self.dismiss(Settings(**values))

    def action_cancel(self) -> None:
        self.dismiss(None)
