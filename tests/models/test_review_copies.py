"""The monthly copies of the day-60 leadership review never fall on a weekend, and the
calendar's RRULE gives exactly the dates the plan gives (expanded with dateutil)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from models.db.journey import Journey
from models.db.tables.cards import PlanTask
from models.db.tables.workshop import Workshop
from models.export.plan_ics import plan_ics
from models.rules.review import month_items
from models.rules.review_copies import month_length, review_copies, review_copy


def _ics_review(anchor: dt.date) -> Any:
    task = PlanTask(id=1, workshop_id=7, key="review", title="Monthly leadership review",
                    phase="Day 60", deadline=anchor)
    journey = Journey(workshop=Workshop(id=7, title="Lockout",
                                        updated_at=dt.datetime(2026, 3, 2, 14, 5, 6)),
                      plan_tasks=[task])
    events = Calendar.from_ical(plan_ics(journey, anchor)).walk("VEVENT")
    return next(e for e in events if "rrule" in e)


def _expanded(anchor: dt.date, count: int) -> list[dt.date]:
    """The event's dates as a calendar reads them: DTSTART, RRULE and any RDATE."""
    event = _ics_review(anchor)
    lines = [f"DTSTART:{event['dtstart'].dt:%Y%m%d}",
             f"RRULE:{event['rrule'].to_ical().decode()}"]
    if "rdate" in event:
        lines.append(f"RDATE:{event['rdate'].to_ical().decode()}")
    return [d.date() for d in list(rrulestr("\n".join(lines), forceset=True))[:count]]


@pytest.mark.parametrize(("anchor", "month", "expected"), [
    (dt.date(2026, 3, 13), 3, dt.date(2026, 6, 12)),   # Sat 13 June -> Fri 12 June
    (dt.date(2026, 3, 16), 5, dt.date(2026, 8, 14)),   # Sun 16 Aug -> Fri 14 Aug
    (dt.date(2026, 3, 16), 1, dt.date(2026, 4, 16)),   # a Thursday stays
    (dt.date(2026, 5, 1), 3, dt.date(2026, 8, 3)),     # Sat 1 Aug -> Mon 3 Aug (stays in Aug)
    (dt.date(2026, 6, 2), 2, dt.date(2026, 8, 3)),     # Sun 2 Aug -> Mon 3 Aug (stays in Aug)
    (dt.date(2026, 3, 31), 2, dt.date(2026, 5, 29)),   # last day: Sun 31 May -> Fri 29 May
])
def test_a_copy_on_a_weekend_moves_to_a_working_day_of_its_month(
        anchor: dt.date, month: int, expected: dt.date) -> None:
    assert review_copy(anchor, month) == expected


@given(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)))
def test_the_calendar_rule_gives_the_plans_dates_and_never_a_weekend(anchor: dt.date) -> None:
    plan = [review_copy(anchor, n) for n in range(1, 25)]
    assert all(d.weekday() < 5 for d in plan)
    months = [(d.year, d.month) for d in plan]
    assert len(set(months)) == 24  # one copy in each month, none skipped
    shown = _expanded(anchor, 25)
    assert shown == [anchor, *plan]  # the deadline itself, then one copy a month


def test_the_rule_is_written_with_bysetpos() -> None:
    rule = _ics_review(dt.date(2026, 3, 13))["rrule"].to_ical().decode()
    assert rule == "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYMONTHDAY=11,12,13;BYSETPOS=-1"


def test_the_next_copies_follow_the_review_task() -> None:
    task = PlanTask(id=1, workshop_id=7, key="review", deadline=dt.date(2026, 3, 13))
    assert review_copies([task], 3) == [dt.date(2026, 4, 13), dt.date(2026, 5, 13),
                                        dt.date(2026, 6, 12)]
    assert review_copies([], 3) == []


def test_a_month_after_the_plan_lists_its_review_copy() -> None:
    task = PlanTask(id=1, workshop_id=7, key="review", title="Monthly leadership review",
                    deadline=dt.date(2026, 3, 13), owner="Ana")
    journey = Journey(workshop=Workshop(id=7, title="t"), plan_tasks=[task])
    text = month_items(journey, "2026-06", dt.date(2026, 6, 1))
    assert "2026-06-12" in text and "Monthly leadership review" in text


@given(st.integers(dt.MINYEAR, dt.MAXYEAR), st.integers(1, 12))
def test_a_month_s_length_is_the_calendar_s(year: int, month: int) -> None:
    assert month_length(year, month) == calendar.monthrange(year, month)[1]
