"""Step 4 — Ownership: a team for every touchpoint, swimlanes, handoffs and flags.

Handoffs follow the rule of ``models.rules.handoffs`` (a new team taking the case on
backstage, or a transfer the room documented).  Selecting the touchpoint a handoff leads *into*
shows the handoff's details (what is transferred, delay, customer informed?)
under the owner field; they are stored with ``save_handoff_detail``.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Container, HorizontalScroll, VerticalScroll
from textual.widgets import DataTable, Static

from tui.safe_text import safe
from tui.steps.base import select_key, selected_key
from tui.steps.columns import CutRow, FitTable, HandoffCell, cut
from tui.steps.table_form import TableFormView
from tui.widgets.drawings import CHANNEL_MARK, LanePoint, Swimlanes
from tui.widgets.forms import FieldInput, FieldSpec, FormSubmitted, RecordForm

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.rules.handoffs import DerivedHandoff, Risk

HANDOFF_FIELDS = (
    FieldSpec("what_is_transferred", "Handoff: what is transferred",
              "Ticket, logs, the customer's story… what must not be asked again?"),
    FieldSpec("typical_delay", "Handoff: typical delay", "e.g. '4 h', 'next business day'."),
    FieldSpec("customer_informed", "Customer is told about this handoff", kind="bool"),
    FieldSpec("is_escalation", "This handoff is an escalation step", kind="bool"),
    FieldSpec("checklist", "Handoff: checklist",
              "Context that travels: full transcript; data already retrieved; steps tried."),
)


# One letter per risk a row can carry (``ownership_risks`` kinds); the legend says them.
FLAG_LETTERS = {"unowned": "O", "customer_not_informed": "!"}
FLAG_WORDS = {"unowned": "no owner", "customer_not_informed": "customer not told"}


def flag_summary(handoffs: int, risks: list[Risk]) -> Text:
    """Every flag counted on one line, with the legend of the Flags column.

    The full sentences of the flags took a line or two each, so at 24 rows only
    the first two showed; the letters in the table point at the rows instead.
    """
    line = Text(f"{handoffs} handoff{'s' if handoffs != 1 else ''}", style="bold")
    line.append(" (▶ told)", style="dim")
    kinds = [risk.kind for risk in risks]
    line.append(f" · ⚑ {len(risks)} flag{'s' if len(risks) != 1 else ''}",
                style="bold yellow" if risks else "")
    counted = [f"{letter} {FLAG_WORDS[kind]} ×{kinds.count(kind)}"
               for kind, letter in FLAG_LETTERS.items() if kinds.count(kind)]
    if counted:
        line.append(": " + ", ".join(counted))
    for risk in risks:
        if risk.kind not in FLAG_LETTERS:
            line.append("\n⚑ ", style="yellow")
            line.append_text(safe(risk.message, limit=200))
    return line


class HandoffForm(RecordForm):
    """The detail of one derived handoff; saving creates the detail row if needed."""

    def __init__(self, view: OwnershipView, **kwargs: Any) -> None:
        super().__init__(HANDOFF_FIELDS, **kwargs)
        self.view = view
        # The touchpoint the shown handoff leads into: a field is saved to the handoff it
        # was typed on, not to the one under the table's cursor when it is left (a reload
        # after another seat's delete moves the cursor before the rebind commits).
        self.into: int | None = None

    def save_field(self, model: type, row_id: int, field: str, text: Any) -> bool:
        return self.view.save_handoff(self.into, field, text)


class OwnershipView(TableFormView):
    """Assign owners fast (Enter, type or complete a team, Enter: next touchpoint)."""

    STEP = "ownership"
    TITLE = "Ownership"
    HEADLINE = "Step 4 · Ownership — a team for every touchpoint; watch the handoffs"
    EMPTY = "No touchpoints yet: add them in step 3."
    # No stage column (the swimlanes above name the stages), the whole handoff (from
    # team → to team, each cut to half when both do not fit) and every flag of the row
    # as a letter; touchpoint, owner and handoff share the width (``CUT``).
    HELP = ("On the swimlanes:\n"
            "- **▶ told**: a handoff; the customer is told the case changes hands "
            "(a red **!**: not told).\n"
            f"- **{CHANNEL_MARK}**: the customer moves on to another team's channel: a change "
            "of channel, not a handoff.\n\n"
            "**Flags**: O, no owner team; !, the customer is not told about its handoff.")
    COLUMNS = (("n", "#"), ("name", "Touchpoint"), ("owner", "Owner team"),
               ("handoff", "Handoff in"), ("flags", "Flags"))
    CUT = {"name": 3, "owner": 2, "handoff": 3}
    # Rows, swimlanes and flags: the touchpoints' order, name, team, lane (a handoff is
    # backstage) and actor (the lanes' letter), stage names, the handoffs' details and
    # the workshop's handoff limit.  No sentiment or note: a sentiment typed on step 3
    # rebuilt all 10,000 rows here on the next 4.
    SHOWS = frozenset({"Stage.name", "Stage.position", "Touchpoint.name",
                       "Touchpoint.owner_team", "Touchpoint.lane", "Touchpoint.actor",
                       "Touchpoint.stage_id", "Touchpoint.position", "Handoff",
                       "Workshop.max_handoffs"})
    FIELDS = (
        FieldSpec("owner_team", "Owner team",
                  "Pick a team already used (type, → completes) or type a new one; "
                  "Enter saves and moves to the next touchpoint."),
    )

    def compose(self) -> ComposeResult:
        yield Static(Text(self.HEADLINE, style="bold"), classes="step-title")
        # The scrollers never take the focus: Tab from the last field must land on
        # something that shows it has the focus (the table), not an invisible box.
        lanes_box = HorizontalScroll(id="lanes-box")
        lanes_box.can_focus = False
        with lanes_box:
            yield Swimlanes(id="lanes")
        yield Static(id="flags")
        with Container(classes="split"):
            table: DataTable[Any] = FitTable(cursor_type="row", zebra_stripes=True,
                                             id="ownership-table", cut=self.CUT)
            for key, label in self.COLUMNS:
                table.add_column(label, key=key)
            yield table
            yield Static(Text(self.EMPTY, style="dim"), classes="empty-note")
            forms = VerticalScroll(classes="forms")
            forms.can_focus = False
            with forms:
                yield RecordForm(self.FIELDS, id="ownership-form")
                yield HandoffForm(self, id="handoff-form")

    @property
    def form(self) -> RecordForm:
        return self.query_one("#ownership-form", RecordForm)

    def _derived(self) -> list[DerivedHandoff]:
        return self.session.handoffs(self.journey)

    def rows(self, journey: Journey) -> list[tuple[str, tuple[Any, ...]]]:
        from models.rules.handoffs import ownership_risks

        derived = self.session.handoffs(journey)
        into = {d.to_tp.id: d for d in derived}
        letters: dict[int | None, str] = {}
        for risk in ownership_risks(journey, derived):
            letters[risk.touchpoint_id] = letters.get(risk.touchpoint_id, "") + \
                FLAG_LETTERS.get(risk.kind, "")
        out: list[tuple[str, tuple[Any, ...]]] = []
        n = 0
        for stage in journey.stages:
            for tp in journey.touchpoints.get(stage.id or 0, []):
                n += 1
                d = into.get(tp.id)
                hand: str | HandoffCell = ""
                if d is not None:
                    hand = HandoffCell(cut(d.from_team or "(no owner)"),
                                       cut(d.to_team or "(no owner)"))
                owned = bool(tp.owner_team.strip())
                out.append((str(tp.id), CutRow(
                    (str(n), cut(tp.name),
                     cut(tp.owner_team) if owned else "— none", hand,  # type: ignore[arg-type]
                     letters.get(tp.id, "")),  # HandoffCell: a renderable, measured by Rich
                    ("", "", "" if owned else "yellow", "", "bold yellow"))))
        return out

    def record(self, key: str | None) -> tuple[type | None, Any]:
        from models.db.tables.workshop import Touchpoint

        if key is None or self.session.journey is None:
            return Touchpoint, None
        return Touchpoint, self.journey.touchpoint(int(key))

    def refresh_extra(self, journey: Journey) -> None:
        from models.rules.handoffs import ownership_risks

        derived = self.session.handoffs(journey)
        into = {d.to_tp.id: d for d in derived}
        points = []
        n = 0
        for stage in journey.stages:
            for tp in journey.touchpoints.get(stage.id or 0, []):
                n += 1
                d = into.get(tp.id)
                points.append(LanePoint(n, tp.owner_team.strip(), stage.name, d is not None,
                                        bool(d and d.detail and d.detail.customer_informed),
                                        tp.actor))
        self.query_one(Swimlanes).set_points(points)
        self.query_one("#flags", Static).update(flag_summary(len(derived),
                                                             ownership_risks(journey, derived)))
        # a reload can arrive while the view is still mounting: its form has no fields yet
        # (on_mount draws again once they exist)
        for team in self.form.query("#f-owner_team").results(FieldInput):
            team.set_suggestions(journey.teams())

    def bind_current(self) -> None:
        super().bind_current()
        from models.db.tables.workshop import Touchpoint

        d = self._handoff_into(selected_key(self.table))
        hform = self.query_one(HandoffForm)
        if d is None or d.to_tp.id != hform.into:
            self.leave_if_lost(hform, Touchpoint, hform.into)
        hform.display = d is not None
        if d is None:
            hform.bind(None, None)
        else:
            row = d.detail or SimpleNamespace(id=d.to_tp.id, what_is_transferred="",
                                              typical_delay="", customer_informed=False)
            hform.bind(type(d.detail) if d.detail else SimpleNamespace, row)
        hform.into = None if d is None else d.to_tp.id

    def _handoff_into(self, key: str | None) -> DerivedHandoff | None:
        if key is None or self.session.journey is None:
            return None
        return next((d for d in self._derived() if str(d.to_tp.id) == key), None)

    def save_handoff(self, into: int | None, field: str, text: Any) -> bool:
        """Save one detail of the handoff into touchpoint ``into``; when another seat
        deleted that touchpoint (or its handoff) meanwhile, the typed text is said back."""
        from models.rules.handoffs import save_handoff_detail

        d = None if into is None else self._handoff_into(str(into))
        store = self.session.store
        if d is None and into is not None and store is not None:
            from models.db.store_edits import gone
            from models.db.tables.workshop import Handoff, Touchpoint

            lost = gone(Touchpoint if self.session.gone(Touchpoint, into) else Handoff)
            if isinstance(text, str):
                self.session.say_back(lost, text)
            else:
                self.notify(str(lost), severity="error", markup=False)
        if d is None or store is None:
            return False
        row = self.session.run_store(lambda: save_handoff_detail(store, self.journey, d,
                                                              **{field: text}))
        if row is None:
            return False
        self.session.mark_saved()
        self.session.reload()
        return True

    def on_resize(self, event: events.Resize) -> None:
        """A new terminal width may widen (or narrow) the lane cells: lay them out again."""
        self.query_one(Swimlanes).fit_width()

    def on_form_submitted(self, event: FormSubmitted) -> None:
        """Quick assignment: after Enter on the owner, go to the next touchpoint."""
        if event.field != "owner_team":
            return
        event.stop()
        table = self.table
        if table.cursor_row < table.row_count - 1:
            key = selected_key(table)
            table.move_cursor(row=table.cursor_row + 1, animate=False)
            if key is not None and selected_key(table) == key:
                select_key(table, key)
            self.bind_current()
