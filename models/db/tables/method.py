"""The method's own tables: channel costs and the escalation ladder of a workshop.

Tables of their own, not columns of the workshop: a map has any number of channels
and levels; a cost carries whether the lead confirmed it, so a business case can tell
an assumption from an agreed number; the ladder is ordered (``position``) and edited
row by row like the map's stages.
"""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db.tables.base import _fk


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
