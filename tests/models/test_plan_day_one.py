"""Day 1 of the plan is the start date, even when a card was due long before it.

A map whose cards carry deadlines from an earlier cycle (QA session 8: the
2,000-touchpoint map, deadlines in 2024) moved to a new start date must start
on that date in every place that names day 1: the app's header, the CLI, the
Markdown plan and the calendar.  The late card keeps its own deadline (it is a
commitment someone made) and is said to be due before day 1, not silently
taken as the plan's first day.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from models.db.store import Store
from models.db.tables.cards import PlanTask
from models.db.tables.workshop import Workshop
from models.export.markdown import to_markdown
from models.export.plan_ics import plan_ics
from models.rules.plan import BEFORE_PLAN_PHASE, generate_plan, regenerate_plan
from models.rules.plan_day import plan_day_one
from tests.models.four_cards import four_cards
from tests.models.late_map import PAST, START, late_map

D = dt.date


def test_a_card_due_before_day_1_keeps_its_deadline_and_says_so() -> None:
    j = four_cards({2: PAST})
    j.workshop.start_date = START
    items = {i.key: i for i in generate_plan(j)}
    c2 = items["card-12"]
    assert c2.deadline == PAST  # the card's own commitment, not moved
    assert c2.start == PAST
    assert c2.phase == BEFORE_PLAN_PHASE
    assert "before day 1" in c2.detail and "2024-03-15" in c2.detail
    assert items["baseline"].start == START


def test_a_top_card_due_before_day_1_is_warned_about() -> None:
    j = four_cards({1: PAST})
    j.workshop.start_date = START
    implement = {i.key: i for i in generate_plan(j)}["implement"]
    assert "before day 1" in implement.detail and "2024-03-15" in implement.detail
    assert implement.start == D(2026, 5, 18)


def test_day_one_is_the_start_date_not_the_earliest_task(store: Store) -> None:
    wid = late_map(store)
    tasks = regenerate_plan(store, wid)
    assert min(t.start for t in tasks if t.start) == PAST
    assert plan_day_one(START, tasks) == START


def test_day_one_without_a_start_date_is_the_day_the_plan_was_made_from(store: Store) -> None:
    wid = late_map(store)
    tasks = regenerate_plan(store, wid, D(2026, 6, 1))
    assert plan_day_one(None, tasks) == D(2026, 6, 1)
    assert plan_day_one(None, []) is None


def test_markdown_plan_and_calendar_start_on_the_start_date(store: Store) -> None:
    wid = late_map(store)
    regenerate_plan(store, wid)
    journey = store.load(wid)
    text = to_markdown(journey, today=D(2026, 5, 4))
    assert "Day 1 is 2026-05-04" in text, [ln for ln in text.splitlines() if "Day 1" in ln]
    assert "day 1 is 2026-05-04" in text
    cal = Calendar.from_ical(plan_ics(journey, D(2026, 5, 4)))
    days = {str(e.get("summary")): e.decoded("dtstart") for e in cal.walk("VEVENT")}
    assert days["Card due: fix 1"] == PAST  # the late card, on its own deadline, once
    assert days["Due: Baseline stage KPIs"] == D(2026, 5, 15)  # day 14 of the new plan
    assert sum(1 for s in days if "fix 1" in s) == 1


def test_day_one_without_a_start_date_after_the_baseline_was_moved_is_the_earliest_task(
        store: Store) -> None:
    """A person moved the baseline task: it no longer marks day 1, the earliest task does.

    Every task of the saved plan counts, wherever it sits in the plan's order,
    and a task without a start date is never one.
    """
    wid = late_map(store)
    store.update(Workshop, wid, start_date=None)
    tasks = regenerate_plan(store, wid, D(2026, 6, 1))
    baseline = next(t for t in tasks if t.key == "baseline")
    store.update(PlanTask, int(baseline.id or 0), start=D(2026, 7, 1), edited=True)
    store.add(PlanTask(workshop_id=wid, key="", title="Added by hand, no date yet",
                       position=-1))
    journey = store.load(wid)
    assert journey.workshop.start_date is None
    assert {t.start for t in journey.plan_tasks} >= {None, PAST, D(2026, 6, 1)}
    for order in (journey.plan_tasks, journey.plan_tasks[::-1]):
        assert plan_day_one(None, order) == PAST
    text = to_markdown(journey, today=D(2026, 6, 1))
    assert "Day 1 is 2024-03-15" in text, [ln for ln in text.splitlines() if "Day 1" in ln]
