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
    """``day + days``, clamped to ``date.min .. date.max`` instead of overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
