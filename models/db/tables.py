"""The workshop data model as SQLModel tables.

One module holds every table so that the schema (and its version stamp in
``models.db.schema``) has a single place to change.  Children carry
``ON DELETE CASCADE`` foreign keys: deleting a workshop, a stage or a touchpoint
removes what hangs below it inside the database itself, so a second process
(or a crash half-way) can never leave orphans behind.

Free text columns default to ``""`` rather than ``NULL``: the UI and the
exports then never have to tell "empty" from "missing".
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("Problem Discovery", "Search-to-ticket ratio"),
    ("Self-Service Attempt", "Deflection rate"),
    ("Contact", "First contact resolution (FCR)"),
    ("Triage & Diagnosis", "Time to resolution"),
    ("Resolution", "Customer effort score (CES)"),
    ("Follow-Up", "Reopen rate"),
)




def utcnow() -> dt.datetime:
    """Aware UTC timestamp: every stored time is UTC; the UI converts for display."""
    return dt.datetime.now(dt.UTC)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column:  # type: ignore[type-arg]
    """A foreign-key column that the database itself cascades (or nulls) on delete."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class Meta(SQLModel, table=True):
    """Key/value stamp: which application wrote this file and at which schema version."""

    __tablename__ = "journeymap_meta"
    key: str = Field(primary_key=True)
    value: str = ""


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


class PainPoint(SQLModel, table=True):
    """Friction found in step 5; ranked by impact/effort, volume and votes."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    touchpoint_id: int | None = Field(
        default=None, sa_column=_fk("touchpoint.id", nullable=True, ondelete="SET NULL")
    )
    description: str = ""
    kind: str = "other"
    impact: int = 2  # 1 low .. 3 high
    effort: int = 2  # 1 low .. 3 high
    ticket_volume: int = 0  # tickets per month
    votes: int = 0  # votes recorded outside dot voting (templates, imports, manual)
    five_whys: str = ""  # up to five chained "why?" answers, one per line
    root_cause: str = ""
    urgent: bool = False  # Eisenhower triage, beside impact x effort
    important: bool = False
    source: str = ""  # "" or "added" (see SOURCES)
    created_at: dt.datetime = Field(default_factory=utcnow)


class HypothesisCard(SQLModel, table=True):
    """"We believe [experiment] will result in [outcome]. We will know we succeeded when [signal]".

    One card per pain point, enforced by the database so two seats pressing
    "create card" at once cannot make two.
    """

    __table_args__ = (UniqueConstraint("pain_point_id"),)
    id: int | None = Field(default=None, primary_key=True)
    pain_point_id: int = Field(sa_column=_fk("painpoint.id"))
    experiment: str = ""
    outcome: str = ""
    signal: str = ""
    owner: str = ""
    deadline: dt.date | None = None
    status: str = "proposed"
    result_notes: str = ""
    result_value: float | None = None  # the stage KPI measured after the change
    # projected effect on the pain point's contacts, in percent (models.vocab.EFFECT_KINDS)
    effect_kind: str = ""
    effect_value: float | None = None
    # the signal tied to a measured metric (models.rules.measures): metric name, the group
    # of the readings it is read on ("all" or "category=Login"), and the target, either a
    # change against the baseline reading (relative, -0.3 = -30 %) or a value to reach
    signal_metric: str = ""
    signal_group: str = ""
    signal_target: float | None = None
    signal_relative: bool = False
    source: str = ""  # "" or "added" (see SOURCES)
    created_at: dt.datetime = Field(default_factory=utcnow)


class PlanTask(SQLModel, table=True):
    """A task of the 60-day plan; ``edited`` tasks survive regeneration."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    key: str = ""  # stable generator key, e.g. "baseline", "implement", "review"
    phase: str = ""
    title: str = ""
    detail: str = ""
    owner: str = ""
    start: dt.date | None = None
    deadline: dt.date | None = None
    status: str = "proposed"
    edited: bool = False
    position: int = 0


class Participant(SQLModel, table=True):
    """A seat in the workshop: who, with which role, where they are and when last seen."""

    __table_args__ = (UniqueConstraint("workshop_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    name: str = ""
    role: str = "participant"
    last_seen: dt.datetime = Field(default_factory=utcnow)
    current_step: str = "scope"
    following: bool = False
    done_step: str = ""  # the step this participant said they are done with
    # Who is behind the name (models.db.access): the OS login that took the seat, and for
    # a ``seat`` forced command the key fingerprint and SSH origin the administrator set.
    account: str = ""
    key: str = ""
    origin: str = ""


class Invite(SQLModel, table=True):
    """A browser seat a lead handed out (``journeymap invite``): who, with which role.

    Only the SHA-256 of the secret token is kept: the token itself is printed once in
    the link, so a copy of the database opens no seat.  Revoked and expired invites
    stay as a record of who was let in.
    """

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    name: str = ""
    role: str = "participant"
    token_hash: str = Field(default="", index=True, unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = ""  # the lead's name and OS account
    expires_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None


class Vote(SQLModel, table=True):
    """One dot of dot voting: a participant's vote on a pain point."""

    id: int | None = Field(default=None, primary_key=True)
    pain_point_id: int = Field(sa_column=_fk("painpoint.id"))
    participant: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)


class ChangeLog(SQLModel, table=True):
    """Attribution: who changed which field of what, from what to what, and when."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    who: str = ""
    entity: str = ""  # table name
    entity_id: int | None = None
    action: str = "update"  # create / update / delete
    field: str = ""
    old: str = ""
    new: str = ""
    summary: str = ""
    account: str = ""  # OS login (and key, through ``seat``) beside the claimed name
    imported: bool = False  # came in with a JSON import: another file's word, not this one's


class AuditEntry(SQLModel, table=True):
    """Portfolio-level log of whole-workshop events (deletions).

    No foreign key on purpose: deleting a workshop cascades its ``ChangeLog``
    away, so who deleted it must be written somewhere the cascade cannot reach.
    """

    __tablename__ = "audit"
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    action: str = "delete"
    workshop_id: int = 0
    title: str = ""
    who: str = ""
    account: str = ""


class ChannelCost(SQLModel, table=True):
    """What one contact costs on a channel; unconfirmed (a default) until the lead says so,
    so a business case can tell assumptions from agreed numbers."""

    __table_args__ = (UniqueConstraint("workshop_id", "channel"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    channel: str = ""
    cost_per_contact: float | None = None  # in the workshop's currency
    handle_minutes: float | None = None  # agent minutes per contact, for agent hours
    confirmed: bool = False


class EscalationLevel(SQLModel, table=True):
    """One rung of the escalation matrix: when it applies, who responds, how fast, where."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    position: int = 0
    severity: str = ""  # e.g. "Sev-1"
    criteria: str = ""  # objective trigger, e.g. "<3 active users after 14 days"
    tier_role: str = ""  # who responds, e.g. "Tier 2 Solutions Architect"
    response_sla_minutes: int | None = None
    update_every_minutes: int | None = None
    channel: str = ""
    early_warning: str = ""  # signals that trigger a proactive escalation


class TicketSource(SQLModel, table=True):
    """One import of a ticket export into a workshop: a dated set of readings.

    ``columns`` (JSON {field: column name}) and ``links`` (JSON {category: {"stage": id,
    "pain": id}}) are carried from one import to the next, so next month's import of the
    same product is one command and the category mapping is said once.
    """

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    file_name: str = ""
    product: str = ""
    columns: str = "{}"
    links: str = "{}"
    rows: int = 0
    tickets: int = 0
    periods: str = ""  # "2024-01..2024-03": the creation months the file covers
    notes: str = ""  # what the engine assumed, one per line
    # The export's latest timestamp: a month it ends inside of is partial (rules.measures).
    data_until: dt.datetime | None = None
    # Its earliest timestamp: a month it starts well inside of is partial too (rules.months).
    data_from: dt.datetime | None = None
    imported_at: dt.datetime = Field(default_factory=utcnow)
    imported_by: str = ""


class Reading(SQLModel, table=True):
    """The metrics of one group of tickets for one month, from one import.

    A metric the file cannot support is None and ``unavailable`` (JSON {metric: reason})
    says why: never zero, never invented.  Rates are fractions 0-1, durations hours.
    """

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(sa_column=_fk("ticketsource.id"))
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    period: str = ""  # YYYY-MM (creation month)
    group_kind: str = "all"  # all / category / channel / priority / group
    group_value: str = ""
    tickets: int = 0
    reopened: int | None = None  # tickets reopened at least once (repeat contacts)
    fcr_rate: float | None = None
    fcr_is_proxy: bool = False
    fcr_method: str = ""
    reopen_rate: float | None = None
    ttr_median_hours: float | None = None
    ttr_p90_hours: float | None = None
    first_response_median_hours: float | None = None
    csat_mean: float | None = None
    csat_responses: int | None = None
    csat_satisfied_share: float | None = None
    reassigned_rate: float | None = None
    sla_met_rate: float | None = None
    backlog_open: int | None = None
    backlog_median_age_hours: float | None = None
    # the same durations counted in the workshop's business hours (None without a schedule)
    ttr_business_median_hours: float | None = None
    ttr_business_p90_hours: float | None = None
    frt_business_median_hours: float | None = None
    unavailable: str = "{}"
    # JSON {metric: n}: how many tickets each figure was computed from (answered surveys for
    # CSAT, resolved tickets for resolution time...), so a figure is shown with its own n.
    counts: str = "{}"


ALL_TABLES: tuple[type[SQLModel], ...] = (
    Meta,
    Workshop,
    Stage,
    Touchpoint,
    Handoff,
    PainPoint,
    HypothesisCard,
    PlanTask,
    Participant,
    Vote,
    ChangeLog,
    ChannelCost,
    EscalationLevel,
    TicketSource,
    Reading,
    AuditEntry,
)
