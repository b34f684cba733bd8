"""What the plan, cards, tracker and risk list say when the room left something blank."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.cards import card_flags, draft_card, lower_is_better
from models.rules.handoffs import ownership_risks
from models.rules.plan import generate_plan, regenerate_plan
from models.rules.tracker import tracker_items

D = dt.date


def mapped(cards: list[HypothesisCard] | None = None, **pain: object) -> Journey:
    stages = [Stage(id=1, workshop_id=1, name="Contact", kpi_name="FCR", kpi_baseline=60,
                    kpi_target=75, kpi_unit="%")]
    tps = {1: [Touchpoint(id=1, stage_id=1, name="Chat", owner_team="Tier 1")]}
    values: dict[str, Any] = {"id": 1, "workshop_id": 1, "touchpoint_id": 1, "kind": "loop",
                              "impact": 3, "effort": 1,
                              "description": "asks for the account id twice"} | pain
    return Journey(workshop=Workshop(id=1, facilitator="Lee", start_date=D(2026, 3, 2)),
                   stages=stages, touchpoints=tps, pain_points=[PainPoint(**values)],
                   cards=cards or [])


def plan_of(journey: Journey) -> dict[str, tuple[str, str]]:
    return {i.key: (i.title, i.detail) for i in generate_plan(journey)}


# -- plan ----------------------------------------------------------------------------------

def test_a_top_card_with_blank_experiment_and_signal_is_planned_with_the_drafted_text() -> None:
    blank = HypothesisCard(id=7, pain_point_id=1, experiment="  ", signal="", owner="Ana")
    plan = plan_of(mapped([blank]))
    assert plan["implement"][0] == ("Ship one fix: removing the repeat step at Chat "
                                    "(asks for the account id twice)")
    assert plan["measure"][0] == "Measure impact: FCR rises from 60 % to 75 % within 30 days"


def test_a_top_pain_point_on_no_touchpoint_is_planned_with_its_ranking_reason() -> None:
    implement = plan_of(mapped(touchpoint_id=None))["implement"]
    assert implement[0] == ("Ship one fix: removing the repeat step at this step "
                            "(asks for the account id twice)")
    assert implement[1] == ("At the highest-friction step: ranked 1: quick win (impact high, "
                            "effort low), no ticket volume recorded, 0 votes.")


def test_a_map_where_every_touchpoint_has_an_owner_asks_for_one_journey_owner() -> None:
    assert plan_of(mapped())["owners"][1] == (
        "Every touchpoint has an owner team; name one journey owner for the whole map.")


def test_an_unowned_unnamed_touchpoint_is_still_listed() -> None:
    j = mapped()
    j.touchpoints[1].append(Touchpoint(id=2, stage_id=1, name=" ", owner_team=""))
    assert plan_of(j)["owners"][1] == "Give an owner team to: Contact › unnamed touchpoint."


def test_unnamed_stages_and_missing_kpis_are_named_as_such_in_the_baseline_task() -> None:
    j = mapped()
    j.stages.append(Stage(id=2, workshop_id=1, name="  ", kpi_name=""))
    j.stages.append(Stage(id=3, workshop_id=1, name="Follow-Up", kpi_name="Reopen rate"))
    assert plan_of(j)["baseline"][1] == (
        "Record repeat contacts, escalation rate and effort, and the baseline of: "
        "unnamed stage: no KPI named; Follow-Up: Reopen rate.")


def test_stages_that_all_have_a_baseline_are_only_confirmed() -> None:
    assert plan_of(mapped())["baseline"][1] == (
        "The one stage has a baseline; confirm it is current.")
    j = mapped()
    j.stages.append(Stage(id=2, workshop_id=1, name="Follow-Up", kpi_baseline=0.2))
    assert plan_of(j)["baseline"][1] == "All 2 stages have a baseline; confirm it is current."


# -- cards ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "outcome"), [
    ("loop", "fewer repeat contacts and less customer effort in Contact"),
    ("dead_end", "fewer abandoned requests and escalations in Contact"),
    ("branch", "faster resolution with fewer handoffs in Contact"),
    ("other", "less friction and fewer tickets in Contact"),
])
def test_each_kind_promises_its_own_outcome(kind: str, outcome: str) -> None:
    j = mapped(kind=kind)
    assert draft_card(j, j.pain_points[0])["outcome"] == outcome


def test_a_saved_card_with_a_deadline_is_not_flagged_for_a_missing_one() -> None:
    card = HypothesisCard(pain_point_id=1, owner="Bo", signal="NPS +10", deadline=D(2026, 5, 1))
    assert card_flags(card) == []
    assert card_flags({"owner": "Bo", "signal": "NPS +10", "deadline": ""}) == ["no deadline"]


@pytest.mark.parametrize(("kpi", "signal"), [
    ("CSAT", "CSAT rises above 4.2 within 30 days"),
    ("Reopen rate", "Reopen rate falls below 4.2 within 30 days"),
    ("Happy customers", "Happy customers improves on its baseline of 4.2 within 30 days"),
])
def test_a_baseline_without_target_names_the_better_side(kpi: str, signal: str) -> None:
    j = mapped()
    j.stages[0] = Stage(id=1, workshop_id=1, name="Contact", kpi_name=kpi, kpi_baseline=4.2)
    assert draft_card(j, j.pain_points[0])["signal"] == signal


@pytest.mark.parametrize("name", ["First call resolution", "Searches per ticket",
                                  "net promoter score"])
def test_catalogue_kpis_go_the_catalogue_way_even_when_their_words_say_nothing(name: str) -> None:
    assert lower_is_better(name) is False


# -- tracker -------------------------------------------------------------------------------

def test_a_tracker_row_is_titled_by_the_card_then_the_pain_then_untitled() -> None:
    j = mapped([HypothesisCard(id=1, pain_point_id=1, experiment=" "),
                HypothesisCard(id=2, pain_point_id=99, experiment="")])
    j.plan_tasks = [PlanTask(id=5, workshop_id=1, key="x-task", title=" ")]
    titles = [i.title for i in tracker_items([j], D(2026, 3, 2))]
    assert titles == ["asks for the account id twice", "untitled card", "x-task"]
    j.pain_points[0].description = ""
    assert tracker_items([j], D(2026, 3, 2))[0].title == "untitled card"


# -- handoffs ------------------------------------------------------------------------------

def test_an_unowned_touchpoint_is_named_with_its_stage_or_as_a_touchpoint() -> None:
    j = mapped()
    j.stages.append(Stage(id=2, workshop_id=1, name=" "))
    j.touchpoints[1].append(Touchpoint(id=2, stage_id=1, name="", owner_team=""))
    j.touchpoints[2] = [Touchpoint(id=3, stage_id=2, name="Survey", owner_team=" ")]
    assert [r.message for r in ownership_risks(j)] == [
        "“A touchpoint” in Contact has no owner team.",
        "“Survey” has no owner team.",
    ]


# -- regenerating the plan -----------------------------------------------------------------

def _id(row: Any) -> int:
    assert row.id is not None
    return int(row.id)


def test_regenerating_drops_the_task_of_a_dropped_card_unless_someone_edited_it(
        store: Store) -> None:
    w = store.create_workshop(default_stages=False, title="p", start_date=D(2026, 3, 2))
    wid = _id(w)
    pains = [store.add(PainPoint(workshop_id=wid, description=f"pain {n}", impact=max(1, 3 - n)))
             for n in range(4)]
    cards = [store.add(HypothesisCard(pain_point_id=_id(p), experiment=f"fix {n}"))
             for n, p in enumerate(pains)]
    store.add(PlanTask(workshop_id=wid, key="by-hand", title="Ask legal", position=99))
    tasks = regenerate_plan(store, wid)
    keys = [t.key for t in tasks]
    assert f"card-{cards[1].id}" in keys and f"card-{cards[2].id}" in keys
    assert [t.position for t in tasks if t.key != "by-hand"] == list(range(1, len(keys)))
    edited = next(t for t in tasks if t.key == f"card-{cards[2].id}")
    store.update(PlanTask, _id(edited), title="Our own words", edited=True)
    for card in cards[1:3]:
        store.update(HypothesisCard, _id(card), status="dropped")
    keys = [t.key for t in regenerate_plan(store, wid)]
    assert f"card-{cards[1].id}" not in keys
    assert f"card-{cards[2].id}" in keys and "by-hand" in keys
    assert f"card-{cards[3].id}" in keys and "implement" in keys and len(keys) == 10
