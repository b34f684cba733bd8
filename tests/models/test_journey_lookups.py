"""A snapshot finds a pain point and its card by id without a scan per question.

Views and rules ask once per pain point (the Pains and Cards steps, Moments, the
escalation view, live refresh).  Each answer used to scan the list, so a map with
2,500 pain points and cards did 6 million comparisons per screen: a key on the
Cards step over SSH took 4.5 s on the 10,000-touchpoint map.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Workshop

T = TypeVar("T")


class Counted(list[T]):
    """A list that counts how many times it is walked."""

    walks = 0

    def __iter__(self) -> Iterator[T]:
        type(self).walks += 1
        return super().__iter__()


def big(n: int) -> tuple[Journey, Counted[PainPoint], Counted[HypothesisCard]]:
    pains: Counted[PainPoint] = Counted(PainPoint(id=i, workshop_id=1, description=f"p{i}")
                                        for i in range(1, n + 1))
    cards: Counted[HypothesisCard] = Counted(HypothesisCard(id=100 + i, pain_point_id=i)
                                             for i in range(1, n + 1))
    return Journey(workshop=Workshop(id=1), pain_points=pains, cards=cards), pains, cards


def test_every_pain_point_and_card_of_a_big_map_found_in_a_walk_or_two() -> None:
    journey, pains, cards = big(2500)
    Counted.walks = 0
    found = [(journey.pain_point(i), journey.card_for(i)) for i in range(1, 2501)]
    assert all(p is not None and p.id == i and c is not None and c.pain_point_id == i
               for i, (p, c) in enumerate(found, start=1))
    assert Counted.walks <= 4


def test_a_snapshot_edited_in_place_answers_with_its_current_rows() -> None:
    journey, pains, cards = big(3)
    assert journey.card_for(2) is cards[1]
    removed = cards.pop(1)
    assert journey.card_for(2) is None
    cards.append(removed)
    assert journey.card_for(2) is removed
    fresh = PainPoint(id=3, workshop_id=1, description="edited")
    pains[2] = fresh
    assert journey.pain_point(3) is fresh
    assert journey.pain_point(99) is None
    assert journey.card_for(None) is None


def test_a_json_backup_of_a_big_map_walks_the_pain_points_a_few_times_not_once_per_touchpoint(
        ) -> None:
    from models.db.tables.workshop import Stage, Touchpoint
    from models.export.serialize import journey_to_dict

    journey, pains, cards = big(500)
    journey.stages = [Stage(id=1, workshop_id=1, name="Contact")]
    journey.touchpoints = {1: [Touchpoint(id=t, stage_id=1, name=f"t{t}", position=t)
                               for t in range(1, 2001)]}
    for pain in pains:
        pain.touchpoint_id = (pain.id or 0) * 3
    Counted.walks = 0
    data = journey_to_dict(journey, full=True)
    assert Counted.walks <= 10
    placed = [p["description"] for s in data["stages"] for t in s["touchpoints"]
              for p in t.get("pain_points", [])]
    assert placed == [f"p{i}" for i in range(1, 501) if i * 3 <= 2000]
    assert [p["description"] for p in data.get("pain_points", [])] == [
        f"p{i}" for i in range(1, 501) if i * 3 > 2000]
