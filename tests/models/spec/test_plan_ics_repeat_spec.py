"""The monthly leadership review in the calendar file (models/export/plan_ics.py): the day-60
review is a monthly series (RFC 5545 RRULE) so a calendar shows every month's review after
the plan; every other event happens once.  Typed text stays text around the rule, and a
Unicode line break (NEL, U+2028) is the same typed line break as "\\n" in every text
property, never a raw control byte in the file."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Workshop
from models.export.plan_ics import plan_ics

DAY = dt.date(2026, 3, 10)
HOSTILE = 'Board "monthly", ok;\nRRULE:FREQ=DAILY\r\nEND:VEVENT\\n <b>[x]</b>'


def _task(**changes: Any) -> PlanTask:
    values: dict[str, Any] = {"id": 1, "workshop_id": 7, "key": "review",
                              "title": "Monthly leadership review (repeats monthly)",
                              "phase": "Day 60", "deadline": DAY}
    values.update(changes)
    return PlanTask(**values)


def _journey(*tasks: PlanTask, **workshop: Any) -> Journey:
    pain = PainPoint(id=3, workshop_id=7, description="Reset link expires")
    card = HypothesisCard(id=4, pain_point_id=3, experiment="Longer links", deadline=DAY)
    return Journey(workshop=Workshop(id=7, title=workshop.get("title", "Login lockout"),
                                     updated_at=dt.datetime(2026, 3, 2, 14, 5, 6)),
                   pain_points=[pain], cards=[card], plan_tasks=list(tasks))


def _events(journey: Journey) -> dict[str, Any]:
    cal = Calendar.from_ical(plan_ics(journey, DAY))
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def _occurrences(event: Any, count: int) -> list[dt.date]:
    rule = event["rrule"].to_ical().decode()
    start = dt.datetime.combine(event["dtstart"].dt, dt.time())
    return [d.date() for d in rrulestr(rule, dtstart=start)[:count]]


RULE = b"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYMONTHDAY=8,9,10;BYSETPOS=-1"


def test_the_day_60_review_repeats_every_month_from_its_date() -> None:
    events = _events(_journey(_task()))
    review = events["journeymap-w7-plan-review"]
    assert review["rrule"].to_ical() == RULE
    # Sunday 10 May 2026 moves back to Friday 8 May, as the plan's deadlines do
    assert _occurrences(review, 4) == [DAY, dt.date(2026, 4, 10), dt.date(2026, 5, 8),
                                       dt.date(2026, 6, 10)]


@pytest.mark.parametrize("deadline", [dt.date(2026, 1, 31), dt.date(2026, 3, 30),
                                      dt.date(2024, 2, 29), dt.date(2026, 5, 29)])
def test_a_review_late_in_the_month_still_shows_in_every_month(deadline: dt.date) -> None:
    review = _events(_journey(_task(deadline=deadline)))["journeymap-w7-plan-review"]
    shown = sorted({*_occurrences(review, 13), *(d.dt for d in review["rdate"].dts)}
                   if "rdate" in review else _occurrences(review, 14))[:14]
    assert shown[0] == deadline
    months = [(d.year, d.month) for d in shown]
    first = deadline.year * 12 + deadline.month - 1
    assert months == [((first + n) // 12, (first + n) % 12 + 1) for n in range(14)]


def test_every_other_event_happens_once() -> None:
    tasks = [_task(), _task(id=2, key="review-30", phase="Day 30"),
             _task(id=3, key="baseline", title="Baseline"), _task(id=4, key="", title="Hand")]
    events = _events(_journey(*tasks))
    assert sorted(uid for uid, e in events.items() if "rrule" in e) == [
        "journeymap-w7-plan-review"]
    assert len(events) == 5


def test_an_edited_review_keeps_repeating_and_its_text_stays_literal() -> None:
    events = _events(_journey(_task(title=HOSTILE, detail=HOSTILE, owner=HOSTILE),
                              title=HOSTILE))
    assert len(events) == 2
    review = events["journeymap-w7-plan-review"]
    shown = HOSTILE.replace("\r\n", "\n")
    assert str(review["summary"]) == f"Due: {shown}"
    assert str(review["description"]).endswith(f"\n\n{shown}")
    assert review["rrule"].to_ical() == RULE


def test_a_dropped_review_is_a_cancelled_series() -> None:
    review = _events(_journey(_task(status="dropped")))["journeymap-w7-plan-review"]
    assert str(review["status"]) == "CANCELLED" and "rrule" in review


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_a_unicode_line_break_is_a_typed_line_break_in_every_text_property(brk: str) -> None:
    typed = f"first{brk}second"
    raw = plan_ics(_journey(_task(title=typed, owner=typed, detail=typed), title=typed), DAY)
    assert brk.encode() not in raw
    again = plan_ics(_journey(_task(title="first\nsecond", owner="first\nsecond",
                                    detail="first\nsecond"), title="first\nsecond"), DAY)
    assert raw == again
