"""Which card a plan task carries out, so the tracker lists that piece of work once."""

from __future__ import annotations

import datetime as dt

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.plan import PlanItem, card_of_task, generate_plan


def _journey(*cards: HypothesisCard) -> Journey:
    pains = [PainPoint(id=1, workshop_id=1, impact=3, effort=1, description="asks twice"),
             PainPoint(id=2, workshop_id=1, impact=1, effort=3, description="slow refund")]
    return Journey(workshop=Workshop(id=1), pain_points=pains, cards=list(cards))


def test_a_card_task_carries_out_its_card_while_the_card_exists() -> None:
    journey = _journey(HypothesisCard(id=5, pain_point_id=2), HypothesisCard(id=7, pain_point_id=1))
    assert card_of_task(journey, "card-5") == 5
    assert card_of_task(journey, "card-99") is None  # deleted card: the task stands alone
    assert card_of_task(journey, "card-x") is None and card_of_task(journey, "baseline") is None


def test_the_one_fix_carries_out_the_top_card_that_is_not_dropped() -> None:
    assert card_of_task(_journey(HypothesisCard(id=5, pain_point_id=2),
                                 HypothesisCard(id=7, pain_point_id=1)), "implement") == 7
    assert card_of_task(_journey(HypothesisCard(id=5, pain_point_id=2),
                                 HypothesisCard(id=7, pain_point_id=1, status="dropped")),
                        "implement") == 5
    assert card_of_task(_journey(), "implement") is None


def test_an_unowned_touchpoint_in_an_unnamed_stage_is_named_alone() -> None:
    journey = Journey(workshop=Workshop(id=1), stages=[Stage(id=1, workshop_id=1, name=" ")],
                      touchpoints={1: [Touchpoint(id=1, stage_id=1, name="Survey")]})
    owners = {i.key: i.detail for i in generate_plan(journey, dt.date(2026, 3, 2))}["owners"]
    assert owners == "Give an owner team to: Survey."


def test_a_top_card_whose_pain_point_was_deleted_is_planned_with_its_own_text() -> None:
    card = HypothesisCard(id=3, pain_point_id=99, experiment="calling back within a day.",
                          signal="CSAT 4.5.", owner="Ana")
    plan = {i.key: i for i in generate_plan(_journey(card), dt.date(2026, 3, 2))}
    assert (plan["implement"].title, plan["implement"].owner) == (
        "Ship one fix: calling back within a day", "Ana")
    assert plan["implement"].detail == (
        "At the highest-friction step (place the pain point on a touchpoint).")
    assert plan["measure"].title == "Measure impact: CSAT 4.5"


def test_a_blank_top_card_whose_pain_point_was_deleted_asks_for_the_fix_in_general_words(
        ) -> None:
    card = HypothesisCard(id=3, pain_point_id=99, experiment=" ", signal="")
    plan = {i.key: i for i in generate_plan(_journey(card), dt.date(2026, 3, 2))}
    assert plan["implement"].title == "Ship one fix for the highest-friction step"
    assert plan["measure"].title == "Measure impact of the fix"


def test_the_measure_weeks_say_what_the_readings_show_for_the_top_card_not_a_dropped_one(
        ) -> None:
    tied = HypothesisCard(id=7, pain_point_id=1, signal_metric="reopen_rate", signal_target=0.1)
    plain = HypothesisCard(id=5, pain_point_id=2)
    measure = {i.key: i.detail for i in generate_plan(_journey(tied, plain),
                                                      dt.date(2026, 3, 2))}["measure"]
    assert measure == ("Compare repeat contacts and customer effort (CES) with the baseline. "
                       "Signal from ticket readings: no data (no reading of this metric yet).")
    tied.status = "dropped"
    measure = {i.key: i.detail for i in generate_plan(_journey(tied, plain),
                                                      dt.date(2026, 3, 2))}["measure"]
    assert measure == "Compare repeat contacts and customer effort (CES) with the baseline."


START = dt.date(2026, 3, 2)  # a Monday: plan day 29 is Monday 30 March


def _queued(deadline: dt.date | None, experiment: str = "fix it") -> PlanItem:
    top = HypothesisCard(id=7, pain_point_id=1, experiment="top fix")
    queued = HypothesisCard(id=5, pain_point_id=2, experiment=experiment, deadline=deadline)
    return next(i for i in generate_plan(_journey(top, queued), START) if i.key == "card-5")


@pytest.mark.parametrize(("deadline", "begin"), [
    (dt.date(2026, 5, 15), dt.date(2026, 5, 2)),  # the two weeks up to its own deadline
    (dt.date(2026, 4, 5), dt.date(2026, 3, 30)),  # but not before day 29
    # due before day 29: alongside the fix (flagged), still two weeks, not a one-day task
    (dt.date(2026, 3, 20), dt.date(2026, 3, 7)),
    (dt.date(2026, 3, 3), dt.date(2026, 3, 2)),  # never before day 1
])
def test_a_queued_card_with_a_deadline_starts_two_weeks_before_it(
        deadline: dt.date, begin: dt.date) -> None:
    item = _queued(deadline)
    assert (item.start, item.deadline) == (begin, deadline)


def test_a_queued_card_without_text_is_titled_by_its_drafted_experiment() -> None:
    assert _queued(None, experiment=" ").title == (
        "Card 2: fixing “slow refund” at this step")


def test_a_queued_card_is_titled_without_its_typed_full_stop() -> None:
    assert _queued(None, experiment="calling back within a day.").title == (
        "Card 2: calling back within a day")


def test_a_blank_queued_card_whose_pain_point_was_deleted_is_an_untitled_card() -> None:
    top = HypothesisCard(id=7, pain_point_id=1, experiment="top fix")
    orphan = HypothesisCard(id=5, pain_point_id=99, experiment="")
    plan = generate_plan(_journey(top, orphan), START)
    assert next(i.title for i in plan if i.key == "card-5") == "Card 2: untitled card"


def _mapped_plan(**card: object) -> dict[str, PlanItem]:
    journey = Journey(
        workshop=Workshop(id=1, facilitator="  Lee  ", start_date=dt.date(2026, 3, 2)),
        stages=[Stage(id=1, workshop_id=1, name="Contact", kpi_name="FCR")],
        touchpoints={1: [Touchpoint(id=1, stage_id=1, name="Chat", owner_team="Tier 1"),
                         Touchpoint(id=2, stage_id=1, name="Call", owner_team="Billing")]},
        pain_points=[PainPoint(id=1, workshop_id=1, touchpoint_id=1, impact=3, effort=1,
                               description="asks twice")],
        cards=[HypothesisCard(id=5, pain_point_id=1, experiment="one form", owner="Ana",
                              **card)])  # type: ignore[arg-type]
    return {i.key: i for i in generate_plan(journey)}


def test_a_top_card_due_after_day_60_is_planned_with_a_warning() -> None:
    items = _mapped_plan(deadline=dt.date(2026, 5, 3))  # day 63
    assert items["implement"].detail.endswith(
        " Warning: the card is due after day 60 (day 63): next cycle.")
    on_time = _mapped_plan(deadline=dt.date(2026, 4, 30))  # day 60: inside the plan
    assert "after day 60" not in on_time["implement"].detail
    assert on_time["implement"].detail.count("Warning") == 1  # only: after weeks 3-4


def test_the_facilitator_owns_the_method_tasks_and_the_card_owner_the_fix() -> None:
    items = _mapped_plan()
    assert {k: i.owner for k, i in items.items()} == {
        "baseline": "Lee", "owners": "Lee", "implement": "Ana", "measure": "Ana",
        "review-30": "Lee", "standardize": "Lee", "review": "Lee"}


def test_the_method_tasks_say_what_to_do_with_this_map() -> None:
    items = _mapped_plan()
    assert items["measure"].detail == (
        "Compare repeat contacts and customer effort (CES) with the baseline.")
    assert items["standardize"].title == "Standardize workflow and publish revised SOPs"
    assert items["standardize"].detail == "Publish to: Tier 1, Billing."  # in map order
    assert items["owners"].title == "Assign journey owners"
    assert items["baseline"].title == "Baseline stage KPIs"
    assert items["implement"].detail.startswith("At the highest-friction step: Contact › Chat")
    assert [(i.phase, i.start, i.deadline) for i in items.values()] == [
        ("Weeks 1-2", dt.date(2026, 3, 2), dt.date(2026, 3, 13)),
        ("Weeks 1-2", dt.date(2026, 3, 2), dt.date(2026, 3, 13)),
        ("Weeks 3-4", dt.date(2026, 3, 16), dt.date(2026, 3, 27)),
        ("Weeks 5-6", dt.date(2026, 3, 30), dt.date(2026, 4, 10)),
        ("Day 30", dt.date(2026, 3, 31), dt.date(2026, 3, 31)),
        ("Weeks 7-8", dt.date(2026, 4, 13), dt.date(2026, 4, 24)),
        ("Day 60", dt.date(2026, 4, 30), dt.date(2026, 4, 30)),
    ]


def test_a_map_without_owner_teams_asks_for_them_before_publishing() -> None:
    journey = Journey(workshop=Workshop(id=1), stages=[Stage(id=1, workshop_id=1, name="S")],
                      touchpoints={1: [Touchpoint(id=1, stage_id=1, name="Chat")]})
    items = {i.key: i for i in generate_plan(journey, dt.date(2026, 3, 2))}
    assert items["standardize"].detail == (
        "No owner teams yet: assign owners, then publish to each team.")
