"""Step 1 — Scope: one persona, one specific scenario, goals and the evidence.

A plain form over the workshop row; the hints carry the method's advice so a
lead new to journey mapping narrows the scope before the room starts mapping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.safe_text import clean as safe_line
from tui.steps.base import StepView
from tui.widgets.forms import NOT_SET, FieldSpec, RecordForm

if TYPE_CHECKING:
    from models.db.journey import Journey

SCOPE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", "Title", "A short name for the portfolio list."),
    FieldSpec("persona", "Persona",
              "One persona only, e.g. 'Workspace admin at a 200-seat customer'."),
    FieldSpec("scenario", "Scenario",
              "One specific scenario: 'Admin locked out', not 'login issues'."),
    FieldSpec("persona_goal", "Persona goal",
              "What success means for them, e.g. 'back in within 10 minutes, one contact'."),
    FieldSpec("business_goal", "Business goal",
              "Tie the map to a measurable goal; maps without one rarely change anything."),
    FieldSpec("jtbd_when", "Job: When …",
              "The customer's situation, e.g. 'the payroll run is at 9 am and I am locked out'."),
    FieldSpec("jtbd_want", "Job: I want to …",
              "Their job in their words, not our process step: 'get back into my admin "
              "console', not 'submit a ticket'."),
    FieldSpec("jtbd_so_that", "Job: so I can …",
              "The outcome it serves, e.g. 'staff are paid on time'."),
    FieldSpec("evidence_ticket_volume", "Evidence: tickets per month",
              "Pull real ticket data to prove the scenario matters (a whole number)."),
    FieldSpec("evidence_resolution_time", "Evidence: resolution time",
              "Typical time to resolution today, e.g. '26 h median'."),
    FieldSpec("evidence_transfer_rate", "Evidence: transfer rate",
              "How often tickets change hands, e.g. '38% go to Tier 2'."),
    FieldSpec("evidence_csat", "Evidence: CSAT / CES notes",
              "Scores for this ticket type against the others."),
    FieldSpec("evidence_notes", "Evidence: other notes",
              "Transcripts, surveys, interviews: map the real journey, not the ideal one."),
    FieldSpec("facilitator", "Facilitator", "Who runs the session."),
    FieldSpec("start_date", "Start date",
              "Day 1 of the 60-day plan, as YYYY-MM-DD (also d on the Plan step).",
              placeholder=NOT_SET),
)
START_FIELD = SCOPE_FIELDS[-1]


def jtbd_line(journey: Journey) -> Text:
    """The job as one sentence, or the first hint the room should act on (one line)."""
    from models.rules.jtbd import jtbd_hints, jtbd_sentence

    hints = jtbd_hints(journey.workshop)
    sentence = jtbd_sentence(journey.workshop)
    line = Text("Job: ", style="bold", no_wrap=True, overflow="ellipsis")
    if hints:
        line.append(safe_line(hints[0].text), style="yellow")
    else:
        line.append(safe_line(sentence))
    return line


class ScopeView(StepView):
    """The scope form of the workshop (step 1)."""

    STEP = "scope"
    TITLE = "Scope"
    SHOWS = frozenset({"Workshop"})  # the workshop's fields and the job's sentence
    DEFAULT_CSS = """
    ScopeView #jtbd-line { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("Step 1 · Scope — pick one persona and one scenario", style="bold"),
                     classes="step-title")
        yield Static(id="jtbd-line")
        yield RecordForm(SCOPE_FIELDS, id="scope-form")

    def refresh_from(self, journey: Journey) -> None:
        # Before the store is open (the app's early screen, light rows) the form only
        # shows: binding it to the table class would import SQLModel on the UI thread.
        # Keys wait for the store meanwhile; the store's journey rebinds it.
        if self.session.store is None:
            self.query_one(RecordForm).bind(None, journey.workshop)
        else:
            from models.db.tables.workshop import Workshop

            self.query_one(RecordForm).bind(Workshop, journey.workshop)
        self.query_one("#jtbd-line", Static).update(jtbd_line(journey))

    def focus_default(self) -> None:
        """Focus no field on arrival, and show the form from its top (Title, Persona).

        A field holding the focus on arrival would take the lead's next key,
        which is as likely to be "4" (go to Ownership) as text; with whole-text
        selection on entry a digit would replace the persona.  Tab enters Title.
        """
        form = self.query_one(RecordForm)
        if form.has_focus_within:
            return
        self.screen.set_focus(None)
        form.scroll_home(animate=False)
