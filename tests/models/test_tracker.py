"""Tracker: cards and plan tasks with owner, deadline, days left, overdue, grouped by owner."""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Workshop
from models.rules.tracker import UNASSIGNED, group_by_owner, tracker_items

TODAY = dt.date(2026, 4, 15)
D = dt.date


def journey(wid: int = 1, title: str = "Admin locked out") -> Journey:
    pains = [PainPoint(id=wid * 10 + 1, workshop_id=wid, impact=1, effort=3,
                       description="waits for unlock"),
             PainPoint(id=wid * 10 + 2, workshop_id=wid, impact=3, effort=1,
                       description="re-verifies identity")]
    cards = [HypothesisCard(id=wid * 10 + 1, pain_point_id=wid * 10 + 1, owner="Bo",
                            deadline=D(2026, 4, 14), status="in_progress"),
             HypothesisCard(id=wid * 10 + 2, pain_point_id=wid * 10 + 2, owner=" Ana ",
                            experiment="pre-filling the form", deadline=D(2026, 4, 15))]
    tasks = [PlanTask(id=wid * 10 + 1, workshop_id=wid, key="baseline", title="Baseline KPIs",
                      deadline=D(2026, 4, 1), status="done", owner="Bo"),
             PlanTask(id=wid * 10 + 2, workshop_id=wid, key="review", title="Review",
                      deadline=D(2026, 3, 1), status="dropped"),
             PlanTask(id=wid * 10 + 3, workshop_id=wid, key="custom", title="",
                      deadline=None, owner="")]
    return Journey(workshop=Workshop(id=wid, title=title), pain_points=pains, cards=cards,
                   plan_tasks=tasks)


def test_items_cover_cards_in_rank_order_then_tasks() -> None:
    items = tracker_items([journey()], TODAY)
    assert [(i.kind, i.item_id) for i in items] == [("card", 12), ("card", 11), ("task", 11),
                                                    ("task", 12), ("task", 13)]
    first = items[0]
    assert (first.title, first.owner, first.workshop_id, first.workshop_title) == (
        "pre-filling the form", "Ana", 1, "Admin locked out")
    assert items[1].title == "waits for unlock"  # a card without experiment: the pain point
    assert items[4].title == "custom"  # a task without title: its key


def test_days_left_and_overdue_with_a_fixed_today() -> None:
    items = {(i.kind, i.item_id): i for i in tracker_items([journey()], TODAY)}
    due_today, late = items[("card", 12)], items[("card", 11)]
    assert (due_today.days_left, due_today.overdue) == (0, False)
    assert (late.days_left, late.overdue) == (-1, True)
    done, dropped, undated = items[("task", 11)], items[("task", 12)], items[("task", 13)]
    assert (done.days_left, done.overdue) == (-14, False)  # past but done
    assert (dropped.days_left, dropped.overdue) == (-45, False)  # past but dropped
    assert (undated.days_left, undated.overdue) == (None, False)
    assert tracker_items([journey()], D(2026, 4, 16))[0].overdue is True


def test_across_workshops_and_empty_ones() -> None:
    empty = Journey(workshop=Workshop(id=3, scenario="Where is my order"))
    assert tracker_items([empty], TODAY) == []
    items = tracker_items([journey(1), journey(2, title="")], TODAY)
    assert len(items) == 10
    assert {i.workshop_title for i in items} == {"Admin locked out", "Workshop 2"}


def test_group_by_owner_sorts_owners_and_puts_unassigned_last() -> None:
    j = journey()
    j.cards.append(HypothesisCard(id=99, pain_point_id=11, owner="  ", deadline=D(2026, 4, 20)))
    j.cards.append(HypothesisCard(id=98, pain_point_id=11, owner="ana", deadline=None))
    groups = group_by_owner(tracker_items([j], TODAY))
    assert list(groups) == ["Ana", "ana", "Bo", UNASSIGNED]
    assert [(i.kind, i.item_id) for i in groups["Bo"]] == [("task", 11), ("card", 11)]
    assert [(i.kind, i.item_id) for i in groups[UNASSIGNED]] == [
        ("task", 12), ("card", 99), ("task", 13)]  # by deadline, undated last
    assert group_by_owner([]) == {}


def test_owner_text_is_kept_literally() -> None:
    j = journey()
    j.cards[0].owner = "[bold]Ops[/] 🚀"
    groups = group_by_owner(tracker_items([j], TODAY))
    assert "[bold]Ops[/] 🚀" in groups


def test_a_card_and_the_plan_task_that_carries_it_out_are_one_row() -> None:
    j = journey()
    j.cards[0].owner = ""
    j.cards[0].deadline = None
    j.plan_tasks += [
        PlanTask(id=20, workshop_id=1, key="implement", title="Ship one fix: pre-filling",
                 owner="Cy", deadline=D(2026, 4, 20)),
        PlanTask(id=21, workshop_id=1, key="card-11", title="Card 2: waits", owner="Dee",
                 deadline=D(2026, 5, 1)),
    ]
    items = tracker_items([j], TODAY)
    assert [(i.kind, i.item_id) for i in items] == [("card", 12), ("card", 11), ("task", 11),
                                                    ("task", 12), ("task", 13)]
    top, second = items[0], items[1]
    # the card's own owner and date win; the task fills what the card leaves empty
    assert (top.title, top.owner, top.deadline) == ("pre-filling the form", "Ana", D(2026, 4, 15))
    assert (second.owner, second.deadline) == ("Dee", D(2026, 5, 1))
