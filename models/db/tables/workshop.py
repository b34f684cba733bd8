"""The map itself: the workshop, its stages, touchpoints and handoffs.

Children carry ``ON DELETE CASCADE`` foreign keys: deleting a workshop, a stage or
a touchpoint removes what hangs below it inside the database itself, so a second
process (or a crash half-way) can never leave orphans behind.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from models.db.tables.base import _fk, utcnow

DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("Problem Discovery", "Search-to-ticket ratio"),
    ("Self-Service Attempt", "Deflection rate"),
    ("Contact", "First contact resolution (FCR)"),
    ("Triage & Diagnosis", "Time to resolution"),
    ("Resolution", "Customer effort score (CES)"),
    ("Follow-Up", "Reopen rate"),
)


class Workshop(SQLModel, table=True):
    """One mapped journey: one persona, one scenario (step 1 "Scope")."""

    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    persona: str = ""
    scenario: str = ""
    persona_goal: str = ""
    business_goal: str = ""
    evidence_ticket_volume: int | None = None  # tickets per month
    evidence_resolution_time: str = ""
    evidence_transfer_rate: str = ""
    evidence_csat: str = ""
    evidence_notes: str = ""
    facilitator: str = ""
    start_date: dt.date | None = None
    state: str = "current"
    # a to-be journey's as-is (deleting the as-is keeps the to-be, unlinked)
    as_is_workshop_id: int | None = Field(default=None, sa_column=_fk(
        "workshop.id", nullable=True, ondelete="SET NULL"))
    jtbd_when: str = ""
    jtbd_want: str = ""
    jtbd_so_that: str = ""
    last_reviewed_at: dt.date | None = None  # the last monthly review of this map
    template: str = ""  # name of the template it was created from, if any
    current_step: str = "scope"
    max_handoffs: int = 3  # more handoffs than this is flagged as a risk
    # facilitation (shared by every seat through the database)
    lead: str = ""
    lead_account: str = ""  # OS login that created it: the creator's name alone is no proof
    lead_uid: int | None = None  # its uid then: a re-created login is not the creator
    step_minutes: int = 15
    timer_step: str = ""
    timer_ends_at: dt.datetime | None = None
    votes_per_participant: int = 3
    votes_revealed: bool = False
    gather_step: str = ""  # "bring everyone here": the lead's step at the time
    gather_at: dt.datetime | None = None
    # the team's working week for business-hours ticket metrics: JSON of
    # models.tickets.hours.Schedule, "" = none set
    business_hours: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Stage(SQLModel, table=True):
    """An ordered phase of the journey with the KPI that tells whether it works."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    position: int = 0
    name: str = ""
    description: str = ""
    kpi_name: str = ""
    kpi_baseline: float | None = None
    kpi_target: float | None = None
    kpi_unit: str = ""
    source: str = ""  # "" or "added" (see SOURCES)


class Touchpoint(SQLModel, table=True):
    """An interaction inside a stage: what the customer does, thinks and feels."""

    id: int | None = Field(default=None, primary_key=True)
    stage_id: int = Field(sa_column=_fk("stage.id"))
    position: int = 0
    name: str = ""
    channel: str = ""
    does: str = ""
    thinks: str = ""
    feels: str = ""
    sentiment: int = 0  # -2 .. +2
    lane: str = "frontstage"
    owner_team: str = ""
    moment_of_truth: bool = False
    actor: str = ""  # models.vocab.ACTORS; "" = not said
    emotion: str = ""  # optional OCC tag (models.vocab.OCC_EMOTIONS) beside "feels"
    bot_intent: str = ""
    bot_escalation_rule: str = ""
    bot_context_passed: str = ""
    bot_deflection_rate: float | None = None  # 0..1, share of contacts the bot contains
    # in a to-be journey: the as-is touchpoint this one redesigns (set by the future copy)
    as_is_touchpoint_id: int | None = Field(default=None, sa_column=_fk(
        "touchpoint.id", nullable=True, ondelete="SET NULL"))
    source: str = ""  # "" or "added" (see SOURCES)


class Handoff(SQLModel, table=True):
    """A handoff between two touchpoints owned by different teams.

    A row is the room documenting a transfer between two teams, or its notes on a
    handoff derived by ``models.rules.handoffs`` (a team taking the case on backstage).
    """

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    from_touchpoint_id: int = Field(sa_column=_fk("touchpoint.id"))
    to_touchpoint_id: int = Field(sa_column=_fk("touchpoint.id"))
    from_team: str = ""
    to_team: str = ""
    what_is_transferred: str = ""
    typical_delay: str = ""
    customer_informed: bool = False
    is_escalation: bool = False
    checklist: str = ""  # context that travels with the handoff, one item per line
    source: str = ""  # "" or "added" (see SOURCES)
