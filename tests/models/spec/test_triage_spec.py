"""Eisenhower triage as the Pains step prints it: who handles each pain point now.

The quadrant's words tell the room what to do while the pain is not fixed yet.
"""

from __future__ import annotations

from models.db.tables.cards import PainPoint
from models.rules.triage import EISENHOWER, EISENHOWER_LABELS, triage
from tests.models.method_helpers import journey, tp


def test_each_quadrant_says_who_acts() -> None:
    assert EISENHOWER == ("do_now", "schedule", "delegate", "drop")
    assert EISENHOWER_LABELS == {
        "do_now": "do now: act immediately (automation acts at once, a person is alerted)",
        "schedule": "schedule: important, plan a human follow-up",
        "delegate": "delegate: urgent but routine, let self-service or a bot handle it",
        "drop": "drop: neither urgent nor important, do not automate or staff it",
    }


def test_pain_points_are_grouped_in_quadrant_order_and_map_order() -> None:
    pains = [PainPoint(workshop_id=1, id=1, description="Typo", urgent=False, important=False),
             PainPoint(workshop_id=1, id=2, description="Refund", important=True),
             PainPoint(workshop_id=1, id=3, description="Where is my order", urgent=True),
             PainPoint(workshop_id=1, id=4, description="Outage", urgent=True, important=True),
             PainPoint(workshop_id=1, id=5, description=" ", important=True)]
    groups = triage(journey([tp(1, "x")], pains=pains))
    assert list(groups) == list(EISENHOWER)
    assert {q: [t.pain.id for t in group] for q, group in groups.items()} == {
        "do_now": [4], "schedule": [2, 5], "delegate": [3], "drop": [1]}
    assert [t.text for t in groups["schedule"]] == [
        "“Refund”: schedule: important, plan a human follow-up",
        "“A pain point”: schedule: important, plan a human follow-up"]
    assert groups["delegate"][0].quadrant == "delegate"


def test_a_map_without_pain_points_has_every_quadrant_empty() -> None:
    assert triage(journey([tp(1, "x")])) == {q: [] for q in EISENHOWER}
