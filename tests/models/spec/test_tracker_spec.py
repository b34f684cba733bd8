"""What the tracker row of a card says about its measured signal."""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Workshop
from models.rules.tracker import tracker_items


def test_a_card_tied_to_a_metric_shows_its_signal_and_an_untied_card_shows_none() -> None:
    pains = [PainPoint(id=1, workshop_id=1, impact=3, effort=1, description="asks twice"),
             PainPoint(id=2, workshop_id=1, impact=1, effort=3, description="slow refund")]
    cards = [HypothesisCard(id=1, pain_point_id=1, owner="Ana", signal_metric="reopen_rate",
                            signal_target=0.1),
             HypothesisCard(id=2, pain_point_id=2, owner="Bo")]
    journey = Journey(workshop=Workshop(id=1, title="Refunds"), pain_points=pains, cards=cards)
    items = tracker_items([journey], dt.date(2026, 4, 15))
    assert [(i.item_id, i.signal) for i in items] == [(1, "no data"), (2, "")]
