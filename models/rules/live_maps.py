"""Which maps are live: the journey as it runs today, not a design of it after the fixes.

A to-be copy (``Workshop.state`` "future", made by ``export.future_copy``) is the
method's future-state map: the journey redesigned, linked to its as-is and used for the
business case.  Nobody operates it, so it is not reviewed monthly, its cards are not
work anyone owes, and it is no journey to map next.  Every place that lists the maps
people keep alive (review reminders, the tracker's "all workshops", the leadership
review's portfolio) asks ``is_live``; ``journeymap list`` and Home still show a to-be
copy, with its marker.  Stdlib only: Home's first screen asks it without the ORM.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from models.vocab import WORKSHOP_STATES

AS_IS, TO_BE = WORKSHOP_STATES


class _Mapped(Protocol):
    @property
    def workshop(self) -> object: ...


Mapped = TypeVar("Mapped", bound=_Mapped)


def is_live(workshop: object) -> bool:
    """Whether the workshop maps the journey people operate (not a to-be design)."""
    return getattr(workshop, "state", AS_IS) != TO_BE


def live(journeys: Iterable[Mapped]) -> list[Mapped]:
    """The journeys whose workshop is live, in their order."""
    return [j for j in journeys if is_live(j.workshop)]


def follow_up_elsewhere(workshop: object, as_is_title: str = "", *, opening: str = "The") -> str:
    """The one sentence a to-be design shows where a live map has its plan and tracker.

    Why one sentence and not an empty plan: the exports, ``plan``, ``tracker`` and the
    app's Plan and Tracker steps all meet a to-be copy, and each used to show the
    generated plan preview, with overdue counts for the cards the room designed.  A
    design has no 60-day plan and nothing in it can be late; the work is planned and
    tracked on the as-is map, which this names (``as_is_title`` already escaped for
    wherever the sentence goes; its number alone when the caller has no title).
    ``opening`` lets a refusal lead into it ("Workshop 4 is a to-be design …: its").
    """
    source = getattr(workshop, "as_is_workshop_id", None)
    if source is None:
        named = "its as-is map"
    elif as_is_title:
        named = f"“{as_is_title}” (workshop {source})"
    else:
        named = f"workshop {source}"
    return (f"{opening} 60-day plan and the tracker belong to the live map this design was "
            f"copied from, {named}: plan the work and track it there.")
