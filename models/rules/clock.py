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
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()
