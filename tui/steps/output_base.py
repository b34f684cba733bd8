"""What the three output screens (Cards, Tracker, Plan) share.

Why a module of its own: "today" decides days left and OVERDUE on every output
screen and in the export, so it is read in exactly one place (tests and
snapshots freeze it by patching ``today``); the status cycle, the words for
days left and the export key are the same on all three screens.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import TYPE_CHECKING, Any, ClassVar

from textual.binding import Binding

from tui.steps.base import StepView

if TYPE_CHECKING:
    from models.db.journey import Journey

# Same values as models.db.tables.CARD_STATUSES (kept here so this module needs no SQLModel).
STATUS_CYCLE: tuple[str, ...] = ("proposed", "in_progress", "done", "dropped")
CLOSED: frozenset[str] = frozenset({"done", "dropped"})


TODAY_ENV = "JOURNEYMAP_TODAY"  # YYYY-MM-DD: rehearse a review date, or pin snapshots


def today() -> dt.date:
    """The date the output screens count days from.

    ``JOURNEYMAP_TODAY=2026-04-30`` pins it (a lead rehearsing the day-60
    review; snapshot tests); a malformed value is ignored rather than fatal.
    """
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()


def status_label(status: str) -> str:
    """"in_progress" -> "in progress": how people say it."""
    return status.replace("_", " ")


def next_status(status: str) -> str:
    """proposed → in progress → done → dropped → proposed (one key cycles them)."""
    if status not in STATUS_CYCLE:
        return STATUS_CYCLE[0]
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def due_label(deadline: dt.date | None, status: str, on: dt.date) -> str:
    """Days left, "due today", or "OVERDUE n days" in words (readable without colour)."""
    if status in CLOSED:
        return status_label(status)
    if deadline is None:
        return "no deadline"
    days = (deadline - on).days
    if days < 0:
        return f"OVERDUE {plural(-days, 'day')}"
    if days == 0:
        return "due today"
    return f"{plural(days, 'day')} left"


def due_style(deadline: dt.date | None, status: str, on: dt.date) -> str:
    if status in CLOSED or deadline is None:
        return "dim" if status in CLOSED else ""
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


class OutputView(StepView):
    """A Cards/Tracker/Plan view: adds the export action (key x, and in the palette)."""

    BINDINGS: ClassVar[list[Any]] = [
        Binding("x", "export", "Export action plan (Markdown)"),
    ]

    def action_export(self) -> None:
        from tui.dialogs.export import start_export

        start_export(self)
