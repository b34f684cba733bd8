"""A workshop whose dates sit at the ends of what ``datetime.date`` holds.

An older journeymap (or a hand-edited file) could store 9999-12-31 or 0001-01-01: the
dates are written behind the store's checks with sqlite3, and the CLI and the TUI must
show them without an overflow. Shared by ``tests/cli`` and ``tests/tui``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask

EXTREMES = ["9999-12-31", "0001-01-01", "9999-12-26"]  # the last is a Sunday near the end


def stored_extreme(db: Path, day: str, *, with_plan: bool) -> int:
    with Store(db, who="t") as store:
        w = store.create_workshop(title="x", persona="p", scenario="s",
                                  start_date="2026-03-02")
        pain = store.add(PainPoint(workshop_id=w.id, description="loop", kind="loop",
                                   ticket_volume=100))
        store.add(HypothesisCard(pain_point_id=pain.id, experiment="e", owner="o",
                                 deadline="2026-04-01"))
        if with_plan:
            store.add(PlanTask(workshop_id=w.id, title="a", owner="o", start="2026-03-01",
                               deadline="2026-04-01"))
    conn = sqlite3.connect(db)
    with conn:  # written behind the checks, as an older journeymap could have
        conn.execute("UPDATE workshop SET start_date = ?", (day,))
        conn.execute("UPDATE hypothesiscard SET deadline = ?", (day,))
        conn.execute("UPDATE plantask SET start = ?, deadline = ?", (day, day))
    conn.close()
    return int(w.id or 0)
