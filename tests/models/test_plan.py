"""The 60-day plan: calendar dates, weekend deadlines, content from the map, regeneration."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.plan import generate_plan, regenerate_plan, workday_on_or_before

D = dt.date
KEYS = ["baseline", "owners", "implement", "measure", "review-30", "standardize", "review"]


def dates(start: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The method's phases (the day-30 review is tested in test_plan_cards)."""
    return [(i.key, i.start, i.deadline)
            for i in generate_plan(Journey(workshop=Workshop(id=1)), start) if i.key != "review-30"]


def mapped() -> Journey:
    stages = [Stage(id=1, workshop_id=1, name="Contact", kpi_name="FCR", kpi_baseline=60,
                    kpi_target=75, kpi_unit="%"),
              Stage(id=2, workshop_id=1, name="Follow-Up", kpi_name="Reopen rate")]
    tps = {1: [Touchpoint(id=1, stage_id=1, name="Chat", owner_team="Tier 1"),
               Touchpoint(id=2, stage_id=1, name="Escalate", owner_team="")],
           2: [Touchpoint(id=3, stage_id=2, name="Survey", owner_team="Success")]}
    pains = [PainPoint(id=1, workshop_id=1, touchpoint_id=1, kind="loop", impact=3, effort=1,
                       ticket_volume=800, description="asks for the account id twice"),
             PainPoint(id=2, workshop_id=1, touchpoint_id=3, impact=1, effort=3)]
    return Journey(workshop=Workshop(id=1, facilitator="Lee", start_date=D(2026, 3, 2)),
                   stages=stages, touchpoints=tps, pain_points=pains)


def test_weekday_start_dates_and_friday_deadlines() -> None:
    assert dates(D(2026, 3, 2)) == [  # a Monday: every 14th day is a Sunday
        ("baseline", D(2026, 3, 2), D(2026, 3, 13)),
        ("owners", D(2026, 3, 2), D(2026, 3, 13)),
        ("implement", D(2026, 3, 16), D(2026, 3, 27)),
        ("measure", D(2026, 3, 30), D(2026, 4, 10)),
        ("standardize", D(2026, 4, 13), D(2026, 4, 24)),
        ("review", D(2026, 4, 30), D(2026, 4, 30)),
    ]


def test_start_on_a_weekend_keeps_day_one_on_that_day() -> None:
    plan = dates(D(2026, 3, 7))  # a Saturday
    assert plan[0] == ("baseline", D(2026, 3, 7), D(2026, 3, 20))
    assert plan[2] == ("implement", D(2026, 3, 21), D(2026, 4, 3))
    assert plan[5] == ("review", D(2026, 5, 5), D(2026, 5, 5))


def test_start_on_29_february() -> None:
    assert dates(D(2028, 2, 29)) == [
        ("baseline", D(2028, 2, 29), D(2028, 3, 13)),
        ("owners", D(2028, 2, 29), D(2028, 3, 13)),
        ("implement", D(2028, 3, 14), D(2028, 3, 27)),
        ("measure", D(2028, 3, 28), D(2028, 4, 10)),
        ("standardize", D(2028, 4, 11), D(2028, 4, 24)),
        ("review", D(2028, 4, 28), D(2028, 4, 28)),
    ]


def test_start_across_the_year_boundary() -> None:
    assert dates(D(2026, 12, 20)) == [  # a Sunday; day 14 is Saturday 2 January
        ("baseline", D(2026, 12, 20), D(2027, 1, 1)),
        ("owners", D(2026, 12, 20), D(2027, 1, 1)),
        ("implement", D(2027, 1, 3), D(2027, 1, 15)),
        ("measure", D(2027, 1, 17), D(2027, 1, 29)),
        ("standardize", D(2027, 1, 31), D(2027, 2, 12)),
        ("review", D(2027, 2, 17), D(2027, 2, 17)),
    ]


def test_review_on_a_weekend_moves_to_friday_with_its_start() -> None:
    # day 60 from Thursday 2026-01-01 is Sunday 2026-03-01
    review = dates(D(2026, 1, 1))[-1]
    assert review == ("review", D(2026, 2, 27), D(2026, 2, 27))


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2200, 12, 31)))
def test_deadlines_are_weekdays_within_two_days_of_their_day(start: dt.date) -> None:
    last_day = {"baseline": 14, "owners": 14, "implement": 28, "measure": 42,
                "standardize": 56, "review": 60}
    for key, begin, deadline in dates(start):
        nominal = start + dt.timedelta(days=last_day[key] - 1)
        assert deadline.weekday() < 5 and begin <= deadline
        assert nominal - dt.timedelta(days=2) <= deadline <= nominal
        assert begin >= start - dt.timedelta(days=2)
    assert dates(start)[0][1] == start


def test_workday_on_or_before() -> None:
    assert workday_on_or_before(D(2026, 3, 14)) == D(2026, 3, 13)  # Saturday
    assert workday_on_or_before(D(2026, 3, 15)) == D(2026, 3, 13)  # Sunday
    assert workday_on_or_before(D(2026, 3, 16)) == D(2026, 3, 16)  # Monday


def test_plan_content_comes_from_the_map() -> None:
    items = {i.key: i for i in generate_plan(mapped())}
    assert [i.key for i in generate_plan(mapped())] == KEYS
    assert items["baseline"].start == D(2026, 3, 2)  # the workshop's start date
    assert items["baseline"].detail.endswith("the baseline of: Follow-Up: Reopen rate.")
    assert items["owners"].detail == "Give an owner team to: Contact › Escalate."
    assert items["implement"].title == ("Ship one fix: removing the repeat step at Chat "
                                        "(asks for the account id twice)")
    assert "Contact › Chat (ranked 1: quick win" in items["implement"].detail
    assert items["measure"].title == "Measure impact: FCR rises from 60 % to 75 % within 30 days"
    assert "repeat contacts" in items["measure"].detail and "CES" in items["measure"].detail
    assert items["standardize"].detail == "Publish to: Tier 1, Success."
    assert items["review"].owner == "Lee"
    assert items["review"].title.startswith("Monthly leadership review")
    assert items["implement"].owner == ""  # no card yet, so nobody owns the fix


def test_top_card_decides_the_fix_and_its_owner() -> None:
    j = mapped()
    j.cards = [HypothesisCard(id=1, pain_point_id=2, experiment="calling back.", owner="Ana",
                              signal="CSAT +5"),
               HypothesisCard(id=2, pain_point_id=1, experiment="x", owner="Bo",
                              status="dropped")]
    items = {i.key: i for i in generate_plan(j)}
    assert items["implement"].title == "Ship one fix: calling back"
    assert items["implement"].owner == "Ana" and items["measure"].owner == "Ana"
    assert items["measure"].title == "Measure impact: CSAT +5"


def test_empty_workshop_still_gets_a_sensible_plan() -> None:
    items = generate_plan(Journey(workshop=Workshop(id=1)), D(2026, 6, 1))
    assert [i.key for i in items] == KEYS
    text = {i.key: (i.title, i.detail) for i in items}
    assert text["baseline"][1].startswith("No stages yet")
    assert text["owners"][1].startswith("No touchpoints yet")
    assert text["implement"] == ("Ship one fix for the highest-friction step",
                                 "No pain points yet: record and rank pain points, "
                                 "then draft a card.")
    assert text["measure"][0] == "Measure impact of the fix"
    assert text["standardize"][1].startswith("No owner teams yet")


def test_default_start_is_today_without_a_workshop_date() -> None:
    before = dt.date.today()
    first = generate_plan(Journey(workshop=Workshop(id=1)))[0].start
    assert before <= first <= dt.date.today()


def test_regeneration_keeps_edited_tasks_and_updates_the_others(store: Store) -> None:
    w = store.create_workshop(title="p", start_date=D(2026, 3, 2))
    wid = int(w.id)
    tasks = regenerate_plan(store, wid)
    assert [t.key for t in tasks] == KEYS
    assert tasks[2].title == "Ship one fix for the highest-friction step"
    by_key = {t.key: t for t in tasks}
    store.update(PlanTask, by_key["review"].id, title="Board review [bold]Q2[/]", edited=True,
                 deadline=D(2026, 5, 8))
    store.update(PlanTask, by_key["baseline"].id, status="in_progress")
    stage = store.load(wid).stages[0]
    tp = store.add(Touchpoint(stage_id=stage.id, name="Search", owner_team="Web"))
    store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, kind="dead_end",
                        description="no results"))
    again = regenerate_plan(store, wid, D(2026, 3, 9))
    assert [t.key for t in again] == KEYS and len(store.load(wid).plan_tasks) == 7
    new = {t.key: t for t in again}
    assert new["review"].title == "Board review [bold]Q2[/]"
    assert new["review"].deadline == D(2026, 5, 8)
    assert new["implement"].title.startswith("Ship one fix: giving customers a clear next step")
    assert new["baseline"].status == "in_progress"  # status survives, dates move
    assert new["baseline"].start == D(2026, 3, 9)
    assert all(new[k].id == by_key[k].id for k in KEYS)


def test_regenerating_an_unchanged_map_writes_nothing(store: Store) -> None:
    wid = int(store.create_workshop(title="p", start_date=D(2026, 3, 2)).id)
    regenerate_plan(store, wid)
    logged = len(store.changes(wid))
    regenerate_plan(store, wid)
    assert len(store.changes(wid)) == logged
