"""The import dialog: a file, a product, and a column-mapping step for what is ambiguous.

The file is inspected first (``engine.inspect_export``); each required field that has
several candidate columns, or none, gets a choice of the file's columns, the way
``--map FIELD=COLUMN`` does on the command line.  The dialog returns the request; the
Data screen runs the import, which is all or nothing.  An import refused for a field the
dialog can ask about (a repeated ticket id: the update column) brings the dialog back with
the refusal and that question, where the command line would name its option.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from models.tickets.profiles import SOURCES
from tui.dialogs.held import HeldDialog
from tui.safe_text import clean, safe
from tui.widgets.clean_input import CleanShownInput

# A field whose question needs more than its name.
QUESTIONS = {"updated": "One row per update? Pick the update time column, then Import:"}


@dataclass
class ImportRequest:
    """What to import: the path, the product, the columns the person chose and the zone
    of the export's times without one (None: the business hours' zone, else UTC)."""

    path: str
    source: str = "auto"
    mapping: dict[str, str] = field(default_factory=dict)
    zone: str | None = None


class TicketImportDialog(HeldDialog["ImportRequest | None"]):
    """Path and product, then (after Inspect) one choice per ambiguous or missing field."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, path: str = "", *, source: str = "auto", zone: str = "",
                 refused: str = "", ask: str = "") -> None:
        super().__init__()
        self.start_path = path
        self.start_source, self.start_zone = source, zone
        self.refused, self.ask = refused, ask  # why the last import stopped, what to ask
        self.choices: dict[str, Select[str]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ticket-import"):
            yield Static(Text("Import a ticket export", style="bold"), classes="dialog-title")
            yield CleanShownInput(self.start_path, placeholder="path/to/export.csv", id="path")
            with Horizontal(id="import-options"):
                yield Select([(s, s) for s in SOURCES], value=self.start_source,
                             allow_blank=False, id="source")
                # the same as ``tickets import --zone``
                yield CleanShownInput(self.start_zone, placeholder="time zone of the times",
                                      id="zone")
            yield Static(Text(""), id="plan")
            # Not a Tab stop of its own: its choices are (an empty list is invisible).
            yield VerticalScroll(id="mapping", can_focus=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Inspect", id="inspect")
                yield Button("Import", id="import", variant="primary", disabled=True)
            yield Label(Text("Enter in the path = inspect   Esc = cancel", style="dim"))

    def on_mount(self) -> None:
        if self.ask:
            self.call_after_refresh(self.inspect)

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#inspect")
    async def inspect(self) -> None:
        from models.tickets import engine

        path = self.query_one("#path", Input).value.strip()
        source = str(self.query_one("#source", Select).value)
        plan_text = self.query_one("#plan", Static)
        box = self.query_one("#mapping", VerticalScroll)
        await box.remove_children()
        self.choices = {}
        if not path:
            plan_text.update(Text("Type the path of a ticket export (a CSV or JSON file).",
                                  style="red"))
            self.query_one("#import", Button).disabled = True
            return
        try:
            insp = engine.inspect_export(path, source=source)
        except (ValueError, OSError) as exc:
            plan_text.update(Text(clean(str(exc)), style="red"))
            self.query_one("#import", Button).disabled = True
            return
        plan = insp.plan
        found = ", ".join(f"{f} = {plan.column_name(f)}" for f in plan.columns)
        said = Text(clean(f"{plan.product}: {found}"))
        header = [h for h in insp.layout.header if h]
        ask = {**dict(plan.candidates), **{f: tuple(header) for f in plan.missing}}
        if self.ask:
            ask[self.ask] = tuple(header)
            said = Text.assemble((clean(self.refused), "red"), "\n", said)
        plan_text.update(said)
        for fld, columns in ask.items():
            named = plan.column_name(fld) if fld == self.ask else None  # the export's own
            select: Select[str] = Select(
                [(safe(c), c) for c in columns], prompt=f"{fld} =", id=f"map-{fld}",
                value=named if named in columns else Select.NULL)
            self.choices[fld] = select
            await box.mount(Label(Text(QUESTIONS.get(fld, f"Which column is {fld}?"))),
                            select)
        # The columns found are cut to 3 lines only to keep the questions on screen.
        self.query_one("#ticket-import").set_class(bool(ask), "-asking")
        self.query_one("#import", Button).disabled = False

    @on(Button.Pressed, "#import")
    def finish(self) -> None:
        from models.tickets.zones import typed_zone

        mapping = {f: str(s.value) for f, s in self.choices.items()
                   if isinstance(s.value, str)}
        zone = self.query_one("#zone", Input).value.strip() or None
        if zone is not None:
            try:
                typed_zone(zone)
            except ValueError as exc:
                said = str(exc)
                self.query_one("#plan", Static).update(
                    Text(clean(said[:1].upper() + said[1:] + "."), style="red"))
                self.query_one("#zone", Input).focus()
                return
        self.dismiss(ImportRequest(self.query_one("#path", Input).value.strip(),
                                   str(self.query_one("#source", Select).value), mapping,
                                   zone))

    def action_cancel(self) -> None:
        self.dismiss(None)
