"""The Plan step: generated on the first visit, the review answered, an edited task kept
when the plan is regenerated.  Split from ``test_tui_outputs.py`` (Cards, Tracker, Export).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.workshop import Workshop
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, settle
from tests.tui.output_screens import editor, reload, screen_text, type_into
from tui.app.launch import build_app
from tui.widgets.plan_timeline import PlanTimeline


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


# -- Plan ---------------------------------------------------------------------------

async def test_plan_is_generated_on_first_visit_and_review_answers(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store, plan=False)
    app = build_app(db_path, wid, step="plan")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tasks = reload(db_path, wid).plan_tasks
        assert [t.key for t in tasks][:7] == ["baseline", "owners", "implement", "measure",
                                              "review-30", "standardize", "review"]
        assert all(t.key.startswith("card-") for t in tasks[7:])  # every other card
        assert tasks[6].deadline == dt.date(2026, 4, 30)  # day 60 from 2 March
        overdue_text = screen_text(app)
        # every card is on the plan now, so the review sits further down: scroll to it
        app.screen.query_one("#review-a4").scroll_visible(animate=False, top=True)
        await settle(pilot)
        text = screen_text(app) + overdue_text
        assert "Which journey should we map next?" in text
        assert "Map “Invoice dispute” next" in text  # the other workshop, by name
        assert "OVERDUE" in text  # weeks 1-2 ended on 13 March, today is 20 March


async def test_regenerate_keeps_an_edited_task(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one(PlanTimeline)
        await pilot.press("down", "down")  # the "implement" task
        await settle(pilot)
        chosen = timeline.selected()
        assert chosen is not None and chosen.key == "implement"
        await pilot.press("enter")
        await settle(pilot)
        form = editor(app).form
        await type_into(pilot, form.field("owner"), "Sam")  # type: ignore[arg-type]
        await pilot.press("enter")
        await type_into(pilot, form.field("title"), "Ship the reset status line")  # type: ignore[arg-type]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        task = next(t for t in reload(db_path, wid).plan_tasks if t.key == "implement")
        assert (task.owner, task.title, task.edited) == ("Sam", "Ship the reset status line",
                                                        True)
        # change the map so a regeneration would rewrite an unedited task
        with Store(db_path) as store:
            store.update(Workshop, wid, facilitator="Lee")
        app.reload_journey()
        await pilot.press("r")
        await settle(pilot)
        tasks = {t.key: t for t in reload(db_path, wid).plan_tasks}
        assert len(tasks) == 7 + len(reload(db_path, wid).cards) - 1  # 7 + the other cards
        assert (tasks["implement"].owner, tasks["implement"].title) == (
            "Sam", "Ship the reset status line")
        assert tasks["baseline"].owner == "Lee"  # not edited: regenerated
        assert any("1 edited task kept" in str(n.message) for n in app._notifications)
