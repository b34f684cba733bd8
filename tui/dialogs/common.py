"""Modal dialogs: confirm a destructive action, pick one item from a list.

They return their answer through ``push_screen(..., callback)`` so the
calling screen keeps the logic; labels are Rich ``Text`` (user text is data).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.dialogs.held import HeldDialog
from tui.widgets.typeahead import ANSWER, hold, release

T = TypeVar("T")


class ConfirmScreen(HeldDialog[bool]):
    """Yes/no question; Esc or `n` answers no, so nothing is lost by accident."""

    BINDINGS = [Binding("y", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: Text | str, detail: Text | str = "") -> None:
        super().__init__()
        self.question = question if isinstance(question, Text) else Text(question)
        self.detail = detail if isinstance(detail, Text) else Text(detail)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            if self.detail.plain:
                yield Static(self.detail, classes="dialog-detail")
            yield Label(Text("y = yes   n / Esc = no", style="dim"))

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class PickScreen(HeldDialog["T | None"], Generic[T]):
    """Choose one of several options with the arrow keys and Enter; Esc cancels.

    ``highlight`` is the option Enter takes at once (the likely answer, such as
    the current stage); with ``digits`` the keys 1-9 choose an option directly,
    so a numbered list costs one key.
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, options: Sequence[tuple[Text, T]], *, highlight: int = 0,
                 digits: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.values = [value for _, value in options]
        self.labels = [label for label, _ in options]
        self.highlight = max(0, min(highlight, len(self.values) - 1))
        self.digits = digits

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            options = OptionList(*[Option(label, id=str(i)) for i, label in enumerate(self.labels)])
            options.highlighted = self.highlight
            yield options
            hint = "1-9 or Enter = choose   Esc = cancel" if self.digits else \
                "Enter = choose   Esc = cancel"
            yield Label(Text(hint, style="dim"))

    def on_key(self, event: events.Key) -> None:
        if self.digits and event.character and event.character in "123456789":
            index = int(event.character) - 1
            if index < len(self.values):
                event.stop()
                # Keys typed after the digit wait for the field the answer leads to
                # (Tab and Esc too: they belong to that field, after the text).
                hold(self.app, ANSWER)
                self.dismiss(self.values[index])
                self.app.call_after_refresh(release, self.app, ANSWER)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.values[int(event.option_id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
