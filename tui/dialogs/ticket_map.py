"""Map one ticket category to a stage and a pain point, by keys (``journeymap tickets map``).

Two short lists, one after the other: the stage (a digit 1-9 or the arrows and Enter),
then the pain point (arrows and Enter); the first entry of each keeps what is mapped now,
because ``links.set_link`` changes only what it is given, and the last one (End) undoes
it.  Tab moves between the lists, ctrl+s maps at once, Esc changes nothing.  The dialog
only answers; the Data screen calls the same ``links.set_link`` as the CLI.  Names are
data: every label is a Rich ``Text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.dialogs.held import HeldDialog
from tui.safe_text import safe


@dataclass(frozen=True)
class MapRequest:
    """What to map: the stage by its number (1-based, as the CLI takes it), the pain id."""

    category: str
    stage: str | None
    pain_id: int | None
    unmap_stage: bool = False
    unmap_pain: bool = False


class CategoryMapDialog(HeldDialog["MapRequest | None"]):
    """Stage list, then pain point list; Enter on the pain point maps (layout: app.tcss,
    which outranks a widget's default CSS, so the dialog fits 80x24)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Map")]
    def __init__(self, category: str, detail: str, stages: Sequence[str],
                 pains: Sequence[tuple[int, str]], *, current_stage: str = "",
                 current_pain: str = "") -> None:
        super().__init__()
        self.category = category
        self.detail = detail
        self.stages = list(stages)
        self.pains = list(pains)
        self.current_stage = current_stage
        self.current_pain = current_pain

    def compose(self) -> ComposeResult:
        title = Text("Map the ticket category ", style="bold")
        title.append_text(safe(self.category, "bold reverse", limit=60))
        title.append(f"  {self.detail}", style="dim")
        with Vertical(classes="dialog", id="ticket-map"):
            yield Static(title, classes="dialog-title")
            yield Label(Text("Stage (1-9 or ↑↓ Enter)"))
            keep = safe(f"keep: {self.current_stage or 'no stage'}", "dim", limit=60)
            yield OptionList(Option(keep, id="keep"),
                             *(Option(safe(f"{i} {name}", limit=60), id=str(i))
                               for i, name in enumerate(self.stages, start=1)),
                             Option(Text("no stage (unmap)"), id="none"),
                             id="stage-list")
            yield Label(Text("Pain point (↑↓ Enter = map)"))
            keep = safe(f"keep: {self.current_pain or 'no pain point'}", "dim", limit=60)
            yield OptionList(Option(keep, id="keep"),
                             *(Option(safe(f"#{pid} {text}", limit=60), id=str(pid))
                               for pid, text in self.pains),
                             Option(Text("no pain point (unmap)"), id="none"),
                             id="pain-list")
            yield Label(Text("Tab = other list   End = unmap   ctrl+s = map   Esc = cancel",
                             style="dim"))

    def on_mount(self) -> None:
        for name in ("#stage-list", "#pain-list"):
            self.query_one(name, OptionList).highlighted = 0
        self.query_one("#stage-list", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """A digit on the stage list picks that stage and moves on to the pain points."""
        stages = self.query_one("#stage-list", OptionList)
        if stages.has_focus and event.character and event.character in "123456789":
            index = int(event.character)
            if index <= len(self.stages):
                event.stop()
                stages.highlighted = index
                self.query_one("#pain-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "stage-list":
            self.query_one("#pain-list", OptionList).focus()
        else:
            self.action_save()

    def _chosen(self, name: str) -> str | None:
        options = self.query_one(name, OptionList)
        index = options.highlighted
        if index is None:
            return None
        option_id = options.get_option_at_index(index).id
        return None if option_id in (None, "keep") else option_id

    def action_save(self) -> None:
        stage, pain = self._chosen("#stage-list"), self._chosen("#pain-list")
        if stage is None and pain is None:
            self.dismiss(None)
            return
        self.dismiss(MapRequest(self.category, None if stage in (None, "none") else stage,
                                None if pain in (None, "none") else int(pain),
                                unmap_stage=stage == "none", unmap_pain=pain == "none"))

    def action_cancel(self) -> None:
        self.dismiss(None)
