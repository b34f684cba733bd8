"""The step bar recounts the map only after an edit of a field ``step_states`` reads.

``STATE_FIELDS`` names, per table, the fields whose one-field edit may change a
step's state; any other field of that table, set to anything, must leave every
state as it was (or the bar would show a stale ✓ or "missing").
"""

from __future__ import annotations

import datetime as dt

import pytest


def _journey() -> object:
    from models.db.journey import Journey
    from models.db.tables.cards import PainPoint
    from models.db.tables.workshop import Stage, Touchpoint, Workshop

    j = Journey(workshop=Workshop(id=1, persona="p", scenario="s", persona_goal="g",
                                  business_goal="b"))
    j.stages = [Stage(id=1, workshop_id=1, name="Ask", kpi_name="FCR"),
                Stage(id=2, workshop_id=1, name="Wait", kpi_name="")]
    j.touchpoints = {1: [Touchpoint(id=1, stage_id=1, name="Form", owner_team="Support"),
                         Touchpoint(id=2, stage_id=1, name="Bot", owner_team="")]}
    j.pain_points = [PainPoint(id=1, workshop_id=1, touchpoint_id=1, description="Slow")]
    return j


def _other(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 0.5
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    return "" if value else "changed"


@pytest.mark.parametrize("index", [0, 1])
def test_touchpoint_fields_outside_the_list_leave_every_state(index: int) -> None:
    from models.db.tables.workshop import Touchpoint
    from models.rules.progress import STATE_FIELDS, edit_changes_states, step_states

    journey = _journey()
    before = step_states(journey)  # type: ignore[arg-type]
    tp = journey.touchpoints[1][index]  # type: ignore[attr-defined]
    fields = [name for name in Touchpoint.model_fields if name != "id"]
    assert set(STATE_FIELDS["Touchpoint"]) <= set(fields)
    for name in fields:
        if edit_changes_states("Touchpoint", name):
            continue
        setattr(tp, name, _other(getattr(tp, name)))
        assert step_states(journey) == before, name  # type: ignore[arg-type]


def test_the_fields_in_the_list_do_change_a_state() -> None:
    from models.rules.progress import edit_changes_states, step_states

    journey = _journey()
    before = step_states(journey)  # type: ignore[arg-type]
    journey.touchpoints[1][1].owner_team = "Tier 2"  # type: ignore[attr-defined]
    assert step_states(journey) != before  # type: ignore[arg-type]
    assert edit_changes_states("Touchpoint", "owner_team")
    assert edit_changes_states("Stage", "name")  # tables not listed: any field may
