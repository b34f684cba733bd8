"""The monthly leadership review word for word: which step, which change, which friction,
which journey next and what is due; every fallback a room meets on a half-filled map."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.review import (
    busiest_step,
    measured_improvement,
    month_bounds,
    month_items,
    next_journey,
    open_friction,
    review_day,
)

D = dt.date


def base(wid: int = 1, names: tuple[str, str] = ("Contact", "Follow-Up"),
         **workshop: object) -> Journey:
    stages = [Stage(id=wid * 10 + 1, workshop_id=wid, name=names[0],
                    kpi_name="First contact resolution (FCR)", kpi_baseline=60, kpi_unit="%"),
              Stage(id=wid * 10 + 2, workshop_id=wid, name=names[1], kpi_name="Reopen rate",
                    kpi_baseline=18, kpi_unit="%")]
    tps = {wid * 10 + 1: [Touchpoint(id=wid * 10 + 1, stage_id=wid * 10 + 1, name="Chat",
                                     owner_team="Tier 1")],
           wid * 10 + 2: [Touchpoint(id=wid * 10 + 2, stage_id=wid * 10 + 2, name="Survey",
                                     owner_team="Tier 1")]}
    return Journey(workshop=Workshop(id=wid, **workshop), stages=stages, touchpoints=tps)


def pain(pid: int, tp: int | None, kind: str = "loop", volume: int = 0, impact: int = 2,
         effort: int = 2, description: str = "") -> PainPoint:
    return PainPoint(id=pid, workshop_id=1, touchpoint_id=tp, kind=kind, ticket_volume=volume,
                     impact=impact, effort=effort, description=description or f"pain {pid}")


def done(cid: int, pid: int, result: float | None, experiment: str = "") -> HypothesisCard:
    return HypothesisCard(id=cid, pain_point_id=pid, status="done", result_value=result,
                          experiment=experiment or f"fix {cid}")


# -- which step generates the most repeat contacts


def test_the_ticket_readings_answer_before_the_pain_points() -> None:
    j = base()
    j.pain_points = [pain(1, 11, volume=900)]
    j.ticket_sources = [TicketSource(id=1, workshop_id=1, file_name="may.csv",
                                     links=json.dumps({"Login": {"stage": 12}}))]
    j.readings = [Reading(source_id=1, workshop_id=1, period="2026-05", group_kind="category",
                          group_value="Login", tickets=50, reopened=7)]
    assert busiest_step(j) == ("Follow-Up generates the most repeat contacts: 7 reopened "
                               "tickets (may.csv, 2026-05, n=50).")


def test_a_tie_goes_to_the_earlier_step_and_one_ticket_is_singular() -> None:
    j = base()
    j.pain_points = [pain(1, 12, volume=1), pain(2, 11, volume=1)]
    assert busiest_step(j) == ("Contact: 1 ticket/month on its loop pain points (customers "
                               "repeating a step), the most of any step.")


def test_an_unnamed_step_is_named_as_such() -> None:
    j = base(names=("  ", "Follow-Up"))
    j.pain_points = [pain(1, 11, volume=1200), pain(2, 12, volume=30)]
    assert busiest_step(j) == ("An unnamed stage: 1,200 tickets/month on its loop pain points "
                               "(customers repeating a step), the most of any step.")
    j.pain_points = [pain(1, 11, kind="branch", volume=1)]
    assert busiest_step(j) == ("No loop pain point has ticket volume yet; An unnamed stage has "
                               "the most: 1 ticket/month on its pain points.")


# -- which change measurably improved its KPI


def test_a_met_ticket_signal_answers_before_the_done_cards() -> None:
    j = base()
    j.ticket_sources = [TicketSource(id=1, workshop_id=1, file_name="a.csv")]
    j.readings = [Reading(source_id=1, workshop_id=1, period=p, tickets=t)
                  for p, t in (("2026-04", 200), ("2026-05", 100))]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, experiment="Status page",
                              signal_metric="tickets", signal_target=-0.3,
                              signal_relative=True)]
    assert measured_improvement(j) == ("“Status page” met its signal: 100 in 2026-05 vs 200 in "
                                       "2026-04: -50% (target -30%).")


def test_the_biggest_share_of_its_baseline_wins_not_the_biggest_number() -> None:
    j = base()
    j.stages[0].kpi_baseline = 200
    j.stages[0].kpi_unit = ""
    j.pain_points = [pain(1, 11), pain(2, 12)]
    j.cards = [done(1, 1, 230, "More agents"), done(2, 2, 9, "Status email.")]
    assert measured_improvement(j) == ("“Status email” moved Reopen rate from 18 % to 9 % "
                                       "(lower is better).")


def test_a_zero_baseline_is_judged_by_the_plain_gain() -> None:
    j = base()
    j.stages[0].kpi_baseline = 0
    j.stages[0].kpi_unit = ""
    j.pain_points = [pain(1, 11), pain(2, 12)]
    j.cards = [done(1, 1, 5), done(2, 2, 17.5)]
    assert measured_improvement(j).startswith("“fix 1” moved First contact resolution (FCR) "
                                              "from 0 to 5 (higher is better)")


def test_no_gain_is_not_an_improvement() -> None:
    j = base()
    j.pain_points = [pain(1, 12)]
    j.cards = [done(1, 1, 18)]
    assert measured_improvement(j) == ("No change improved its KPI yet: “fix 1” moved Reopen "
                                       "rate from 18 % to 18 %.")


def test_a_card_is_named_by_its_experiment_else_its_pain_else_as_a_card() -> None:
    j = base()
    j.pain_points = [pain(1, 12, description="  asks twice ")]
    j.cards = [done(1, 1, 12, " ")]
    j.cards[0].experiment = " . "
    assert measured_improvement(j).startswith("“asks twice” moved Reopen rate")
    j.pain_points[0].description = "  "
    assert measured_improvement(j).startswith("“a card” moved Reopen rate")


def test_a_kpi_without_a_name_is_the_kpi_of_its_stage() -> None:
    j = base()
    j.stages[1].kpi_name = " "
    j.stages[1].kpi_target = 10
    j.pain_points = [pain(1, 12)]
    j.cards = [done(1, 1, 12)]
    assert measured_improvement(j) == ("“fix 1” moved the Follow-Up KPI from 18 % to 12 % "
                                       "(lower is better).")
    j.stages[1].name = ""
    assert measured_improvement(j) == ("“fix 1” moved the stage KPI from 18 % to 12 % "
                                       "(lower is better).")


def test_a_kpi_of_unknown_direction_without_a_usable_target_asks_for_one() -> None:
    j = base()
    j.stages[1].kpi_name = "Widget index"
    j.pain_points = [pain(1, 12)]
    j.cards = [done(1, 1, 12)]
    expected = ("Not enough data: record the baseline of a target for Widget index (to know "
                "which way is better).")
    assert measured_improvement(j) == expected
    j.stages[1].kpi_target = 18
    assert measured_improvement(j) == expected
    j.stages[1].kpi_target = 20
    assert measured_improvement(j) == ("No change improved its KPI yet: “fix 1” moved Widget "
                                       "index from 18 % to 12 %.")
    j.stages[1].kpi_target = 17
    assert measured_improvement(j) == ("“fix 1” moved Widget index from 18 % to 12 % "
                                       "(lower is better).")


def test_a_card_off_the_map_or_without_a_baseline_asks_for_what_is_missing() -> None:
    j = base()
    j.stages[1].kpi_baseline = None
    j.stages[1].kpi_name = ""
    j.pain_points = [pain(1, None, description="lost"), pain(2, 12)]
    j.cards = [done(1, 1, 5, "Call back"), done(2, 2, 5), done(3, 99, 5, "")]
    j.cards[2].experiment = ""
    assert measured_improvement(j) == (
        "Not enough data: record the baseline of the step of “Call back”; Follow-Up; "
        "the step of “a card”.")


# -- which friction point is still open, and who owns it


def test_the_owner_is_trimmed_and_a_deadline_on_the_review_day_is_not_late() -> None:
    j = base()
    j.pain_points = [pain(1, 11, description=" ", impact=3, effort=1)]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, owner="  Ana ",
                              deadline=D(2026, 5, 31))]
    got = open_friction(j, D(2026, 5, 31))
    assert got.startswith("“An unnamed pain point” (ranked 1: quick win")
    assert got.endswith("is still open; Ana owns it, due 2026-05-31.")
    assert open_friction(j, D(2026, 6, 1)).endswith(
        "Ana owns it, due 2026-05-31 (OVERDUE on 2026-06-01).")
    assert open_friction(j).endswith("Ana owns it, due 2026-05-31.")
    j.cards[0].deadline = None
    assert open_friction(j, D(2026, 6, 1)).endswith("Ana owns it, with no deadline.")


def test_a_done_card_passes_the_question_to_the_next_ranked_pain() -> None:
    j = base()
    j.pain_points = [pain(1, 11, impact=3, effort=1, description="first"),
                     pain(2, 12, impact=1, effort=3, description="second")]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, status="done")]
    assert open_friction(j).startswith("“second” (ranked 2")
    assert open_friction(j).endswith("is still open with no card and no owner: draft a card "
                                     "and assign one.")


# -- which journey should we map next


def test_a_single_risk_is_singular_and_volume_comes_from_the_pain_points() -> None:
    current = base(1, title="Lockout")
    other = base(2, title="Orders")
    other.pain_points = [pain(1, 21, volume=300), pain(2, 22, volume=45)]
    other.touchpoints[21][0].owner_team = ""
    assert next_journey(current, [current, other]) == (
        "Map “Orders” next: 345 tickets/month on that journey and 1 ownership risk.")


def test_equal_scores_go_to_the_older_workshop() -> None:
    current = base(1, title="Lockout")
    older, newer = (base(3, title="Orders", evidence_ticket_volume=500),
                    base(2, title="Refunds", evidence_ticket_volume=500))
    assert next_journey(current, [current, older, newer]).startswith("Map “Refunds” next")


def test_every_other_journey_without_volume_is_named() -> None:
    current = base(1, title="Lockout")
    others = [base(2, title="Orders"), base(3, scenario="Refund asked twice")]
    assert next_journey(current, [current, *others]) == (
        "Not enough data: record the monthly ticket volume of “Orders”, "
        "“Refund asked twice”.")


def test_the_same_journey_is_known_by_its_scenario_or_its_title_in_any_spacing() -> None:
    current = base(1, title="Lockout", scenario="Admin  locked out")
    by_scenario = base(2, title="Other title", scenario="admin locked OUT",
                       evidence_ticket_volume=900)
    by_title = base(3, title=" LOCKOUT ", scenario="something else",
                    evidence_ticket_volume=900)
    different = base(4, title="Orders", scenario="", evidence_ticket_volume=10)
    assert next_journey(current, [current, by_scenario, by_title, different]) == (
        "Map “Orders” next: 10 tickets/month on that journey and 0 ownership risks.")
    blank = base(5, title="Lockout 2", scenario="")
    blank_other = base(6, title="Orders 2", scenario="", evidence_ticket_volume=7)
    assert next_journey(blank, [blank, blank_other]).startswith("Map “Orders 2” next")


@pytest.mark.parametrize(("words", "examples"), [
    ({"title": "Refund disputes"}, "account access or order issues"),
    ({"scenario": "Parcel never arrived", "persona": "Admin with MFA"},
     "billing disputes or production outages"),
    ({"persona_goal": "cancel the subscription", "business_goal": "fewer outages",
      "title": "invoices, login and returns"}, "another high-volume journey"),
    ({"title": "Plain"}, "billing disputes or account access"),
])
def test_the_examples_leave_out_what_the_workshop_already_maps(words: dict[str, str],
                                                               examples: str) -> None:
    j = base(1, **words)
    assert next_journey(j, [j]) == (
        "Map a new one: no other journey is in this database yet; pick the next high-volume "
        f"journey (for example {examples}).")


def test_stage_names_count_as_what_the_workshop_maps() -> None:
    j = base(1, names=("Sign in", "Billing"), title="Plain")
    assert next_journey(j, [j]).endswith("(for example order issues or production outages).")


# -- what is due in a month


@pytest.mark.parametrize("month", ["2026-00", "2026-13", "26-05", "2026-5", "2026-05-01", ""])
def test_a_month_that_is_not_a_month_is_refused_in_one_sentence(month: str) -> None:
    with pytest.raises(ValueError) as err:
        month_bounds(month)
    assert str(err.value) == ("The month must look like YYYY-MM, for example 2026-05 "
                              f"(got {month!r}).")


def test_a_month_runs_from_its_first_to_its_last_day() -> None:
    assert month_bounds(" 2024-02 ") == (D(2024, 2, 1), D(2024, 2, 29))
    assert month_bounds("2026-12") == (D(2026, 12, 1), D(2026, 12, 31))
    assert month_bounds("2026-01") == (D(2026, 1, 1), D(2026, 1, 31))
    assert review_day("2026-05") == D(2026, 5, 31)
    assert review_day("2026-05", D(2026, 5, 2)) == D(2026, 5, 2)
    assert review_day("2026-05", D(2026, 7, 2)) == D(2026, 5, 31)


def test_items_due_in_a_month_are_listed_with_owner_date_and_state() -> None:
    j = base()
    j.pain_points = [pain(1, 11, impact=3, effort=1), pain(2, 12)]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, owner="Ana", deadline=D(2026, 5, 1),
                              experiment="Call back", status="in_progress"),
               HypothesisCard(id=2, pain_point_id=2, deadline=D(2026, 5, 31),
                              experiment="Status page")]
    j.plan_tasks = [PlanTask(id=1, workshop_id=1, key="review", title="Review",
                             deadline=D(2026, 6, 1)),
                    PlanTask(id=2, workshop_id=1, key="kick", title="Kick-off",
                             deadline=D(2026, 4, 30))]
    assert month_items(j, "2026-05", today=D(2026, 5, 15)) == (
        "In 2026-05, 2 items due: “Call back” (Ana, 2026-05-01, OVERDUE); "
        "“Status page” (unassigned, 2026-05-31, proposed).")


def test_a_pain_point_off_the_map_does_not_hide_the_ones_after_it() -> None:
    j = base()
    j.pain_points = [pain(1, None, volume=40), pain(2, 11, volume=0), pain(3, 12, volume=3)]
    assert busiest_step(j) == ("Follow-Up: 3 tickets/month on its loop pain points (customers "
                               "repeating a step), the most of any step.")


def test_a_later_step_with_one_ticket_beats_an_earlier_step_with_none() -> None:
    j = base()
    j.pain_points = [pain(1, 12, volume=1)]
    assert busiest_step(j).startswith("Follow-Up: 1 ticket/month")


def test_one_ticket_off_the_map_asks_to_place_it_not_to_count_it() -> None:
    j = base()
    j.pain_points = [pain(1, None, volume=1)]
    assert busiest_step(j) == (
        "Not enough data: place the pain points on touchpoints so they belong to a step.")


def test_done_cards_without_a_result_ask_for_it_in_full() -> None:
    j = base()
    j.pain_points = [pain(1, 12)]
    j.cards = [done(1, 1, None)]
    assert measured_improvement(j) == ("Not enough data: record the result value (the stage "
                                       "KPI after the change) on done cards.")


def test_a_card_of_unknown_direction_does_not_stop_the_next_card_being_judged() -> None:
    j = base()
    j.stages[0].kpi_name = "Widget index"
    j.pain_points = [pain(1, 11), pain(2, 12)]
    j.cards = [done(1, 1, 70), done(2, 2, 17.5)]
    assert measured_improvement(j) == ("“fix 2” moved Reopen rate from 18 % to 17.5 % "
                                       "(lower is better).")


def test_a_state_is_written_in_words_and_one_item_is_singular() -> None:
    j = base()
    j.pain_points = [pain(1, 11)]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, owner="Ana", deadline=D(2026, 5, 20),
                              experiment="Call back", status="in_progress")]
    assert month_items(j, "2026-05", today=D(2026, 5, 15)) == (
        "In 2026-05, 1 item due: “Call back” (Ana, 2026-05-20, in progress).")


def test_a_done_card_whose_text_ends_in_x_keeps_its_last_letter() -> None:
    j = base()
    j.pain_points = [pain(1, 12)]
    j.cards = [done(1, 1, 12, "Fix the login UX.")]
    assert measured_improvement(j).startswith("“Fix the login UX” moved Reopen rate")


@pytest.mark.parametrize("month", ["0000-01", "1969-12", "2200-01", "9999-12"])
def test_a_month_outside_the_dates_a_workshop_holds_is_refused(month: str) -> None:
    with pytest.raises(ValueError) as err:
        month_bounds(month)
    assert str(err.value) == ("The month must be between 1970-01 and 2199-12, the months "
                              f"a workshop's dates fall in (got {month!r}).")
