"""SLA commitments: each escalation level's response time and update cadence as tracker lines.

A severity level promises the customer two things (an answer within its
response SLA, news at its update cadence) and names who keeps the promise (its
tier or role).  That is work with an owner just like a card, so the tracker
lists it in the owner's group next to their cards and tasks.  It has no
deadline: it stands until the matrix changes, and what the lead must chase is
a commitment nobody owns or one without a number, which is flagged in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.rules.escalation import level_name, sla_words
from models.rules.live_maps import is_live
from models.rules.tracker import TrackerItem, due_words, tracker_items, workshop_title
from models.vocab import STANDING

if TYPE_CHECKING:  # the exports read without the ORM
    from models.db.tables.method import EscalationLevel


def _title(level: EscalationLevel) -> str:
    return f"{level_name(level)}: {sla_words(level, channel=True)}"


NO_OWNER, NO_RESPONSE, NO_UPDATES = "no owner", "no response SLA", "no update cadence"


def _flag(level: EscalationLevel) -> str:
    gaps = [word for word, missing in (
        (NO_OWNER, not level.tier_role.strip()),
        (NO_RESPONSE, level.response_sla_minutes is None),
        (NO_UPDATES, level.update_every_minutes is None)) if missing]
    return "; ".join(gaps)


def sla_items(journeys: Iterable[Journey]) -> list[TrackerItem]:
    """One item per escalation level, in ladder order, workshop by workshop.

    Standing in a current-state map; "proposed" in a to-be map (its copy of the
    ladder is the redesign), so the all-workshops view does not list the same
    promise twice as if both were in force.
    """
    items = []
    for journey in journeys:
        status = "proposed" if not is_live(journey.workshop) else STANDING
        for level in journey.escalation_levels:
            items.append(TrackerItem(
                kind="sla", item_id=int(level.id or 0), workshop_id=int(journey.workshop.id or 0),
                workshop_title=workshop_title(journey), title=_title(level),
                owner=level.tier_role.strip(), deadline=None, status=status, days_left=None,
                overdue=False, flag=_flag(level)))
    return items


def tracked_items(journeys: Iterable[Journey], today: dt.date) -> list[TrackerItem]:
    """What the tracker lists: each workshop's cards and plan tasks, then its SLA commitments.

    Kept apart from ``tracker_items`` because the review and the summary count
    dated work only; a standing promise is never due nor done.
    """
    items: list[TrackerItem] = []
    for journey in journeys:
        items += tracker_items([journey], today) + sla_items([journey])
    return items


def item_due(item: TrackerItem) -> str:
    """The "due" words of any tracker item; a commitment's gaps in capitals, else "ongoing".

    Capitals, like OVERDUE, so what needs chasing stands out without colour; short
    ("NO OWNER/SLA": no owner, a time missing) so it fits the column at 80
    columns, where the item's own words already say which time is not set.
    """
    if item.kind != "sla":
        return due_words(item.days_left, item.status)
    lacks = set(item.flag.split("; "))
    gaps = [word for word, missing in (("OWNER", NO_OWNER in lacks),
                                       ("SLA", bool({NO_RESPONSE, NO_UPDATES} & lacks)))
            if missing]
    if gaps:
        return "NO " + "/".join(gaps)
    return "ongoing" if item.status == STANDING else "to-be design"
