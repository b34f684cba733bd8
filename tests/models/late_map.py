"""A stored workshop whose second card was due two years before the plan's day 1.

The map of QA session 8 (deadlines from an earlier cycle, moved to a new start date),
shrunk to two cards: the models, CLI and TUI tests of "day 1 is the start date" all
open it.
"""

from __future__ import annotations

import datetime as dt

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint

START = dt.date(2026, 5, 4)  # a Monday
PAST = dt.date(2024, 3, 15)  # a Friday, two years before


def late_map(store: Store) -> int:
    """A workshop starting on START whose second card was due on PAST."""
    w = store.create_workshop(title="Lockout", start_date=START)
    stage = store.load(w.id).stages[0]
    tp = store.add(Touchpoint(stage_id=stage.id, name="Form", owner_team="Support"))
    for n, deadline in enumerate((None, PAST)):
        pain = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, impact=3, effort=1,
                                   ticket_volume=100 - n, description=f"pain {n}"))
        store.add(HypothesisCard(pain_point_id=pain.id, experiment=f"fix {n}", owner="Ana",
                                 deadline=deadline))
    return int(w.id or 0)
