"""Moments of truth: the flagged touchpoints and the line's peaks and valleys, with their gaps.

A valley nobody owns and no card fixes is where the map found a problem nobody is
fixing; a peak needs an owner to keep it, not a card.  Each line reads on its own.
"""

from __future__ import annotations

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.moments import moments_of_truth, shapes
from tests.models.method_helpers import journey, tp


@pytest.mark.parametrize(("line", "expected"), [
    ([1, 2, 1], ["", "peak", ""]),
    ([2, 1], ["peak", ""]),  # the line's end counts as a side
    ([1, 2], ["", "peak"]),
    ([-1, -2], ["", "valley"]),
    ([0, 0, -1, -1, 0], ["", "", "valley", "", ""]),  # a flat stretch, once, at its start
    ([2, 2, 1, 2, 2], ["peak", "", "", "peak", ""]),
    ([0, 1, 0], ["", "peak", ""]),
    ([0, -1, 0], ["", "valley", ""]),
    ([1, 0, 1], ["peak", "", "peak"]),  # 0 is neither
    ([1, 2, 3], ["", "", "peak"]),
    ([-1, 1, -1], ["valley", "peak", "valley"]),
    ([1, 1, 2, 1, 1], ["", "", "peak", "", ""]),
    ([-2, -2], ["", ""]),  # a flat line has no shape
])
def test_peaks_are_positive_and_above_both_sides_valleys_negative_and_below(
        line: list[int], expected: list[str]) -> None:
    assert shapes(line) == expected


def test_each_moment_reads_as_one_line() -> None:
    j = journey([tp(1, " ", sentiment=-1, moment_of_truth=True),
                 tp(2, "Reset", sentiment=2, owner_team=" Identity "),
                 tp(3, "Survey", sentiment=1, moment_of_truth=True, owner_team="CX")])
    moments = moments_of_truth(j)
    assert [m.text for m in moments] == [
        "“A touchpoint” (moment of truth and valley, sentiment -1): no owner; no card",
        "“Reset” (peak, sentiment +2): owned; a peak needs no card",  # it has none
        "“Survey” (moment of truth, sentiment +1): no card",
    ]
    assert [(m.stage, m.shape, m.flagged, m.owner) for m in moments] == [
        ("Stage 1", "valley", True, ""), ("Stage 1", "peak", False, "Identity"),
        ("Stage 1", "", True, "CX")]


def test_a_card_counts_for_the_touchpoint_of_its_pain_point() -> None:
    pains = [PainPoint(workshop_id=1, id=1, touchpoint_id=1),
             PainPoint(workshop_id=1, id=2, touchpoint_id=1),
             PainPoint(workshop_id=1, id=3, touchpoint_id=2),
             PainPoint(workshop_id=1, id=4, touchpoint_id=None)]
    cards = [HypothesisCard(id=10, pain_point_id=1), HypothesisCard(id=11, pain_point_id=1),
             HypothesisCard(id=12, pain_point_id=2), HypothesisCard(id=13, pain_point_id=4)]
    j = journey([tp(1, "Call", sentiment=-2, owner_team="T1", moment_of_truth=True),
                 tp(2, "Wait", sentiment=0, moment_of_truth=True, owner_team="T1")],
                pains=pains, cards=cards)
    moments = moments_of_truth(j)
    assert [[c.id for c in m.cards] for m in moments] == [[10, 12], []]
    assert [m.gaps for m in moments] == [[], ["no card"]]


def test_a_touchpoint_of_an_unknown_stage_has_no_stage_name() -> None:
    j = Journey(workshop=Workshop(id=1), stages=[Stage(id=1, workshop_id=1, name="Sign in")],
                touchpoints={1: [Touchpoint(id=1, stage_id=1, name="a", sentiment=-1)],
                             7: [Touchpoint(id=2, stage_id=7, name="b", sentiment=0)]})
    j.stages.append(Stage(id=7, workshop_id=1, name="Later"))
    moments = moments_of_truth(j)
    assert [(m.touchpoint.id, m.stage) for m in moments] == [(1, "Sign in")]
    orphan = Journey(workshop=Workshop(id=1), stages=[Stage(id=1, workshop_id=1, name="S")],
                     touchpoints={1: [Touchpoint(id=1, stage_id=9, name="a", sentiment=-1,
                                                 moment_of_truth=True)]})
    assert [m.stage for m in moments_of_truth(orphan)] == [""]
