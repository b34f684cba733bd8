"""The plan timeline's phase column names every phase in full at 80x24.

The column was nine cells wide: "Queued cards" came out as "Queued c…" and "After
day 60 — next cycle" as "After da…", so the room could not tell this cycle's
queue from the next cycle's without opening each task.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.db.store import Store
from models.export.templates import create_from_template
from models.rules.demo import complete_demo
from tui.app.launch import build_app
from tui.widgets.plan_timeline import LABEL_W, PlanTimeline


async def test_queued_and_next_cycle_phases_are_not_cut_at_80x24(db_path: Path) -> None:
    store = Store(db_path, who="tester")
    wid = create_from_template(store, "login-lockout")
    complete_demo(store, wid, dt.date(2026, 3, 2))
    store.close()
    app = build_app(db_path, wid, step="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one(PlanTimeline)
        await pilot.pause()
        rows = timeline.render().plain.splitlines()[2::2]  # under the axis: bar, then detail
        labels = [row[1:LABEL_W - 1].strip() for row in rows]
    assert "…" not in "".join(labels), labels
    assert {"Queued", "Next cycle"} <= set(labels), labels
