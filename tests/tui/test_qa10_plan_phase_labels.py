"""The plan's timeline names every phase in its label column, also at 80 columns.

Found over SSH at 80x24 in session 10: the label column (9 cells) cut "Queued cards"
to "Queued c…" and "After day 60 — next cycle" to "After da…", so the one word that
says a card waits for the next cycle was the word cut.  The timeline shows a phase's
short name when the full one does not fit.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.rules.plan import NEXT_CYCLE_PHASE, QUEUED_PHASE
from tests.helpers import outputs_workshop, settle
from tui.app.launch import build_app
from tui.widgets.plan_timeline import PlanTimeline


async def test_queued_and_next_cycle_phases_are_named_whole_at_80x24(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="tester") as store:
        wid = outputs_workshop(store)
        phases = {t.phase for t in store.load(wid).plan_tasks}
    assert {QUEUED_PHASE, NEXT_CYCLE_PHASE} <= phases
    app = build_app(db, wid, step="plan", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        drawn = app.screen.query_one(PlanTimeline).render().plain
    labels = {line[1:10].rstrip() for line in drawn.splitlines()[2::2]}
    assert {"Queued", "After D60"} <= labels, labels
    assert not any(label.endswith("…") for label in labels), labels
