"""The monthly leadership review answered from data, with honest gaps."""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.rules.review import QUESTIONS, leadership_review


def base(wid: int = 1, **workshop: object) -> Journey:
    stages = [Stage(id=wid * 10 + 1, workshop_id=wid, name="Contact",
                    kpi_name="First contact resolution (FCR)", kpi_baseline=60, kpi_unit="%"),
              Stage(id=wid * 10 + 2, workshop_id=wid, name="Follow-Up", kpi_name="Reopen rate",
                    kpi_baseline=18, kpi_unit="%")]
    tps = {wid * 10 + 1: [Touchpoint(id=wid * 10 + 1, stage_id=wid * 10 + 1, name="Chat",
                                     owner_team="Tier 1")],
           wid * 10 + 2: [Touchpoint(id=wid * 10 + 2, stage_id=wid * 10 + 2, name="Survey",
                                     owner_team="Tier 2")]}
    return Journey(workshop=Workshop(id=wid, **workshop), stages=stages, touchpoints=tps)


def pain(pid: int, tp: int | None, kind: str = "other", volume: int = 0, impact: int = 2,
         effort: int = 2, description: str = "") -> PainPoint:
    return PainPoint(id=pid, workshop_id=1, touchpoint_id=tp, kind=kind, ticket_volume=volume,
                     impact=impact, effort=effort, description=description or f"pain {pid}")


def answers(j: Journey, portfolio: list[Journey] | None = None) -> list[str]:
    review = leadership_review(j, portfolio or [j])
    assert [a.question for a in review] == list(QUESTIONS)
    return [a.answer for a in review]


def test_empty_workshop_says_what_to_record() -> None:
    a = answers(Journey(workshop=Workshop(id=1)))
    assert a[0] == "Not enough data: record pain points with their monthly ticket volume."
    assert a[1].startswith("Not enough data: no card is done yet")
    assert a[2] == "Not enough data: record and rank pain points first."
    assert a[3].startswith("Map a new one")


def test_loops_decide_the_busiest_step_before_total_volume() -> None:
    j = base()
    j.pain_points = [pain(1, 11, "other", 5000), pain(2, 12, "loop", 300),
                     pain(3, 12, "loop", 200), pain(4, 11, "loop", 0)]
    assert answers(j)[0] == ("Follow-Up: 500 tickets/month on its loop pain points (customers "
                             "repeating a step), the most of any step.")
    j.pain_points = [pain(1, 11, "other", 5000), pain(2, 12, "branch", 300)]
    assert answers(j)[0] == ("No loop pain point has ticket volume yet; Contact has the most: "
                             "5,000 tickets/month on its pain points.")
    j.pain_points = [pain(1, None, "loop", 100)]
    assert answers(j)[0].startswith("Not enough data: place the pain points on touchpoints")
    j.pain_points = [pain(1, 11, "loop", 0)]
    assert answers(j)[0] == "Not enough data: record the monthly ticket volume of each pain point."


def test_measured_improvement_is_direction_aware() -> None:
    j = base()
    j.pain_points = [pain(1, 11), pain(2, 12)]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, experiment="a callback", status="done",
                              result_value=55),           # FCR fell: worse
               HypothesisCard(id=2, pain_point_id=2, experiment="a status email", status="done",
                              result_value=12)]           # reopen fell: better
    assert answers(j)[1] == ("“a status email” moved Reopen rate from 18 % to 12 % "
                             "(lower is better).")
    j.cards[1].result_value = 20
    assert answers(j)[1] == ("No change improved its KPI yet: “a callback” moved First contact "
                             "resolution (FCR) from 60 % to 55 %.")
    j.cards[0].result_value = 72
    assert answers(j)[1].startswith("“a callback” moved First contact resolution (FCR) from "
                                    "60 % to 72 % (higher is better)")


def test_measured_improvement_reports_missing_results_and_baselines() -> None:
    j = base()
    j.pain_points = [pain(1, 11)]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, status="done")]
    assert answers(j)[1].startswith("Not enough data: record the result value")
    j.cards[0].result_value = 70
    j.stages[0].kpi_baseline = None
    assert answers(j)[1] == ("Not enough data: record the baseline of "
                             "First contact resolution (FCR).")


def test_unknown_kpi_direction_uses_the_target() -> None:
    j = base()
    j.stages[0].kpi_name = "Widget index"
    j.stages[0].kpi_target = 40
    j.pain_points = [pain(1, 11)]
    j.cards = [HypothesisCard(id=1, pain_point_id=1, experiment="x", status="done",
                              result_value=50)]
    assert answers(j)[1] == "“x” moved Widget index from 60 % to 50 % (lower is better)."


def test_open_friction_and_its_owner() -> None:
    j = base()
    j.pain_points = [pain(1, 11, impact=3, effort=1, description="re-verify identity"),
                     pain(2, 12, impact=1, effort=3, description="[bold]no status[/]")]
    assert answers(j)[2].startswith("“re-verify identity” (ranked 1: quick win")
    assert answers(j)[2].endswith("is still open with no card and no owner: draft a card "
                                  "and assign one.")
    j.cards = [HypothesisCard(id=1, pain_point_id=1, status="done"),
               HypothesisCard(id=2, pain_point_id=2, owner="Ana",
                              deadline=dt.date(2026, 5, 1))]
    assert answers(j)[2].startswith("“[bold]no status[/]” (ranked 2: money pit")
    assert answers(j)[2].endswith("is still open; Ana owns it, due 2026-05-01.")
    j.cards[1].owner = ""
    assert answers(j)[2].endswith("nobody owns it: assign an owner to its card.")
    j.cards[1].status = "dropped"
    assert answers(j)[2].endswith("its card was dropped, so nobody owns it.")
    j.cards[1].status = "done"
    assert answers(j)[2] == "None: every ranked friction point has a card that is done."


def test_next_journey_by_volume_times_risk() -> None:
    current = base(1, title="Admin locked out", evidence_ticket_volume=99999)
    billing = base(2, title="Billing dispute", evidence_ticket_volume=1000)
    billing.handoffs = [Handoff(id=1, workshop_id=2, from_touchpoint_id=21, to_touchpoint_id=22,
                                customer_informed=True)]  # 0 risks: 1,000 x 1
    outage = base(3, title="Production outage", evidence_ticket_volume=400)
    outage.touchpoints[31][0].owner_team = ""  # unowned, and Tier 2 -> Eng not informed
    outage.touchpoints[32][0].lane = "backstage"
    outage.touchpoints[32].append(Touchpoint(id=33, stage_id=32, name="x", owner_team="Eng",
                                             lane="backstage"))
    portfolio = [current, billing, outage]
    answer = answers(current, portfolio)[3]
    assert answer == ("Map “Production outage” next: 400 tickets/month on that journey "
                      "and 2 ownership risks.")
    # 400 x (1 + 2) = 1,200 beats 1,000 x 1; doubling billing's volume turns it round
    billing.workshop.evidence_ticket_volume = 2000
    assert answers(current, portfolio)[3] == (
        "Map “Billing dispute” next: 2,000 tickets/month on that journey and 0 ownership risks.")


def test_next_journey_without_volume_asks_for_it() -> None:
    current, other = base(1), base(2, scenario="Where is my order")
    assert answers(current, [current, other])[3] == (
        "Not enough data: record the monthly ticket volume of “Where is my order”.")
    other.pain_points = [pain(5, 21, volume=120)]
    assert answers(current, [current, other])[3].startswith(
        "Map “Where is my order” next: 120 tickets/month")
