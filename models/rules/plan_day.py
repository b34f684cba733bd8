"""Which date is day 1 of a saved plan: one answer for the app, the CLI and every export.

Stdlib only, so the Plan step and the exports can ask without importing the
plan generator (and the rules it needs) just to draw a header.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any


def plan_day_one(start_date: dt.date | None, tasks: Sequence[Any]) -> dt.date | None:
    """Day 1 of a saved plan, the one date every output names as its start.

    It is the workshop's start date.  Without one, it is the date the plan was
    generated from (its unedited baseline task starts on day 1), then the
    earliest task.  Never the earliest task when a date is known: a card due
    before day 1 is a late commitment, not the plan's beginning.
    """
    if start_date is not None:
        return start_date
    baseline = next((t.start for t in tasks
                     if t.key == "baseline" and not t.edited and t.start is not None), None)
    if baseline is not None:
        return baseline
    return min((t.start for t in tasks if t.start is not None), default=None)
