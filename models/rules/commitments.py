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

from models.db.journey import Journey
from models.db.tables import EscalationLevel
from models.rules.escalation import fmt_minutes, level_name
from models.rules.tracker import TrackerItem, due_words, tracker_items, workshop_title
from models.vocab import STANDING


def _title(level: EscalationLevel) -> str:
    respond = (f"respond within {fmt_minutes(level.response_sla_minutes)}"
               if level.response_sla_minutes is not None else "response SLA not set")
    update = (f"update every {fmt_minutes(level.update_every_minutes)}"
              if level.update_every_minutes is not None else "update cadence not set")
    channel = level.channel.strip()
    return f"{level_name(level)}: {respond}, {update}" + (f" via {channel}" if channel else "")


def _flag(level: EscalationLevel) -> str:
    gaps = [word for word, missing in (
        ("no owner", not level.tier_role.strip()),
        ("no response SLA", level.response_sla_minutes is None),
        ("no update cadence", level.update_every_minutes is None)) if missing]
    return "; ".join(gaps)


def sla_items(journeys: Iterable[Journey]) -> list[TrackerItem]:
    """One standing item per escalation level, in ladder order, workshop by workshop."""
    items = []
    for journey in journeys:
        for level in journey.escalation_levels:
            items.append(TrackerItem(
                kind="sla", item_id=int(level.id or 0), workshop_id=int(journey.workshop.id or 0),
                workshop_title=workshop_title(journey), title=_title(level),
                owner=level.tier_role.strip(), deadline=None, status=STANDING, days_left=None,
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
    """The "due" words of any tracker item; a commitment's gaps in capitals, else "standing".

    Capitals, like OVERDUE, so what needs chasing stands out without colour.
    """
    if item.kind == "sla":
        return item.flag.upper() if item.flag else "ongoing"
    return due_words(item.days_left, item.status)
