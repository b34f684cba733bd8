"""The tracker: every card and plan task as one accountable line with a date.

Journey work fails when issues are "documented but not linked to accountable
owners and deadlines".  The tracker flattens cards and plan tasks of one or
many workshops into items that say who, by when, and whether it is late, so a
lead's Monday view and the owners' own lists come from one rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from models.db.journey import Journey
from models.rules.cards import ordered_cards
from models.rules.measures import signal_status
from models.rules.memo import per_journey
from models.rules.plan import card_of_task
from models.vocab import CLOSED_STATUSES, status_label

UNASSIGNED = "(unassigned)"


class TrackerItem:
    """One card ("card") or plan task ("task") with its days left and overdue flag.

    A plain class, not a dataclass: every export builds its tracker, and importing
    ``dataclasses`` and generating this class's methods cost ~5 M instructions of
    an export (issue 18).  Items are built, given their ``signal`` or ``flag``,
    and read; nothing compares or prints a whole item.
    """

    __slots__ = ("kind", "item_id", "workshop_id", "workshop_title", "title", "owner",
                 "deadline", "status", "days_left", "overdue", "signal", "flag")

    def __init__(self, *, kind: str, item_id: int, workshop_id: int, workshop_title: str,
                 title: str, owner: str, deadline: dt.date | None, status: str,
                 days_left: int | None, overdue: bool, signal: str = "",
                 flag: str = "") -> None:
        self.kind = kind
        self.item_id = item_id
        self.workshop_id = workshop_id
        self.workshop_title = workshop_title
        self.title = title
        self.owner = owner
        self.deadline = deadline
        self.status = status
        self.days_left = days_left  # negative when overdue; None without a deadline
        self.overdue = overdue
        self.signal = signal  # a tied card's measured signal: met / not yet / no data
        self.flag = flag  # what an SLA commitment lacks ("no owner; no response SLA")


def workshop_title(journey: Journey) -> str:
    """The name people know a workshop by: title, else scenario, else its number."""
    w = journey.workshop
    return w.title.strip() or w.scenario.strip() or f"Workshop {w.id}"


def _days(count: int) -> str:
    return f"{count} day" + ("" if count == 1 else "s")


def due_text(deadline: dt.date | None, status: str, today: dt.date) -> str:
    """Days left, "due today" or "OVERDUE by n days" in words (readable without colour).

    The one wording for the TUI, the CLI and the exports, so a lead reading the
    screen and an owner grepping ``journeymap tracker`` see the same words.
    """
    return due_words(None if deadline is None else (deadline - today).days, status)


def due_words(days_left: int | None, status: str) -> str:
    """``due_text`` from days left (negative when late; None without a deadline)."""
    if status in CLOSED_STATUSES:
        return status_label(status)
    if days_left is None:
        return "no deadline"
    if days_left < 0:
        return f"OVERDUE by {_days(-days_left)}"
    if days_left == 0:
        return "due today"
    return f"{_days(days_left)} left"


def _item(kind: str, item_id: int | None, journey: Journey, title: str, owner: str,
          deadline: dt.date | None, status: str, today: dt.date) -> TrackerItem:
    days_left = (deadline - today).days if deadline is not None else None
    overdue = deadline is not None and deadline < today and status not in CLOSED_STATUSES
    return TrackerItem(kind=kind, item_id=int(item_id or 0),
                       workshop_id=int(journey.workshop.id or 0),
                       workshop_title=workshop_title(journey), title=title,
                       owner=owner.strip(), deadline=deadline, status=status,
                       days_left=days_left, overdue=overdue)


def _tracker_items(journeys: Iterable[Journey], today: dt.date) -> list[TrackerItem]:
    """Cards (in pain rank order) then plan tasks (in plan order), workshop by workshop.

    A plan task that carries out a card ("Ship one fix" for the top card, the
    queued card tasks) is the same piece of work: it is folded into the card's
    row, the card's own owner and deadline first, the task's where the card
    has none, so each item is listed once.
    ``today`` is a parameter, never read from the clock here, so "overdue" is
    the same in a test, an export and a screen rendered at midnight.
    """
    items: list[TrackerItem] = []
    for journey in journeys:
        carried = {card_of_task(journey, t.key): t for t in journey.plan_tasks if t.key}
        carried.pop(None, None)
        for card in ordered_cards(journey):
            pain = journey.pain_point(card.pain_point_id)
            title = (card.experiment.strip() or (pain.description.strip() if pain else "")
                     or "untitled card")
            task = carried.get(card.id)
            owner = card.owner.strip() or (task.owner if task else "")
            deadline = card.deadline or (task.deadline if task else None)
            item = _item("card", card.id, journey, title, owner, deadline, card.status, today)
            item.signal = signal_status(journey, card)
            items.append(item)
        folded = {id(t) for t in carried.values()}
        for task in journey.plan_tasks:
            if id(task) in folded:
                continue
            items.append(_item("task", task.id, journey, task.title.strip() or task.key,
                               task.owner, task.deadline, task.status, today))
    return items


tracker_items = per_journey(_tracker_items)  # a call, not a decorator: memo.py


def group_by_owner(items: Iterable[TrackerItem]) -> dict[str, list[TrackerItem]]:
    """Owner -> items by deadline (undated last); owners sorted, "(unassigned)" last.

    Unassigned work comes last rather than first so it reads as the leftover
    pile to hand out, after everyone's own list.
    """
    groups: dict[str, list[TrackerItem]] = {}
    for item in items:
        groups.setdefault(item.owner.strip() or UNASSIGNED, []).append(item)
    owners = sorted((o for o in groups if o != UNASSIGNED), key=lambda o: (o.casefold(), o))
    if UNASSIGNED in groups:
        owners.append(UNASSIGNED)
    return {
        owner: by_due(groups[owner])
        for owner in owners
    }


def of_owner(items: Iterable[TrackerItem], owner: str) -> list[TrackerItem]:
    """One owner's items: the name as ``group_by_owner`` shows it, any case or spaces.

    "(unassigned)" (or an empty name) is the pile nobody owns yet, so a lead can
    hand it out from the same view as anyone's list.
    """
    wanted = owner.strip().casefold()
    if wanted == UNASSIGNED.casefold():
        wanted = ""
    return [i for i in items if i.owner.strip().casefold() == wanted]


def by_due(items: Iterable[TrackerItem]) -> list[TrackerItem]:
    """One list, earliest deadline first, undated last (a tie keeps the given order):
    "what is due first" across owners, the view ``--sort due`` prints."""
    return sorted(items, key=lambda i: (i.deadline is None, i.deadline or dt.date.min))
