"""A plan task's dates on the Plan step name the year when the plan window does not.

Found at 80x24: a task's deadline edited to 2199-12-31 (the last date a workshop holds)
in a plan that starts 2026-12-01 read "01 Dec–31 Dec", exactly as a task ending
2026-12-31 reads; at 120 columns "Tue 01 Dec → Tue 31 Dec 2199" is right.  Inside the
plan's 60 days a day and month name one date (the header gives the years); outside
them they do not, so such a date carries its year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.db.tables.cards import PlanTask
from tui.widgets.plan_timeline import PlanTimeline

START = dt.date(2026, 12, 1)


def _task(start: dt.date, deadline: dt.date) -> PlanTask:
    return PlanTask(workshop_id=1, title="t", start=start, deadline=deadline)


@pytest.mark.parametrize(("start", "deadline", "narrow"), [
    (START, dt.date(2199, 12, 31), "01 Dec–31 Dec 2199"),
    (START, dt.date(2027, 12, 31), "01 Dec–31 Dec 2027"),
    (dt.date(2025, 12, 15), dt.date(2026, 12, 14), "15 Dec 2025–14 Dec"),
    (dt.date(2026, 12, 15), dt.date(2027, 1, 11), "15 Dec–11 Jan"),
])
def test_a_date_outside_the_plan_window_names_its_year(start: dt.date, deadline: dt.date,
                                                       narrow: str) -> None:
    timeline = PlanTimeline()
    timeline.start = START
    assert timeline._dates(_task(start, deadline), wide=False) == narrow


def test_the_wide_form_keeps_its_year_and_names_a_start_outside_the_window() -> None:
    timeline = PlanTimeline()
    timeline.start = START
    assert timeline._dates(_task(START, dt.date(2026, 12, 14)), wide=True) == \
        "Tue 01 Dec → Mon 14 Dec 2026"
    assert timeline._dates(_task(dt.date(2025, 12, 15), dt.date(2026, 12, 14)), wide=True) \
        == "Mon 15 Dec 2025 → Mon 14 Dec 2026"
