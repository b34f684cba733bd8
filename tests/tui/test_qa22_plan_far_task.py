"""One task due far past the plan does not squeeze the plan's 60 days into a few cells.

Found at 80x24 (qa21, left as item 2): with one task's deadline edited to a year out,
the axis was scaled to the whole year, every other bar was one cell at the left and
the axis read only "W1 01 Dec".  The axis now spans at most two plans' lengths; a task
ending later runs to the right edge and ends in an arrow, its line under the bar names
its date with the year.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PlanTask
from models.export.templates import create_from_template
from models.rules.demo import complete_demo
from tests.helpers import until
from tui.app.launch import build_app
from tui.widgets.plan_timeline import PlanTimeline

START = dt.date(2026, 3, 2)
FAR = dt.date(2027, 3, 1)


def _far_plan(db_path: Path) -> int:
    store = Store(db_path, who="tester")
    wid = create_from_template(store, "login-lockout")
    complete_demo(store, wid, START)
    last = store.plan_tasks(wid)[-1]
    assert last.id is not None
    store.update(PlanTask, last.id, deadline=FAR)
    store.close()
    return wid


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_task_a_year_out_keeps_the_sixty_days_readable(
        db_path: Path, size: tuple[int, int]) -> None:
    wid = _far_plan(db_path)
    app = build_app(db_path, wid, step="plan")
    async with app.run_test(size=size) as pilot:
        assert await until([pilot], lambda: bool(app.screen.query(PlanTimeline))
                           and bool(app.screen.query_one(PlanTimeline).tasks))
        timeline = app.screen.query_one(PlanTimeline)
        lines = timeline.render().plain.splitlines()
        far = next(i for i, t in enumerate(timeline.tasks) if t.deadline == FAR)
    names = lines[0]
    for mark in ("W1", "W3", "W5", "W7", "D60"):
        assert mark in names.split(), names
    bar_row, detail = lines[2 + 2 * far], lines[3 + 2 * far]
    assert "→" in bar_row, bar_row
    assert "2027" in detail, detail
    day_60 = START + dt.timedelta(days=59)
    review = next(i for i, t in enumerate(timeline.tasks) if t.deadline == day_60)
    review_bar = lines[2 + 2 * review]
    bar_w = bar_row.index("→") + 1 - 12  # the far bar ends at the bars' right edge
    # the day-60 review sits near the middle of the bars, not in their first cells
    assert review_bar.index("█") - 12 >= 2 * bar_w // 5, review_bar
