"""Date arithmetic that cannot overflow, for outputs of values already stored.

Dates entered today are checked against ``models.db.fields.DATE_MIN..DATE_MAX``,
but an older file may hold 9999-12-31 or 0001-01-01, and ``date + timedelta``
then raises ``OverflowError`` in the plan, the calendar export or the plan step.
Saturating at the ends of Python's calendar keeps every output drawable; the odd
date shows the person what to correct on Scope.
"""

from __future__ import annotations

import datetime as dt

from models.db.fields import DATE_MAX, DATE_MIN, DATE_RANGE, FieldError


def shift(day: dt.date, days: int) -> dt.date:
    """``day + days``, clamped to ``date.min .. date.max`` instead of overflowing.

    Counted in day numbers (``toordinal``), which any int holds, and clamped to the
    calendar's first and last: no overflow to catch, and no sign of ``days`` to test."""
    ordinal = day.toordinal() + days
    return dt.date.fromordinal(
        min(max(ordinal, dt.date.min.toordinal()), dt.date.max.toordinal()))


def plan_within_span(start: dt.date | None, days: list[dt.date]) -> None:
    """Refuse, before anything is written, a plan with a date no workshop holds.

    Saving checks each task on its own, so a plan running past 2199-12-31 was half
    rewritten before its first out-of-range deadline stopped it, and the sentence named
    that deadline, not the start the lead chose.
    """
    if days and not DATE_MIN <= min(days) <= max(days) <= DATE_MAX:
        first = (start or min(days)).isoformat()
        odd = max(days) if max(days) > DATE_MAX else min(days)
        raise FieldError(f"A plan starting {first} would have a date on {odd.isoformat()}; a "
                         f"workshop holds dates between {DATE_RANGE} only, so choose another "
                         "start date.")
