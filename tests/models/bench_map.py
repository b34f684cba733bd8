"""The bench map of ``bench/export.py`` as it was at f33d23fd, rebuilt from a frozen recipe.

Shared by the tests that pin the export's bytes and count its work on that map, so a
change to the bench cannot move what they measure.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint
from models.rules.plan import regenerate_plan
from tui.cli.export_core import light_read

TODAY = dt.date(2024, 3, 20)


def build(db: Path, touchpoints: int = 2000, pains: int = 500) -> int:
    """``bench/export.py``'s map as it was at f33d23fd: seeded, so always the same rows."""
    rng = random.Random(7)
    teams = ["Tier 1", "Tier 2", "Billing", "Product", "Engineering", ""]
    with Store(db, who="bench") as store:
        w = store.create_workshop(title="Bench journey", persona="Admin", scenario="Locked out",
                                  start_date=dt.date(2024, 2, 29), evidence_ticket_volume=9000)
        wid = int(w.id or 0)
        stages = store.load(wid).stages
        with store.write() as s:
            for i in range(touchpoints):
                stage = stages[i * len(stages) // touchpoints]
                s.add(Touchpoint(stage_id=int(stage.id or 0), position=i,
                                 name=f"Touchpoint {i} | `x`",
                                 channel="web", does=f"does thing {i}", thinks="why?\nreally",
                                 feels="stuck", sentiment=rng.randint(-2, 2),
                                 owner_team=rng.choice(teams),
                                 lane=rng.choice(["frontstage", "backstage"])))
        tp_ids = [int(tp.id or 0) for tp in store.load(wid).ordered_touchpoints()]
        with store.write() as s:
            for i in range(pains):
                s.add(PainPoint(workshop_id=wid, touchpoint_id=rng.choice(tp_ids),
                                description=f"Pain {i}: # loops [again]", kind="loop",
                                impact=rng.randint(1, 3), effort=rng.randint(1, 3),
                                ticket_volume=rng.randint(0, 900), votes=rng.randint(0, 5)))
        pain_ids = [int(p.id or 0) for p in store.load(wid).pain_points]
        with store.write() as s:
            for pid in pain_ids[:50]:
                s.add(HypothesisCard(pain_point_id=pid, experiment=f"Fix {pid}", outcome="less",
                                     signal="30% fewer", owner=rng.choice(teams),
                                     deadline=dt.date(2024, 3, 1) + dt.timedelta(days=pid % 40)))
        regenerate_plan(store, wid)
        return wid


def read_map(db: Path, wid: int) -> tuple[Journey, list[Journey]]:
    read = light_read(db, wid, portfolio=True)
    assert read is not None
    return read
