"""Date arithmetic that cannot overflow, for outputs of values already stored.

Dates entered today are checked against ``models.db.fields.DATE_MIN..DATE_MAX``,
but an older file may hold 9999-12-31 or 0001-01-01, and ``date + timedelta``
then raises ``OverflowError`` in the plan, the calendar export or the plan step.
Saturating at the ends of Python's calendar keeps every output drawable; the odd
date shows the person what to correct on Scope.
"""

from __future__ import annotations

import datetime as dt


def shift(day: dt.date, days: int) -> dt.date:
    """``day + days``, clamped to ``date.min .. date.max`` instead of overflowing.

    Counted in day numbers (``toordinal``), which any int holds, and clamped to the
    calendar's first and last: no overflow to catch, and no sign of ``days`` to test."""
    ordinal = day.toordinal() + days
    return dt.date.fromordinal(
        min(max(ordinal, dt.date.min.toordinal()), dt.date.max.toordinal()))
