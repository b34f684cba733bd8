"""An as-is map and its to-be copy, both old enough to be due for review, for the tests
of what lists live maps (session 12): review reminders, the tracker, the report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.db.tables.cards import HypothesisCard
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Workshop
from models.export.future_copy import create_future_copy
from models.rules.plan import regenerate_plan
from models.rules.priority import rank_pain_points
from tests.helpers import build_workshop

LONG_AGO = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)  # months before any pinned today
DESIGNED = "Self-service unlock with a verified second admin"


def as_is_and_to_be(store: Any) -> tuple[int, int]:
    """The lockout map with a plan, and its to-be copy in which the room designed a card
    (owner, deadline) and an escalation level; neither ever reviewed, both made long ago."""
    as_is = build_workshop(store)
    regenerate_plan(store, as_is)
    to_be = create_future_copy(store, as_is)
    pain = rank_pain_points(store.load(to_be))[0].pain  # the top one: in every summary
    store.add(HypothesisCard(pain_point_id=pain.id, experiment=DESIGNED, owner="Noor",
                             deadline=dt.date(2025, 2, 1)))
    store.add(EscalationLevel(workshop_id=to_be, severity="S1", tier="Tier 2"))
    for wid in (as_is, to_be):
        store.update(Workshop, wid, created_at=LONG_AGO)
    return as_is, to_be
