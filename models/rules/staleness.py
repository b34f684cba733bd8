"""A map that asks to be kept alive: is its monthly review due, and by how many days?

Method document 002 names the first failure pattern: teams map journeys once,
then fail to maintain them.  A map is due for review when its last review is
more than ``REVIEW_EVERY_DAYS`` ago, or when it was never reviewed and was
created longer ago than that (a fresh map is not overdue on its first day).  A to-be
copy is never due: it is a design, not a map anyone operates (``live_maps.is_live``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.rules.live_maps import is_live
from models.rules.safe_dates import shift
from models.vocab import REVIEW_EVERY_DAYS

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.journey import Journey
    from models.db.tables.workshop import Workshop
    from models.rules.tracker import TrackerItem


TO_BE_TEXT = "a to-be design: the monthly review is its as-is map's"


@dataclass(frozen=True)
class ReviewStatus:
    """When the map was last reviewed, whether a review is due, and how overdue it is."""

    workshop: Workshop
    last_reviewed: dt.date | None
    due: bool
    days_overdue: int  # 0 when not due
    text: str


def _created(workshop: Workshop) -> dt.date:
    created = workshop.created_at
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC)
    return created.date()


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def review_status(workshop: Workshop, today: dt.date) -> ReviewStatus:
    """The review state of one map on ``today`` (a date, so tests and the UI agree)."""
    last = workshop.last_reviewed_at
    if not is_live(workshop):
        return ReviewStatus(workshop, last, False, 0, TO_BE_TEXT)
    since = last if last is not None else _created(workshop)
    age = (today - since).days
    due = age > REVIEW_EVERY_DAYS
    overdue = age - REVIEW_EVERY_DAYS if due else 0
    if last is None:
        text = (f"never reviewed; review due ({_days(overdue)} overdue)" if due
                else "never reviewed; first review due "
                f"{shift(since, REVIEW_EVERY_DAYS).isoformat()}")
    elif due:
        text = (f"last reviewed {last.isoformat()} ({_days(age)} ago); "
                f"review {_days(overdue)} overdue")
    else:
        text = f"last reviewed {last.isoformat()} ({_days(age)} ago)"
    return ReviewStatus(workshop, last, due, overdue, text)


def review_words(status: ReviewStatus) -> str:
    """The review column of Home and ``journeymap list``: the last review's date (or
    "never"), then "DUE" in words so it shows without colour; "—" for a to-be design."""
    if not is_live(status.workshop):
        return "—"
    last = status.last_reviewed.isoformat() if status.last_reviewed else "never"
    return f"{last} DUE" if status.due else last


def stale_maps(workshops: Iterable[Workshop], today: dt.date) -> list[ReviewStatus]:
    """Maps due for review, most overdue first (ties by id, so the order is stable)."""
    due = [s for s in (review_status(w, today) for w in workshops) if s.due]
    return sorted(due, key=lambda s: (-s.days_overdue, s.workshop.id or 0))


def none_stale(workshops: Iterable[Workshop], today: dt.date) -> str:
    """The answer when no map is due, true to the data: a map never reviewed is not
    "reviewed within the last 30 days", it is new, and its first review has a date."""
    fresh = [review_status(w, today) for w in workshops if is_live(w)]
    never = [s for s in fresh if s.last_reviewed is None]
    if not never:
        return f"None: every map was reviewed within the last {REVIEW_EVERY_DAYS} days."
    first = min(shift(_created(s.workshop), REVIEW_EVERY_DAYS) for s in never)
    count = len(never)
    maps = "1 map has" if count == 1 else f"{count} maps have"
    its = "its" if count == 1 else "the earliest"
    return (f"None is overdue: {maps} never been reviewed; {its} first review is due "
            f"{first.isoformat()}.")


def review_item(journey: Journey, today: dt.date) -> TrackerItem:
    """The map's next monthly review as a tracker line, owned by the workshop's lead.

    Kind "review", id the workshop's; overdue exactly when ``review_status`` says due,
    so ``tracker --overdue`` can list stale maps beside late cards and tasks.
    """
    # here, not at the top: Home's review column (the app's first screen) imports this
    # module, and the tracker's imports are a third of what it takes to show the list
    from models.rules.tracker import TrackerItem, workshop_title

    workshop = journey.workshop
    status = review_status(workshop, today)
    since = status.last_reviewed or _created(workshop)
    deadline = shift(since, REVIEW_EVERY_DAYS)
    return TrackerItem(kind="review", item_id=int(workshop.id or 0),
                       workshop_id=int(workshop.id or 0), workshop_title=workshop_title(journey),
                       title="Monthly review of the journey map", owner=workshop.lead.strip(),
                       deadline=deadline, status="proposed", days_left=(deadline - today).days,
                       overdue=status.due)
