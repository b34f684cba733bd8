"""Words and styles for dates and statuses on the output screens (Cards, Tracker, Plan).

Plain functions, no widgets: the step views, the card and timeline widgets and
the export dialog all show deadlines the same way, so they import these from
here rather than from a step module (which would point widgets up at steps).
The wording itself comes from ``models.rules.tracker.due_text``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from models.vocab import CARD_STATUSES, CLOSED_STATUSES

if TYPE_CHECKING:
    from models.db.journey import Journey

STATUS_CYCLE: tuple[str, ...] = CARD_STATUSES


def next_status(status: str) -> str:
    """proposed → in progress → done → dropped → proposed (one key cycles them)."""
    if status not in STATUS_CYCLE:
        return STATUS_CYCLE[0]
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


def due_label(deadline: dt.date | None, status: str, on: dt.date) -> str:
    """Days left, "due today", or "OVERDUE by n days": the tracker rule's words."""
    from models.rules.tracker import due_text

    return due_text(deadline, status, on)


def due_style(deadline: dt.date | None, status: str, on: dt.date) -> str:
    if status in CLOSED_STATUSES or deadline is None:
        return "dim" if status in CLOSED_STATUSES else ""
    days = (deadline - on).days
    return "bold reverse red" if days < 0 else ("bold yellow" if days <= 3 else "")


def fmt_date(value: dt.date | None) -> str:
    """"Mon 02 Mar 2026": the weekday helps a room agree on a deadline."""
    return value.strftime("%a %d %b %Y") if value is not None else "—"


def slug(text: str, fallback: str = "workshop") -> str:
    """A file-name-safe slug of a title: "Admin locked out" -> "admin-locked-out"."""
    words = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return words[:60].strip("-") or fallback


def default_export_path(journey: Journey) -> str:
    """./<slug>-action-plan.md in the directory journeymap was started from."""
    from models.rules.tracker import workshop_title

    name = slug(workshop_title(journey), f"workshop-{journey.workshop.id or 0}")
    return f"./{name}-action-plan.md"
