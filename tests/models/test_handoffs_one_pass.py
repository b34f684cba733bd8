"""Handoffs are found in one pass over the touchpoints, ids read only where a team changes.

Issue 18: deriving the handoffs of the 2,000-touchpoint bench map cost ~10.8 M
instructions: a dict of every touchpoint's position, another of every owner team
keyed by ``id()``, then a sort of handoffs that the pass had found in order
already.  Counted through the reads of a touchpoint's ``id``: two per handoff
found (its pair of ends), none for the touchpoints in between.  The handoffs
themselves are held by ``test_handoffs.py`` and the bench SHA test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.db.tables.workshop import Handoff
from models.rules.handoffs import derive_handoffs
from tests.models.bench_map import build, read_map


class _IdCounted:
    """A touchpoint row whose ``id`` reads are counted."""

    reads = 0

    def __init__(self, row: Any) -> None:
        self.__dict__["_row"] = row

    def __getattr__(self, name: str) -> Any:
        if name == "id":
            _IdCounted.reads += 1
        return getattr(self.__dict__["_row"], name)


def test_ids_are_read_only_for_the_handoffs_found(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    journey, _portfolio = read_map(db, build(db, touchpoints=300, pains=5))
    journey.touchpoints = {stage: [_IdCounted(tp) for tp in tps]
                           for stage, tps in journey.touchpoints.items()}
    _IdCounted.reads = 0
    found = derive_handoffs(journey)
    assert 50 < len(found) < 150
    # main 8cd0cff read 1,004 (300 + 8 per handoff: failed there): positions, pairs, sort
    assert _IdCounted.reads == 2 * len(found)


def test_a_documented_handoff_takes_its_place_in_journey_order(tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    journey, _portfolio = read_map(db, build(db, touchpoints=40, pains=2))
    ordered = journey.ordered_touchpoints()
    derived = derive_handoffs(journey)
    owned = [tp for tp in ordered if tp.owner_team.strip()]
    first, later = next((a, b) for a in owned for b in reversed(owned)
                        if a.owner_team.strip().casefold() != b.owner_team.strip().casefold())
    journey.handoffs = [Handoff(workshop_id=1, from_touchpoint_id=later.id,
                                to_touchpoint_id=first.id, from_team=later.owner_team,
                                to_team=first.owner_team)]
    pairs = [(h.from_tp.id, h.to_tp.id) for h in derive_handoffs(journey)]
    position = {tp.id: i for i, tp in enumerate(ordered)}
    assert (later.id, first.id) in pairs and len(pairs) == len(derived) + 1
    assert pairs == sorted(pairs, key=lambda p: (position[p[1]], position[p[0]]))
