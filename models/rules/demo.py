"""Finishing the demo workshop, so a first-time user sees every step done.

The demo is the login-lockout template run through the whole method on the day
it is created: the workshop starts today, each card gets an owner and a
deadline inside the 60-day plan, and the plan is generated and stored.  An
empty step in the demo would read as "the tool is unfinished", not as "this
step is still to do", so nothing here is left for the first visit of a screen.

Owners are the lead of the team that owns the pain point's touchpoint (a card
needs one accountable person; the demo cannot know names).  The facilitator is
the support team's lead for the same reason: the plan gives the facilitator the
tasks no card carries, and never falls back to the login of whoever ran the demo.  Deadlines follow
the plan's phases: quick wins by the end of weeks 3-4 (ship one fix), the rest
by the end of weeks 7-8 (standardize), moved off weekends like every deadline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.db.tables.cards import HypothesisCard
from models.db.tables.workshop import Workshop
from models.rules.plan import PHASES, day, regenerate_plan, workday_on_or_before
from models.rules.priority import rank_pain_points

_LAST_DAY = {key: last for key, _phase, _first, last in PHASES}
DEMO_FACILITATOR = "Support lead"  # a role, not a person: the demo cannot know names


def card_owner(team: str) -> str:
    """"Support" -> "Support lead"; no team -> the workshop's lead decides."""
    return f"{team.strip()} lead" if team.strip() else ""


def complete_demo(store: Any, workshop_id: int, today: dt.date) -> None:
    """Start date today, a facilitator, owners and deadlines on every card, the plan stored.

    ``store`` is a ``models.db.store.Store``; ``today`` is passed in (the CLI
    reads the pinned date) so tests and snapshots get the same dates.
    """
    store.update(Workshop, workshop_id, start_date=today)
    journey = store.load(workshop_id)
    if not journey.workshop.facilitator.strip():
        store.update(Workshop, workshop_id, facilitator=DEMO_FACILITATOR)
    lead = journey.workshop.facilitator.strip() or DEMO_FACILITATOR
    for ranked in rank_pain_points(journey):
        card = journey.card_for(ranked.pain.id)
        if card is None or card.id is None:
            continue
        tp = journey.touchpoint(ranked.pain.touchpoint_id)
        owner = card_owner(tp.owner_team if tp is not None else "") or lead
        phase = "implement" if ranked.quadrant == "quick_win" else "standardize"
        deadline = workday_on_or_before(day(today, _LAST_DAY[phase]))
        store.update(HypothesisCard, card.id, owner=owner, deadline=deadline)
    regenerate_plan(store, workshop_id, today)
