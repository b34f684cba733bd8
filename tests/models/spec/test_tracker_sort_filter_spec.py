"""The tracker's two views besides "by owner": one owner's items, and one list by due date.

Why a rule: ``journeymap tracker --owner NAME --sort due`` and the Tracker step (``u``,
``d``) answer the same Monday questions ("what is Priya's?", "what is due first?"); one
rule keeps the CLI and the screen from disagreeing about who owns what or what is first.
"""

from __future__ import annotations

import datetime as dt

from models.rules.tracker import UNASSIGNED, TrackerItem, by_due, of_owner

DAY = dt.date(2026, 3, 20)


def item(n: int, owner: str, deadline: dt.date | None) -> TrackerItem:
    return TrackerItem(kind="card", item_id=n, workshop_id=1, workshop_title="W",
                       title=f"item {n}", owner=owner, deadline=deadline, status="proposed",
                       days_left=None if deadline is None else (deadline - DAY).days,
                       overdue=deadline is not None and deadline < DAY)


ITEMS = [item(1, "Priya", DAY + dt.timedelta(5)), item(2, "", DAY - dt.timedelta(3)),
         item(3, "priya ", None), item(4, "Marco", DAY - dt.timedelta(9)),
         item(5, "Marco", DAY + dt.timedelta(5))]


def test_one_owners_items_match_their_name_whatever_its_case_and_spaces() -> None:
    assert [i.item_id for i in of_owner(ITEMS, " PRIYA")] == [1, 3]


def test_the_unassigned_pile_is_its_own_owner() -> None:
    assert [i.item_id for i in of_owner(ITEMS, UNASSIGNED)] == [2]
    assert [i.item_id for i in of_owner(ITEMS, "")] == [2]


def test_by_due_is_earliest_first_undated_last_and_keeps_the_order_of_a_tie() -> None:
    assert [i.item_id for i in by_due(ITEMS)] == [4, 2, 1, 5, 3]
