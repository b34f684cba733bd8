"""Step progress as the step bar, the palette and `journeymap status` show it
(models/rules/progress.py), from an empty workshop to a finished one.

Each step is done or says, in words a lead can act on, what is still missing:
counts in the right grammatical number ("1 stage has", "2 stages have"), and a
step that needs an earlier one says so instead of pretending to be empty.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.progress import StepState, edit_changes_states, step_states

DAY = dt.date(2026, 3, 10)
SCOPE: dict[str, Any] = dict(persona="IT admin", scenario="locked out", persona_goal="run payroll",
             business_goal="fewer lockout tickets")


def _journey(stages: list[Stage] | None = None, tps: list[Touchpoint] | None = None,
             **workshop: Any) -> Journey:
    stages = stages if stages is not None else []
    by_stage: dict[int, list[Touchpoint]] = {}
    for t in tps or []:
        by_stage.setdefault(t.stage_id, []).append(t)
    return Journey(workshop=Workshop(id=1, **workshop), stages=stages, touchpoints=by_stage)


def _stage(sid: int, kpi: str = "FCR") -> Stage:
    return Stage(id=sid, workshop_id=1, position=sid, name=f"Stage {sid}", kpi_name=kpi)


def _tp(tid: int, stage: int, owner: str = "Support") -> Touchpoint:
    return Touchpoint(id=tid, stage_id=stage, position=tid, name=f"T{tid}", owner_team=owner)


def test_a_new_workshop_says_what_every_step_is_waiting_for() -> None:
    states = step_states(_journey())
    assert {k: (s.done, s.missing) for k, s in states.items()} == {
        "scope": (False, "persona, scenario, persona goal, business goal missing"),
        "stages": (False, "no stages yet"),
        "touchpoints": (False, "no touchpoints yet"),
        "ownership": (False, "add touchpoints first"),
        "pains": (False, "no pain points yet"),
        "cards": (False, "needs pain points"),
        "tracker": (False, "no cards or plan tasks yet"),
        "plan": (False, "no plan generated yet"),
    }
    assert all(state.step == key for key, state in states.items())


def test_scope_names_only_the_parts_left_blank() -> None:
    states = step_states(_journey(**{**SCOPE, "scenario": "  ", "business_goal": ""}))
    assert states["scope"] == StepState("scope", False, "scenario, business goal missing")
    in_form_order = step_states(_journey(**{**SCOPE, "persona": "  ", "persona_goal": ""}))
    assert in_form_order["scope"] == StepState("scope", False, "persona, persona goal missing")
    assert step_states(_journey(**SCOPE))["scope"] == StepState("scope", True, "")


def test_stages_need_a_kpi_each_counted_in_words() -> None:
    one = step_states(_journey([_stage(1), _stage(2, kpi=" ")]))["stages"]
    assert one == StepState("stages", False, "1 stage has no KPI")
    two = step_states(_journey([_stage(1, kpi=""), _stage(2, kpi="")]))["stages"]
    assert two == StepState("stages", False, "2 stages have no KPI")
    assert step_states(_journey([_stage(1), _stage(2)]))["stages"] == StepState("stages", True)


def test_touchpoints_are_done_when_every_stage_has_one() -> None:
    stages = [_stage(1), _stage(2), _stage(3)]
    one_empty = step_states(_journey(stages, [_tp(1, 1), _tp(2, 2)]))["touchpoints"]
    assert one_empty == StepState("touchpoints", False, "1 stage has no touchpoints")
    two_empty = step_states(_journey(stages, [_tp(1, 1)]))["touchpoints"]
    assert two_empty == StepState("touchpoints", False, "2 stages have no touchpoints")
    full = step_states(_journey(stages, [_tp(1, 1), _tp(2, 2), _tp(3, 3)]))["touchpoints"]
    assert full == StepState("touchpoints", True, "")


def test_ownership_counts_the_touchpoints_without_an_owner_team() -> None:
    stages = [_stage(1)]
    one = step_states(_journey(stages, [_tp(1, 1), _tp(2, 1, owner=" ")]))["ownership"]
    assert one == StepState("ownership", False, "1 touchpoint has no owner")
    two = step_states(_journey(stages, [_tp(1, 1, ""), _tp(2, 1, "")]))["ownership"]
    assert two == StepState("ownership", False, "2 touchpoints have no owner")
    assert step_states(_journey(stages, [_tp(1, 1)]))["ownership"] == StepState(
        "ownership", True, "")


def test_pains_and_cards_every_pain_point_needs_a_card() -> None:
    j = _journey([_stage(1)], [_tp(1, 1)])
    j.pain_points = [PainPoint(id=1, workshop_id=1, touchpoint_id=1),
                     PainPoint(id=2, workshop_id=1, touchpoint_id=1),
                     PainPoint(id=3, workshop_id=1, touchpoint_id=1)]
    j.cards = [HypothesisCard(id=9, pain_point_id=2)]
    states = step_states(j)
    assert states["pains"] == StepState("pains", True, "")
    assert states["cards"] == StepState("cards", False, "2 pain points without a card")
    j.cards.append(HypothesisCard(id=10, pain_point_id=1))
    assert step_states(j)["cards"] == StepState("cards", False, "1 pain point without a card")
    j.cards.append(HypothesisCard(id=11, pain_point_id=3))
    assert step_states(j)["cards"] == StepState("cards", True, "")


def test_the_plan_is_done_once_generated() -> None:
    j = _journey()
    j.plan_tasks = [PlanTask(id=1, workshop_id=1, key="baseline", owner="Ana", deadline=DAY)]
    assert step_states(j)["plan"] == StepState("plan", True, "")


def test_the_tracker_counts_open_items_missing_an_owner_or_a_deadline() -> None:
    j = _journey()
    j.cards = [HypothesisCard(id=1, pain_point_id=1, owner="Ana", deadline=None),
               HypothesisCard(id=2, pain_point_id=2, owner="  ", deadline=DAY),
               HypothesisCard(id=3, pain_point_id=3, status="done"),
               HypothesisCard(id=4, pain_point_id=4, owner="Bo", deadline=DAY)]
    j.plan_tasks = [PlanTask(id=1, workshop_id=1, owner="", deadline=None, status="dropped")]
    assert step_states(j)["tracker"] == StepState(
        "tracker", False, "2 items without an owner or a deadline")
    j.cards = j.cards[2:]
    assert step_states(j)["tracker"] == StepState("tracker", True, "")
    j.plan_tasks = [PlanTask(id=1, workshop_id=1, owner="", deadline=None)]
    assert step_states(j)["tracker"].missing == "1 item without an owner or a deadline"


def test_editing_a_touchpoints_words_leaves_the_step_bar_uncounted() -> None:
    # The step bar counts the whole map again only after an edit that may change a step.
    assert not edit_changes_states("Touchpoint", "name")
    assert not edit_changes_states("Touchpoint", "sentiment")
    assert edit_changes_states("Touchpoint", "stage_id")
