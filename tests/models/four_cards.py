"""Four cards on one pain-ranked touchpoint: the plan tests' smallest whole journey.

Built in memory (no store), so a plan rule can be read off ``generate_plan`` directly;
``deadlines`` gives chosen cards (by pain number 1-4) a deadline. Shared by the plan,
day-one and queue specs.
"""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop

START = dt.date(2026, 3, 2)  # a Monday; day 60 is 2026-04-30


def four_cards(deadlines: dict[int, dt.date | None] | None = None) -> Journey:
    deadlines = deadlines or {}
    stages = [Stage(id=1, workshop_id=1, name="Contact")]
    tps = {1: [Touchpoint(id=1, stage_id=1, name="Chat", owner_team="Tier 1")]}
    pains = [PainPoint(id=i, workshop_id=1, touchpoint_id=1, impact=3, effort=1,
                       ticket_volume=1000 - i, description=f"pain {i}") for i in range(1, 5)]
    cards = [HypothesisCard(id=10 + i, pain_point_id=i, experiment=f"fix {i}",
                            owner=f"owner {i}", deadline=deadlines.get(i)) for i in range(1, 5)]
    return Journey(workshop=Workshop(id=1, start_date=START, lead="root"), stages=stages,
                   touchpoints=tps, pain_points=pains, cards=cards)
