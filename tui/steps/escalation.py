"""The Escalation view: the matrix (severity, criteria, who responds, SLAs) and its ladder.

Edited like every other table: move in the matrix, Enter edits the level in
the form, ``a`` adds a level below, shift+arrows reorder (first = most severe).
Above the table, the ladder from the least to the most severe level and the
risks of ``models.rules.escalation``: a level nobody owns or without an SLA
is a promise nobody keeps, and the room should see it while writing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from models.rules.counts import plural
from tui.actions import bindings
from tui.dialogs.common import ConfirmScreen
from tui.safe_text import clean, safe, short
from tui.session.workshop import succeeded
from tui.steps.columns import CutRow, cut
from tui.steps.table_form import TableFormView
from tui.widgets.forms import FieldSpec
from tui.widgets.new_row import edit_new

if TYPE_CHECKING:
    from models.db.journey import Journey


def ladder_text(journey: Journey) -> Text:
    """"Sev-3 (Agent, 4 h) ▶ Sev-2 (…) ▶ Sev-1 (…)": escalation climbs to the right."""
    from models.rules.escalation import fmt_minutes

    line = Text("Ladder: ", style="bold")
    levels = list(journey.escalation_levels)
    if not levels:
        line.append("no levels yet; press a to add the most severe one first.", style="dim")
        return line
    for i, level in enumerate(reversed(levels)):
        if i:
            line.append(" ▶ ", style="bold")
        line.append(clean(level.severity.strip() or f"Level {len(levels) - i}"), style="bold")
        line.append(f" ({clean(level.tier_role.strip()) or 'nobody'}, "
                    f"{fmt_minutes(level.response_sla_minutes)})")
    return line


def risks_text(journey: Journey) -> Text:
    from models.rules.escalation import escalation_risks

    risks = escalation_risks(journey)
    if not risks:
        return Text("No escalation risks found.", style="green")
    text = Text(f"{plural(len(risks), 'risk')}: ", style="bold yellow")
    text.append(clean(risks[0].message))
    return text


def _cells(n: int, level: Any) -> CutRow:
    """One level: the number and the two SLAs stay whole; severity, who, channel and
    criteria share the rest of the width (``CUT``), cut with an ellipsis only when
    they do not fit.  Plain text: the table makes ``Text`` of the rows it draws."""
    from models.rules.escalation import fmt_minutes

    return CutRow((str(n), cut(level.severity), cut(level.tier_role),
                   fmt_minutes(level.response_sla_minutes),
                   fmt_minutes(level.update_every_minutes), cut(level.channel),
                   cut(level.criteria)))


class EscalationView(TableFormView):
    """The escalation matrix of the workshop, most severe level first."""

    STEP = "escalation"
    TITLE = "Escalation"
    HEADLINE = "Escalation — severity, criteria, who responds, response and update SLAs"
    EMPTY = "No escalation levels yet. Press a to add Sev-1 (the most severe) first."
    COLUMNS = (("n", "#"), ("sev", "Severity"), ("who", "Who responds"), ("sla", "Respond"),
               ("upd", "Update"), ("chan", "Channel"), ("crit", "Criteria"))
    CUT = {"sev": 1, "who": 2, "chan": 1, "crit": 4}
    FIELDS = (
        FieldSpec("severity", "Severity", "e.g. Sev-1 (production down) … Sev-4 (question)."),
        FieldSpec("criteria", "Criteria", "Objective trigger, e.g. 'all users cannot log in' "
                  "or '<3 active users after 14 days'."),
        FieldSpec("tier_role", "Who responds", "Tier or role: Support Lead, Engineering "
                  "Manager, Tier 2 Solutions Architect…"),
        FieldSpec("response_sla_minutes", "Respond within (min)", "Minutes to acknowledge, "
                  "e.g. 15."),
        FieldSpec("update_every_minutes", "Update every (min)", "Status update cadence, e.g. "
                  "30."),
        FieldSpec("channel", "Channel", "Where this level communicates: phone bridge, Slack, "
                  "status page, email."),
        FieldSpec("early_warning", "Early warning", "Signals that trigger a proactive "
                  "escalation, e.g. 'second contact within 24 h'."),
    )
    BINDINGS = [*TableFormView.BINDINGS, *bindings("escalation")]

    # The levels, and the risks: bot touchpoints and the loops and dead ends at them,
    # escalation handoffs and their touchpoints' teams.
    SHOWS = frozenset({"EscalationLevel", "Touchpoint", "Handoff", "PainPoint.kind",
                       "PainPoint.description", "PainPoint.touchpoint_id"})

    def compose_top(self) -> ComposeResult:
        yield Static(id="ladder")
        yield Static(id="escalation-risks")

    def rows(self, journey: Journey) -> list[tuple[str, tuple[Any, ...]]]:
        return [(str(level.id), _cells(n, level))
                for n, level in enumerate(journey.escalation_levels, start=1)]

    def refresh_extra(self, journey: Journey) -> None:
        self.query_one("#ladder", Static).update(ladder_text(journey))
        self.query_one("#escalation-risks", Static).update(risks_text(journey))

    def record(self, key: str | None) -> tuple[type | None, Any]:
        from models.db.tables.method import EscalationLevel

        if key is None or self.session.journey is None:
            return EscalationLevel, None
        level = next((lv for lv in self.journey.escalation_levels if str(lv.id) == key), None)
        return EscalationLevel, level

    def action_add(self) -> None:
        from models.db.tables.method import EscalationLevel

        store, wid = self.session.store, self.journey.workshop.id
        if store is None:
            return
        severity = f"Sev-{len(self.journey.escalation_levels) + 1}"
        row = self.session.mutate(lambda: store.add(EscalationLevel(
            workshop_id=int(wid or 0), severity=severity)))
        if row is not None:
            self.select(str(row.id))
            edit_new(self)

    def action_move(self, delta: int) -> None:
        from models.db.tables.method import EscalationLevel

        key, store = self.current_key(), self.session.store
        if key is None or store is None:
            return
        self.session.mutate(succeeded(lambda: store.move(EscalationLevel, int(key), delta)))
        self.select(key)

    def action_delete(self) -> None:
        from models.db.tables.method import EscalationLevel

        _, level = self.record(self.current_key())
        store = self.session.store
        if level is None or store is None:
            return
        question = Text("Delete the level ")
        question.append(safe(short(level.severity or "without a name", 40), "bold"))
        question.append("?")

        def done(yes: bool | None) -> None:
            if yes:
                self.session.mutate(succeeded(lambda: store.delete(EscalationLevel, level.id)))

        self.app.push_screen(ConfirmScreen(question), done)
