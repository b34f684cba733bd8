"""From pain to plan: pain points, their dot votes, hypothesis cards and plan tasks.

Apart from the map's own tables (``workshop.py``): these are what the room decides
about the map.  A pain point outlives the touchpoint it was found at (``SET NULL``),
so deleting a touchpoint never takes a card with it; each dot is a row of its own,
so a person's budget is checked when the dot is cast.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db.tables.base import _fk, utcnow


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
    ticket_volume: int | None = None  # tickets per month; None = not recorded (schema 13)
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


class Vote(SQLModel, table=True):
    """One dot of dot voting: a participant's vote on a pain point."""

    id: int | None = Field(default=None, primary_key=True)
    pain_point_id: int = Field(sa_column=_fk("painpoint.id"))
    participant: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)
