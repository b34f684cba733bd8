"""Every table of the schema in one tuple, in creation order.

Importing this module registers every table in ``SQLModel.metadata``: the schema
(``models.db.schema``) imports it so that creating and upgrading a file sees them all.
"""

from __future__ import annotations

from sqlmodel import SQLModel

from models.db.tables.base import Meta
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import AuditEntry, ChangeLog
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop

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
