"""The template picker: the shipped starting maps, with a preview of what each creates.

Apart from Home so that the screen keeps to the portfolio itself.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from models.rules.counts import plural
from tui.dialogs.held import HeldDialog
from tui.safe_text import safe


class TemplateScreen(HeldDialog["str | None"]):
    """Pick a shipped template, with a preview of what it will create."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, templates: list[Any]) -> None:
        super().__init__()
        self.templates = templates

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide-dialog"):
            yield Static(Text("New workshop from a template", style="bold"))
            with Horizontal(classes="template-row"):
                yield OptionList(*[Option(safe(t.title or t.name, limit=40), id=t.name)
                                   for t in self.templates], id="template-list")
                yield Static(id="template-preview")
            yield Static(Text("↑↓ choose · Enter create · Esc cancel", style="dim"))

    def on_mount(self) -> None:
        if self.templates:
            self._preview(self.templates[0].name)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(event.option_id or "")

    def _preview(self, name: str) -> None:
        info = next((t for t in self.templates if t.name == name), None)
        if info is None:
            return
        text = Text()
        text.append(safe(info.title or info.name, "bold"))
        text.append("\n")
        text.append(safe(info.description, keep_newlines=True))
        text.append("\n\nPersona: ", style="bold")
        text.append(safe(info.persona))
        text.append("\nScenario: ", style="bold")
        text.append(safe(info.scenario))
        text.append(f"\n\n{info.stages} stages · {info.touchpoints} touchpoints · "
                    f"{info.pain_points} known pain points", style="dim")
        text.append(f"\n{plural(info.escalation_levels, 'escalation level')} · "
                    f"{plural(info.bots, 'bot')} · "
                    f"{plural(info.projected_effects, 'projected effect')}", style="dim")
        try:
            from models.export.templates import load_template

            data = load_template(name)
            names = [str(s.get("name", "")) for s in data.get("stages", [])]
            if names:
                text.append("\nStages: ", style="bold")
                text.append(safe(" → ".join(names), limit=300))
        except Exception:  # noqa: BLE001 - the preview is a courtesy; creation reports errors
            pass
        self.query_one("#template-preview", Static).update(text)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
