"""Tie a card's signal to a measured metric and a target (``journeymap tickets link-card``).

Three stops, each answered with Enter: the metric, the group of tickets it is read on
(all tickets, or one category, channel, priority or group of the readings), then the
target typed as the CLI takes it ("-30%" = a change against the baseline reading,
"=0.85" = a value to reach).  The target is checked with the same ``parse_target`` as
the CLI, so a wrong one is said in the dialog and nothing is saved; the Cards view then
calls the same ``links.link_card``.  Group names are data: labels are Rich ``Text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.dialogs.held import HeldDialog
from tui.safe_text import safe
from tui.widgets.clean_input import CleanShownInput


@dataclass(frozen=True)
class SignalRequest:
    """The metric, the group (``all`` or ``KIND=VALUE``) and the target text."""

    metric: str
    group: str
    target: str


class CardSignalDialog(HeldDialog["SignalRequest | None"]):
    """Metric list, group list, target field; Enter moves on, Enter in the target saves
    (layout: app.tcss)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]
    def __init__(self, title: str, metrics: Sequence[tuple[str, str]],
                 groups: Sequence[tuple[str, str]], *, metric: str = "", group: str = "",
                 target: str = "", now: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.metrics = list(metrics)
        self.groups = list(groups)
        self.start = (metric, group, target)
        self.now = now

    def compose(self) -> ComposeResult:
        heading = Text("Tie the signal of ", style="bold")
        heading.append_text(safe(self.title_text, "bold", limit=50))
        with Vertical(classes="dialog", id="card-signal"):
            yield Static(heading, classes="dialog-title")
            yield Label(Text("Metric (↑↓ Enter)"))
            yield OptionList(*(Option(Text(label), id=name) for name, label in self.metrics),
                             id="metric-list")
            yield Label(Text("Measured on (↑↓ Enter)"))
            yield OptionList(*(Option(safe(label, limit=66), id=str(i))
                               for i, (_, label) in enumerate(self.groups)), id="group-list")
            yield CleanShownInput(self.start[2], id="target",
                                  placeholder="target: -30% (vs baseline) or =0.85 (a value)")
            yield Static(Text(""), id="signal-error")
            if self.now:
                yield Static(safe(f"Now: {self.now}", "dim", limit=140))
            yield Label(Text("Enter = next / save   Tab = move   Esc = cancel", style="dim"))

    def on_mount(self) -> None:
        metric, group, _ = self.start
        names = [name for name, _ in self.metrics]
        keys = [key for key, _ in self.groups]
        self.query_one("#metric-list", OptionList).highlighted = (
            names.index(metric) if metric in names else 0)
        self.query_one("#group-list", OptionList).highlighted = (
            keys.index(group) if group in keys else 0)
        self.query_one("#metric-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "metric-list":
            self.query_one("#group-list", OptionList).focus()
        else:
            self.query_one("#target", Input).focus()

    @on(Input.Submitted, "#target")
    def action_save(self) -> None:
        from models.tickets.links import parse_target

        target = self.query_one("#target", Input).value.strip()
        error = self.query_one("#signal-error", Static)
        try:
            if not target:
                raise ValueError("Type a target: -30% (a change against the baseline "
                                 "reading) or =0.85 (a value to reach).")
            parse_target(target)
        except ValueError as exc:
            error.update(safe(str(exc), limit=200))
            self.query_one("#target", Input).focus()
            return
        metric = self.query_one("#metric-list", OptionList)
        group = self.query_one("#group-list", OptionList)
        m_index, g_index = metric.highlighted or 0, group.highlighted or 0
        self.dismiss(SignalRequest(self.metrics[m_index][0], self.groups[g_index][0], target))

    def action_cancel(self) -> None:
        self.dismiss(None)
