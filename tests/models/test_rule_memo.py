"""Rules remember their answers only inside one export (``models.rules.memo``)."""

from __future__ import annotations

from models.db.tables.cards import PainPoint
from models.rules.memo import one_snapshot
from models.rules.priority import rank_pain_points
from tests.models.method_helpers import journey, tp


def _journey():  # noqa: ANN202
    return journey([tp(1, "Login")], pains=[
        PainPoint(id=1, workshop_id=1, touchpoint_id=1, description="slow", impact=3, effort=1,
                  ticket_volume=10)])


def test_outside_an_export_an_edited_snapshot_gets_a_fresh_answer() -> None:
    j = _journey()
    assert [r.pain.id for r in rank_pain_points(j)] == [1]
    j.pain_points.append(PainPoint(id=2, workshop_id=1, touchpoint_id=1, description="worse",
                                   impact=3, effort=1, ticket_volume=99))
    assert [r.pain.id for r in rank_pain_points(j)] == [2, 1]


def test_inside_one_export_the_answer_is_computed_once_and_copied() -> None:
    j = _journey()
    with one_snapshot():
        first = rank_pain_points(j)
        first.clear()  # a caller's list is its own
        j.pain_points.clear()  # not done by exports: shows the answer is remembered
        assert [r.pain.id for r in rank_pain_points(j)] == [1]
        assert rank_pain_points(_journey()) is not first  # another journey: its own answer
    assert rank_pain_points(j) == []
