"""Ranking of pain points: quadrant, then ticket volume, then votes, deterministic."""

from __future__ import annotations

import random

import pytest

from models.db.journey import Journey
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop
from models.rules.priority import QUADRANT_LABELS, QUADRANTS, quadrant, rank_pain_points


def pain(pid: int, impact: int = 2, effort: int = 2, volume: int | None = None, votes: int = 0,
         description: str = "") -> PainPoint:
    return PainPoint(id=pid, workshop_id=1, impact=impact, effort=effort, ticket_volume=volume,
                     votes=votes, description=description or f"pain {pid}")


def journey(*pains: PainPoint, dots: dict[int, int] | None = None,
            revealed: bool = False) -> Journey:
    return Journey(workshop=Workshop(id=1, title="t", votes_revealed=revealed),
                   pain_points=list(pains), dot_votes=dots or {})


def ids(j: Journey) -> list[int]:
    return [r.pain.id for r in rank_pain_points(j)]


@pytest.mark.parametrize(("impact", "effort", "expected"), [
    (3, 1, "quick_win"), (2, 2, "quick_win"), (3, 2, "quick_win"), (2, 1, "quick_win"),
    (3, 3, "big_bet"), (2, 3, "big_bet"),
    (1, 1, "fill_in"), (1, 2, "fill_in"),
    (1, 3, "money_pit"),
])
def test_quadrant_boundaries(impact: int, effort: int, expected: str) -> None:
    assert quadrant(impact, effort) == expected


def test_every_quadrant_has_a_label() -> None:
    assert set(QUADRANT_LABELS) == set(QUADRANTS)


def test_empty_workshop_ranks_nothing() -> None:
    assert rank_pain_points(journey()) == []


def test_quadrant_beats_volume_and_votes() -> None:
    j = journey(pain(1, impact=1, effort=3, volume=9999, votes=50),   # money pit
                pain(2, impact=1, effort=1, volume=5000),              # fill-in
                pain(3, impact=3, effort=3, volume=10),                # big bet
                pain(4, impact=2, effort=2, volume=1))                 # quick win
    assert ids(j) == [4, 3, 2, 1]


def test_volume_then_votes_then_impact_effort_id() -> None:
    j = journey(pain(1, volume=100, votes=1),
                pain(2, volume=300),
                pain(3, volume=100, votes=5),
                pain(4, impact=3, effort=2, volume=100, votes=1),
                pain(5, impact=3, effort=1, volume=100, votes=1),
                pain(6, impact=3, effort=1, volume=100, votes=1))
    assert ids(j) == [2, 3, 5, 6, 4, 1]


def test_votes_break_a_volume_tie_and_dot_votes_count_only_when_revealed() -> None:
    a, b = pain(1, volume=200, votes=1), pain(2, volume=200, votes=0)
    assert ids(journey(a, b, dots={2: 3}, revealed=False)) == [1, 2]
    assert ids(journey(a, b, dots={2: 3}, revealed=True)) == [2, 1]
    ranked = rank_pain_points(journey(a, b, dots={2: 3}, revealed=True))
    assert ranked[0].votes == 3


def test_full_ties_are_broken_by_id_whatever_the_input_order() -> None:
    pains = [pain(i, volume=50, votes=2) for i in range(1, 9)]
    for seed in range(5):
        shuffled = pains[:]
        random.Random(seed).shuffle(shuffled)
        assert ids(journey(*shuffled)) == list(range(1, 9))


def test_ranks_start_at_one_and_reason_explains_the_place() -> None:
    ranked = rank_pain_points(journey(pain(1, impact=3, effort=1, volume=1240, votes=3),
                                      pain(2, impact=1, effort=3, volume=None, votes=1)))
    assert [r.rank for r in ranked] == [1, 2]
    assert ranked[0].reason == ("ranked 1: quick win (impact high, effort low), "
                                "1,240 tickets/month on this pain point, 3 votes")
    assert ranked[1].reason == ("ranked 2: money pit (impact low, effort high), "
                                "no ticket volume recorded, 1 vote")
    assert ranked[0].quadrant == "quick_win" and ranked[0].volume == 1240


def test_user_text_is_not_touched_by_ranking() -> None:
    hostile = "[bold]boom[/] \x1b[31m 🔥 日本語"
    ranked = rank_pain_points(journey(pain(1, description=hostile)))
    assert ranked[0].pain.description == hostile
    assert hostile not in ranked[0].reason


def test_the_quadrant_rule_is_one_statement_that_matches_every_cell() -> None:
    import re

    from models.rules.priority import QUADRANT_LABELS, quadrant, quadrant_rule

    rule = quadrant_rule()
    assert rule.count(".") == 1 and rule.startswith("Quick win = impact 2-3 and effort 1-2")
    for label, impacts, efforts in re.findall(r"([a-z -]+?) = impact (\S+) and effort (\S+?)[;. ]",
                                              rule.lower()):
        quad = next(k for k, v in QUADRANT_LABELS.items() if v == label.strip())
        lo_i, hi_i = (int(x) for x in (impacts.split("-") * 2)[:2])
        lo_e, hi_e = (int(x) for x in (efforts.split("-") * 2)[:2])
        for i in range(lo_i, hi_i + 1):
            for e in range(lo_e, hi_e + 1):
                assert quadrant(i, e) == quad
