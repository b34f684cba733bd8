"""The five-whys dialog: up to five chained "why?" answers and the root cause, one line each.

Entered quickly at 80x24: six one-line inputs, Enter moves to the next one and
saves from the root cause, ctrl+s saves from anywhere, Esc cancels without
saving.  Answers typed in the dialog are not dropped by one reflexive Esc: the
first says what would be lost, a second Esc drops them (as a row's fields do).
The answer goes back to the caller (answers, root cause); the chain is
checked by ``models.rules.five_whys`` after saving, never blocked here.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from models.db.fields import MAX_WHYS
from tui.dialogs.held import HeldDialog
from tui.safe_text import safe
from tui.widgets.clean_input import CleanShownInput

WhysAnswer = tuple[list[str], str]


class FiveWhysScreen(HeldDialog["WhysAnswer | None"]):
    """Why 1..5 and the root cause for one pain point."""

    DEFAULT_CSS = """
    FiveWhysScreen .why-row { height: 1; }
    FiveWhysScreen .why-label { width: 12; }
    FiveWhysScreen .why-row Input { height: 1; border: none; padding: 0 1; width: 1fr;
                                    background: $boost; }
    FiveWhysScreen .why-row Input:focus { border: none; background: $primary 40%; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, pain: str, answers: list[str], root_cause: str) -> None:
        super().__init__()
        self.pain = pain
        self.answers = (answers + [""] * MAX_WHYS)[:MAX_WHYS]
        self.root_cause = root_cause
        self._warned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = Text("Five whys: ", style="bold")
            title.append_text(safe(self.pain, limit=60))
            yield Static(title, classes="dialog-title")
            for i, answer in enumerate(self.answers):
                with Horizontal(classes="why-row"):
                    yield Label(Text(f"Why {i + 1}?"), classes="why-label")
                    yield CleanShownInput(answer, id=f"why-{i + 1}", select_on_focus=False)
            with Horizontal(classes="why-row"):
                yield Label(Text("Root cause", style="bold"), classes="why-label")
                yield CleanShownInput(self.root_cause, id="root-cause", select_on_focus=False)
            yield Label(Text("Enter = next · ctrl+s = save · Esc = cancel", style="dim"))
            yield Label(Text("Stop asking when the answer is something the team can fix.",
                             style="dim"))

    def on_mount(self) -> None:
        filled = sum(1 for a in self.answers if a.strip())
        target = f"#why-{filled + 1}" if filled < MAX_WHYS else "#root-cause"
        self.query_one(target, Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "root-cause":
            self.action_save()
        else:
            self.focus_next()

    def _typed(self) -> tuple[list[str], str]:
        return ([self.query_one(f"#why-{i + 1}", Input).value for i in range(MAX_WHYS)],
                self.query_one("#root-cause", Input).value)

    def action_save(self) -> None:
        answers, root_cause = self._typed()
        while answers and not answers[-1].strip():
            answers.pop()
        self.dismiss((answers, root_cause))

    def action_cancel(self) -> None:
        if self._typed() != (self.answers, self.root_cause) and not self._warned:
            self._warned = True
            self.notify("The typed answers are not saved: ctrl+s saves them, Esc again "
                        "drops them.", severity="warning", markup=False)
            return
        self.dismiss(None)
