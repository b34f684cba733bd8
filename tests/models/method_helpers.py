"""Hand-made journeys for the method rules: no database, every id chosen by the test."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop

CREATED = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)


def tp(tid: int, name: str, stage: int = 1, **fields: Any) -> Touchpoint:
    return Touchpoint(id=tid, stage_id=stage, position=tid, name=name, **fields)


def journey(touchpoints: list[Touchpoint], *, pains: list[PainPoint] | None = None,
            cards: list[HypothesisCard] | None = None, costs: list[ChannelCost] | None = None,
            handoffs: list[Handoff] | None = None, levels: list[EscalationLevel] | None = None,
            **workshop: Any) -> Journey:
    stage_ids = sorted({t.stage_id for t in touchpoints}) or [1]
    stages = [Stage(id=sid, workshop_id=1, position=sid, name=f"Stage {sid}")
              for sid in stage_ids]
    by_stage: dict[int, list[Touchpoint]] = {sid: [] for sid in stage_ids}
    for t in touchpoints:
        by_stage[t.stage_id].append(t)
    workshop.setdefault("created_at", CREATED)
    return Journey(workshop=Workshop(id=workshop.pop("id", 1), **workshop), stages=stages,
                   touchpoints=by_stage, pain_points=pains or [], cards=cards or [],
                   channel_costs=costs or [], handoffs=handoffs or [],
                   escalation_levels=levels or [])
