"""The participants dialog (key P): everyone seated in the workshop with their role.

A lead selects a person and presses Enter (or r) to cycle their role lead →
participant → observer; everyone else sees the list read-only.  The rule (who may
grant) is ``models.db.access`` through ``models.live.presence.grant``, the same
as ``journeymap role``; this dialog only asks and shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.dialogs.held import HeldDialog
from tui.safe_text import clean

if TYPE_CHECKING:
    from models.db.tables.seats import Participant
    from tui.session.workshop import WorkshopSession

NEXT_ROLE = {"lead": "participant", "participant": "observer", "observer": "lead"}


def row_text(person: Participant) -> Text:
    """Name and role, literally (names are user text, never markup), control characters
    shown: a name the CLI kept with an escape sequence must not reach the lead's terminal."""
    text = Text(clean(person.name))
    text.append(f"  {person.role}", style="bold" if person.role == "lead" else "dim")
    if person.key:
        text.append("  (SSH key)", style="dim")
    return text


class ParticipantsDialog(HeldDialog[None]):
    """List of seats; Enter/r cycles the selected person's role (leads only)."""

    BINDINGS = [Binding("escape,q", "close", "Close"),
                Binding("r", "cycle", "Change role", show=False)]

    def __init__(self, workshop_id: int, can_grant: bool, session: WorkshopSession) -> None:
        super().__init__()
        self.workshop_id = workshop_id
        self.can_grant = can_grant
        self.session = session
        self.people: list[Participant] = []

    def compose(self) -> ComposeResult:
        hint = ("Enter or r = change role   Esc = close" if self.can_grant
                else "Only a lead can change roles.   Esc = close")
        with Vertical(classes="dialog"):
            yield Static(Text("Participants", style="bold"), classes="dialog-title")
            yield OptionList(id="participants")
            yield Label(Text(hint, style="dim"))

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        from models.live.presence import participants

        store = self.session.store
        people = self.session.run_store(lambda: participants(store, self.workshop_id))  # type: ignore[arg-type]
        self.people = list(people or [])
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([Option(row_text(p), id=str(i)) for i, p in enumerate(self.people)])
        if self.people:
            options.highlighted = min(highlighted or 0, len(self.people) - 1)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_cycle()

    def action_cycle(self) -> None:
        from models.live.presence import grant

        index = self.query_one(OptionList).highlighted
        if not self.can_grant or index is None or index >= len(self.people):
            self.notify("Only a lead can change roles.", severity="warning", markup=False)
            return
        person = self.people[index]
        store = self.session.store
        if store is None:
            return
        new = NEXT_ROLE[person.role]
        if self.session.mutate(lambda: grant(store, self.workshop_id, person.name, new,
                                               as_seat=True)) is not None:  # type: ignore[arg-type]
            self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
