"""The plain-dict form of a workshop: its tables, keys and value types, and nothing else.

``models.export.serialize`` writes and stores this form, ``models.export.form_check``
checks it; both read the shape from here, so a new column is added in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import SQLModel

from models.db.fields import coerce
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import ChangeLog
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop

FORMAT = "journeymap"
VERSION = 2
# From form version 2 a pain point's ``ticket_volume`` of 0 is a real 0 and an omitted one is
# not recorded; version 1 wrote 0 for both, so its 0s load as not recorded (schema 13 too).
UNKNOWN_VOLUME = 2


class DataError(ValueError):
    """A template or backup that does not fit the form; says file, key path and problem."""

    def __init__(self, source: str, key_path: str, problem: str) -> None:
        self.source, self.key_path, self.problem = source, key_path, problem
        where = f"{source}: {key_path}" if key_path else source
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Node:
    """How one table appears in the form: its columns, and the ones a template keeps."""

    model: type[SQLModel]
    fields: tuple[str, ...]
    template_fields: tuple[str, ...]


_SCOPE = ("title", "persona", "scenario", "persona_goal", "business_goal",
          "evidence_ticket_volume", "evidence_resolution_time", "evidence_transfer_rate",
          "evidence_csat", "evidence_notes", "state", "max_handoffs", "jtbd_when", "jtbd_want",
          "jtbd_so_that")
_STAGE = ("name", "description", "kpi_name", "kpi_baseline", "kpi_target", "kpi_unit", "source")
_TOUCH = ("name", "channel", "does", "thinks", "feels", "sentiment", "lane", "owner_team",
          "moment_of_truth", "actor", "emotion", "bot_intent", "bot_escalation_rule",
          "bot_context_passed", "bot_deflection_rate", "source")
_PAIN = ("description", "kind", "impact", "effort", "ticket_volume", "five_whys", "root_cause",
         "urgent", "important", "source")
_DRAFT = ("experiment", "outcome", "signal", "effect_kind", "effect_value", "source")
_HANDOFF = ("from_team", "to_team", "what_is_transferred", "typical_delay", "customer_informed",
            "is_escalation", "checklist", "source")
_COST = ("channel", "cost_per_contact", "handle_minutes", "confirmed")
_LEVEL = ("severity", "criteria", "tier_role", "response_sla_minutes", "update_every_minutes",
          "channel", "early_warning")

# ``as_is_touchpoint_id`` (and the workshop's ``as_is_workshop_id``) are ids of another
# workshop's rows: a full backup keeps them, a template never does.
WORKSHOP = Node(Workshop, tuple(f for f in Workshop.model_fields
                               if f not in ("id", "lead_account", "lead_uid")), _SCOPE)
STAGE = Node(Stage, _STAGE, _STAGE)
TOUCHPOINT = Node(Touchpoint, (*_TOUCH, "as_is_touchpoint_id"), _TOUCH)
PAIN = Node(PainPoint, (*_PAIN, "votes", "created_at"), _PAIN)
CARD = Node(HypothesisCard, (*_DRAFT, "owner", "deadline", "status", "result_notes",
                             "result_value", "signal_metric", "signal_group", "signal_target",
                             "signal_relative", "created_at"), _DRAFT)
HANDOFF = Node(Handoff, _HANDOFF, _HANDOFF)
COST = Node(ChannelCost, _COST, _COST)
LEVEL = Node(EscalationLevel, _LEVEL, _LEVEL)
# Text columns that the form writes as a list of one-line strings (TOML and JSON lists).
LIST_FIELDS = frozenset({"five_whys"})
VOTE = Node(Vote, ("participant", "created_at"), ())
PLAN = Node(PlanTask, ("key", "phase", "title", "detail", "owner", "start", "deadline",
                       "status", "edited"), ())
PARTICIPANT = Node(Participant, ("name", "role", "last_seen", "current_step", "following",
                                 "done_step"), ())
LOG = Node(ChangeLog, ("at", "who", "account", "entity", "action", "field", "old", "new",
                       "summary"), ())

# Lists only a full backup carries, and the node of their items.
FULL_LISTS: dict[str, Node] = {"plan_tasks": PLAN, "participants": PARTICIPANT,
                                "changelog": LOG}
# Workshop-level lists that templates carry too: key -> (node, Journey attribute).
LISTS: dict[str, tuple[Node, str]] = {"channel_costs": (COST, "channel_costs"),
                                       "escalation_levels": (LEVEL, "escalation_levels")}


def plain(value: Any) -> Any:
    """A value as JSON and TOML can hold it: dates as ISO text, times as aware UTC text."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return aware.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def fields_of(model: type[SQLModel], values: dict[str, Any], **links: Any) -> dict[str, Any]:
    """A row's values from checked plain ones (coerced again to their Python types), with
    its links; the table's defaults are not filled in (``build`` and ``insert_rows`` do)."""
    return {**{k: coerce(model, k, v) for k, v in values.items()
               if k in LIST_FIELDS or not isinstance(v, list | dict)}, **links}


def build(model: type[SQLModel], values: dict[str, Any], **links: Any) -> Any:
    """A row from checked plain values (coerced again to their Python types)."""
    return model(**fields_of(model, values, **links))
