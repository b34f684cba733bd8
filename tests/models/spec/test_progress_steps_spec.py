"""What the step bar says is missing at each step (models/rules/progress.py): the exact
words a lead reads, singular and plural, from an empty workshop to a finished one."""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables import HypothesisCard, PainPoint, PlanTask, Stage, Touchpoint, Workshop
from models.rules.progress import step_states


def _missing(journey: Journey) -> dict[str, tuple[bool, str]]:
    return {step: (state.done, state.missing) for step, state in step_states(journey).items()}


def test_an_empty_workshop_says_what_each_step_needs() -> None:
    assert _missing(Journey(workshop=Workshop(id=1))) == {
        "scope": (False, "persona, scenario, persona goal, business goal missing"),
        "stages": (False, "no stages yet"),
        "touchpoints": (False, "no touchpoints yet"),
        "ownership": (False, "add touchpoints first"),
        "pains": (False, "no pain points yet"),
        "cards": (False, "needs pain points"),
        "tracker": (False, "no cards or plan tasks yet"),
        "plan": (False, "no plan generated yet"),
    }


def test_scope_names_only_the_blank_fields_in_form_order() -> None:
    workshop = Workshop(id=1, persona="  ", scenario="locked out", persona_goal="",
                        business_goal="fewer tickets")
    assert _missing(Journey(workshop=workshop))["scope"] == (
        False, "persona, persona goal missing")
    done = Workshop(id=1, persona="Admin", scenario="locked out", persona_goal="get in",
                    business_goal="fewer tickets")
    assert _missing(Journey(workshop=done))["scope"] == (True, "")


def _journey(kpis: list[str], touchpoints: dict[int, list[str]],
             pains: int = 0, cards: int = 0) -> Journey:
    stages = [Stage(id=i + 1, workshop_id=1, position=i, name=f"Stage {i + 1}", kpi_name=kpi)
              for i, kpi in enumerate(kpis)]
    tps = {stage_id: [Touchpoint(id=10 * stage_id + n, stage_id=stage_id, position=n,
                                 name=f"tp {n}", owner_team=owner)
                      for n, owner in enumerate(owners)]
           for stage_id, owners in touchpoints.items()}
    pain_rows = [PainPoint(id=100 + n, workshop_id=1, description=f"pain {n}")
                 for n in range(pains)]
    card_rows = [HypothesisCard(id=200 + n, pain_point_id=100 + n) for n in range(cards)]
    return Journey(workshop=Workshop(id=1), stages=stages, touchpoints=tps,
                   pain_points=pain_rows, cards=card_rows)


def test_stages_without_a_kpi_are_counted_in_words() -> None:
    assert _missing(_journey(["CSAT", "", "FCR"], {}))["stages"] == (False, "1 stage has no KPI")
    assert _missing(_journey(["", " ", "FCR"], {}))["stages"] == (
        False, "2 stages have no KPI")
    assert _missing(_journey(["CSAT", "FCR"], {}))["stages"] == (True, "")


def test_stages_without_touchpoints_and_touchpoints_without_owner_are_counted() -> None:
    one_empty = _missing(_journey(["a", "b", "c"], {1: ["Desk"], 2: ["", " "]}))
    assert one_empty["touchpoints"] == (False, "1 stage has no touchpoints")
    assert one_empty["ownership"] == (False, "2 touchpoints have no owner")
    two_empty = _missing(_journey(["a", "b", "c"], {1: ["", "Desk"]}))
    assert two_empty["touchpoints"] == (False, "2 stages have no touchpoints")
    assert two_empty["ownership"] == (False, "1 touchpoint has no owner")
    full = _missing(_journey(["a"], {1: ["Desk"]}))
    assert full["touchpoints"] == (True, "") and full["ownership"] == (True, "")


def test_pain_points_without_a_card_are_counted() -> None:
    assert _missing(_journey([], {}, pains=2))["pains"] == (True, "")
    assert _missing(_journey([], {}, pains=2))["cards"] == (False, "2 pain points without a card")
    assert _missing(_journey([], {}, pains=2, cards=1))["cards"] == (
        False, "1 pain point without a card")
    assert _missing(_journey([], {}, pains=2, cards=2))["cards"] == (True, "")


def test_a_generated_plan_is_the_plan_step_done() -> None:
    journey = _journey([], {})
    journey.plan_tasks = [PlanTask(id=1, workshop_id=1, title="Fix the reset link",
                                   owner="Ana", deadline=dt.date(2026, 3, 10))]
    assert _missing(journey)["plan"] == (True, "")
