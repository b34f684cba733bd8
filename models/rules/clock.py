"""What "today" is, for every date the app counts from.

Days left, OVERDUE and a plan's default start all hang on today's date, so it is
read in exactly one place: ``JOURNEYMAP_TODAY=2026-04-30`` pins it (a lead
rehearsing the day-60 review; snapshot tests) for the TUI, the CLI and the
exports alike.  A malformed value is ignored rather than fatal, and so is a date no
workshop can hold (``DATE_SPAN``): pinned at 9999-12-31 a tracker counted
"OVERDUE by 2912081 days", and the variable can reach a guest's seat over SSH.
"""

from __future__ import annotations

import datetime as dt
import os

from models.vocab import DATE_SPAN, TODAY_ENV


def today() -> dt.date:
    """The local date, or the one pinned by ``JOURNEYMAP_TODAY``."""
    try:
        pinned = dt.date.fromisoformat(os.environ[TODAY_ENV].strip())
    except (KeyError, ValueError):  # unset, blank or not a date: the local date
        return dt.date.today()
    low, high = (dt.date.fromisoformat(day) for day in DATE_SPAN)
    return pinned if low <= pinned <= high else dt.date.today()
