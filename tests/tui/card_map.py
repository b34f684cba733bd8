"""A map of the big maps' shape at a size a test can afford: many cards, a zigzag line.

Why shared: the Cards and Moments cost tests (``test_big_map_views``) and the held-key
tests (``test_keys19_held_keys``) need more cards and more peaks and valleys than any
screen shows; one builder keeps them on the same map.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint
from tests.helpers import ready
from tui.app.launch import build_app

CARDS = 160
TOUCHPOINTS = 400


def build_card_map(db: Path) -> int:
    """A map with a zigzag sentiment line (a peak or valley at every touchpoint) and
    a card for each of its pain points, inserted in bulk; its workshop id."""
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Big map", persona="Admin",
                                        scenario="Locked out").id or 0)
        stages = store.load(wid).stages
        with store.write() as s:
            for i in range(TOUCHPOINTS):
                stage = stages[i * len(stages) // TOUCHPOINTS]
                s.add(Touchpoint(stage_id=int(stage.id or 0), position=i, name=f"Step {i}",
                                 sentiment=2 if i % 2 else -2, owner_team="Tier 1"))
        tp_ids = [tp.id for tp in store.load(wid).ordered_touchpoints()]
        with store.write() as s:
            for i in range(CARDS):
                s.add(PainPoint(workshop_id=wid, touchpoint_id=tp_ids[i], kind="loop",
                                description=f"Pain {i}", impact=3, effort=1 + i % 3))
        with store.write() as s:
            for pain in store.load(wid).pain_points:
                s.add(HypothesisCard(pain_point_id=int(pain.id or 0),
                                     experiment=f"Fix {pain.description}", outcome="less",
                                     signal="30% fewer", owner="Tier 1"))
    return wid


@asynccontextmanager
async def seat(big_map: tuple[Path, int], step: str,
                size: tuple[int, int]) -> AsyncIterator[tuple[Any, Any]]:
    """The big map open at ``step`` in a seat of ``size``, ready: (app, pilot)."""
    db, wid = big_map
    app = build_app(db, wid, step=step, who="lea")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        yield app, pilot
