"""Finishing the demo workshop, so a first-time user sees every step done.

The demo is the login-lockout template run through the whole method on the day
it is created: the workshop starts today, each card gets an owner and a
deadline inside the 60-day plan, and the plan is generated and stored.  An
empty step in the demo would read as "the tool is unfinished", not as "this
step is still to do", so nothing here is left for the first visit of a screen.

Owners are the lead of the team that owns the pain point's touchpoint (a card
needs one accountable person; the demo cannot know names).  The facilitator is
the support team's lead for the same reason: the plan gives the facilitator the
tasks no card carries, and never falls back to the login of whoever ran the demo.  Deadlines are
the ones the plan itself gives: the top card is the one fix of weeks 3-4, every
other card takes the plan's next two-week slot after it (what does not fit
before day 60 is the next cycle), moved off weekends like every deadline.  Giving
every quick win the weeks 3-4 deadline showed them as one-day "queued" tasks on
the day the one fix is due, which is not the method's plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.db.tables.cards import HypothesisCard
from models.db.tables.workshop import Workshop
from models.rules.plan import (
    CARD_KEY,
    PHASES,
    day,
    generate_plan,
    regenerate_plan,
    workday_on_or_before,
)
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
    fix_due: dt.date | None = workday_on_or_before(day(today, _LAST_DAY["implement"]))
    for ranked in rank_pain_points(journey):
        card = journey.card_for(ranked.pain.id)
        if card is None or card.id is None:
            continue
        tp = journey.touchpoint(ranked.pain.touchpoint_id)
        owner = card_owner(tp.owner_team if tp is not None else "") or lead
        store.update(HypothesisCard, card.id, owner=owner, deadline=fix_due)
        fix_due = None  # the others wait for their slot in the plan's queue
    slots = {item.key: item.deadline for item in generate_plan(store.load(workshop_id), today)}
    for card in journey.cards:
        if f"{CARD_KEY}{card.id}" in slots:
            store.update(HypothesisCard, card.id, deadline=slots[f"{CARD_KEY}{card.id}"])
    regenerate_plan(store, workshop_id, today)
