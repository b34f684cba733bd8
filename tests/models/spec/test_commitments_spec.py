"""What the tracker's "due" column says for every kind of item: a commitment's gaps in
capitals, a standing promise as ongoing, and a card closed as its state, never a countdown."""

from __future__ import annotations

import datetime as dt

from models.db.tables.cards import HypothesisCard, PainPoint
from models.rules.commitments import item_due, tracked_items
from tests.models.method_helpers import journey, tp


def test_a_closed_card_is_due_as_its_state_not_as_late() -> None:
    pain = PainPoint(id=1, workshop_id=1, impact=3, effort=1, description="waits")
    card = HypothesisCard(id=1, pain_point_id=1, deadline=dt.date(2026, 4, 10), status="done")
    [item] = tracked_items([journey([tp(1, "x")], pains=[pain], cards=[card])],
                           dt.date(2026, 4, 15))
    assert item_due(item) == "done"
