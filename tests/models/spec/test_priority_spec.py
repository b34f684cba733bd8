"""What a lead reads about the ranking: the quadrant rule in words, ranks looked up by id."""

from __future__ import annotations

from models.db.journey import Journey
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop
from models.rules.priority import quadrant_rule, rank_of


def test_the_quadrant_rule_names_every_quadrant_with_its_scores_in_words() -> None:
    assert quadrant_rule() == (
        "Quick win = impact 2-3 and effort 1-2; big bet = impact 2-3 and effort 3; "
        "fill-in = impact 1 and effort 1-2; money pit = impact 1 and effort 3 "
        "(1 low, 2 medium, 3 high).")


def test_screens_look_up_the_rank_of_each_saved_pain_point_by_its_id() -> None:
    pains = [PainPoint(id=9, workshop_id=1, impact=1, effort=3, description="slow refund"),
             PainPoint(id=5, workshop_id=1, impact=3, effort=1, description="asks twice"),
             PainPoint(id=None, workshop_id=1, impact=3, effort=1, description="not saved")]
    ranks = rank_of(Journey(workshop=Workshop(id=1), pain_points=pains))
    assert sorted(ranks) == [5, 9]
    assert ranks[5].pain.description == "asks twice" and ranks[9].rank == 3
