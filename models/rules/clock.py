"""What "today" is, for every date the app counts from.

Days left, OVERDUE and a plan's default start all hang on today's date, so it is
read in exactly one place: ``JOURNEYMAP_TODAY=2026-04-30`` pins it (a lead
rehearsing the day-60 review; snapshot tests) for the TUI, the CLI and the
exports alike.  A malformed value is ignored rather than fatal.
"""

from __future__ import annotations

import datetime as dt
import os

from models.vocab import TODAY_ENV


def today() -> dt.date:
    """The local date, or the one pinned by ``JOURNEYMAP_TODAY``."""
    try:
        return dt.date.fromisoformat(os.environ[TODAY_ENV].strip())
    except (KeyError, ValueError):  # unset, blank or not a date: the local date
        return dt.date.today()
