"""The monthly copies of the day-60 leadership review: their dates, and the calendar rule.

The method asks its four questions every month, so the review on day 60 repeats monthly
after the plan.  A copy that falls on a Saturday or Sunday moves back to the Friday before,
the rule every plan deadline follows (``plan.workday_on_or_before``); a copy on the 1st or
2nd of a month moves forward to the Monday after instead, because the Friday before can lie
in the previous month and a monthly calendar rule (RFC 5545 ``BYSETPOS``) chooses inside
one month: so every month holds exactly one copy, and the calendar's RRULE gives the same
dates as the plan (``tests/models/test_review_copies.py`` expands it with dateutil).

The series follows the review task's stored deadline, not the plan's original day 60: the
deadline is what the room agreed (and may edit), and a calendar moves a series the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from models.rules.plan import MONTHLY_REVIEW_KEY, workday_on_or_before

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import PlanTask
    from models.rules.plan_preview import PreviewTask

SURE_DAYS = 28  # every month has these days; later ones are counted from the month's end
FORWARD_DAYS = 2  # a copy on the 1st or 2nd moves forward: its Friday may be last month
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")


def month_length(year: int, month: int) -> int:
    """The number of days in a month: from its first to the next month's first.

    ``calendar.monthrange`` answers the same, but the export needs nothing else from
    ``calendar``, and importing it costs every export ~1.8 M instructions (issue 18).
    """
    if month == 12:  # the next month's first may be past the last year a date holds
        return 31
    return (dt.date(year, month + 1, 1) - dt.date(year, month, 1)).days


def _month_day(anchor: dt.date) -> int:
    """The anchor's day, or from the 29th on its distance from the month's end (-1 = last):
    RFC 5545 skips a month without the day, and every month has a last day."""
    if anchor.day <= SURE_DAYS:
        return anchor.day
    return anchor.day - month_length(anchor.year, anchor.month) - 1


def review_copy(anchor: dt.date, months: int) -> dt.date | None:
    """The copy ``months`` months after the review on ``anchor``, on a working day (``None``
    past the last year a date can hold: a deadline typed as 9999-12-31 has no next month)."""
    index = anchor.year * 12 + anchor.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    day = _month_day(anchor)
    if day < 0:
        day += month_length(year, month) + 1
    date = dt.date(year, month, day)
    if date.weekday() < 5:
        return date
    if day <= FORWARD_DAYS:
        return date + dt.timedelta(days=7 - date.weekday())  # the 1st or 2nd: never near an end
    return workday_on_or_before(date)


def monthly_rule(anchor: dt.date) -> dict[str, object]:
    """The RRULE parts for the copies of a review on ``anchor`` (``icalendar.vRecur`` keys).

    The anchor's day and the two days before it, working days only, the last of them
    (``BYSETPOS=-1``): the day itself on a working day, else the Friday before.  On the 1st
    or 2nd, the day and the two after it, the first of them.
    """
    day = _month_day(anchor)
    forward = 0 < day <= FORWARD_DAYS
    days = [day, day + 1, day + 2] if forward else [day - 2, day - 1, day]
    return {"freq": "MONTHLY", "byday": list(WEEKDAYS), "bymonthday": days,
            "bysetpos": 1 if forward else -1}


def review_copies(tasks: Sequence[PlanTask | PreviewTask], count: int) -> list[dt.date]:
    """The next ``count`` monthly copies after the plan's day-60 review task, in order
    (none without one: an unsaved plan's preview tasks count)."""
    anchor = next((t.deadline for t in tasks
                   if t.key == MONTHLY_REVIEW_KEY and t.deadline is not None), None)
    if anchor is None:
        return []
    copies = (review_copy(anchor, n) for n in range(1, count + 1))
    return [d for d in copies if d is not None]
