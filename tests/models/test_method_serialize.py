"""Backups and templates carry the method's fields: JTBD, costs, escalation, bots, five whys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.export.json_backup import export_workshop, import_json
from models.export.serialize import DataError, normalize
from models.export.templates import create_from_template, load_template, template_dict

TEMPLATE = '''
format = "journeymap"
version = 2

[template]
name = "bot"
title = "Password reset bot"

[workshop]
title = "Reset"
jtbd_when = "When I am locked out before the 9 am payroll run"
jtbd_want = "get back into my admin console"
jtbd_so_that = "I can run payroll on time"

[[channel_costs]]
channel = "phone"
cost_per_contact = 25.0
handle_minutes = 12.0

[[channel_costs]]
channel = "bot"
cost_per_contact = 0.5
confirmed = true

[[escalation_levels]]
severity = "Sev-1"
criteria = "all admins locked out"
tier_role = "Support Lead"
response_sla_minutes = 15
update_every_minutes = 30
channel = "phone"

[[stages]]
name = "Self-Service Attempt"

[[stages.touchpoints]]
name = "Reset bot"
channel = "chat"
actor = "bot"
emotion = "hope"
bot_intent = "reset password"
bot_escalation_rule = "hand off to a human after 2 failed verification attempts"
bot_context_passed = "full transcript"
bot_deflection_rate = 0.4

[[stages.touchpoints]]
name = "Agent resets"
actor = "agent"

[[stages.touchpoints.pain_points]]
description = "Customer repeats identity checks"
five_whys = ["Why repeat? Agent has no transcript", "Why? Bot hands off by email"]
root_cause = "The handoff drops the transcript"
urgent = true
important = true

[stages.touchpoints.pain_points.card]
experiment = "pass the transcript"
effect_kind = "handle_time"
effect_value = -20.0

[[handoffs]]
from = [0, 0]
to = [0, 1]
is_escalation = true
checklist = "transcript\\nsteps tried"
'''


def test_a_template_with_every_new_key_loads_creates_and_comes_back(
        store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bot.toml"
    path.write_text(TEMPLATE, encoding="utf-8")
    data = load_template(path)
    journey = store.load(create_from_template(store, str(path)))
    assert journey.workshop.jtbd_want == "get back into my admin console"
    bot = journey.ordered_touchpoints()[0]
    assert (bot.actor, bot.emotion, bot.bot_deflection_rate) == ("bot", "hope", 0.4)
    assert journey.pain_points[0].five_whys.count("\n") == 1
    assert journey.pain_points[0].urgent and journey.cards[0].effect_value == -20
    assert journey.handoffs[0].is_escalation and journey.handoffs[0].checklist.endswith("tried")
    cost = journey.channel_cost("phone")
    assert cost is not None and cost.confirmed is False  # a template's cost is a default
    assert journey.escalation_levels[0].response_sla_minutes == 15
    assert_contains(template_dict(journey, "bot", "Password reset bot"), data)


def assert_contains(got: Any, given: Any, path: str = "") -> None:
    """Everything ``given`` says is in ``got`` (which also holds the defaults)."""
    if isinstance(given, dict):
        for key, value in given.items():
            assert key in got, f"{path}.{key} missing"
            assert_contains(got[key], value, f"{path}.{key}")
    elif isinstance(given, list):
        assert len(got) == len(given), path
        for i, (a, b) in enumerate(zip(got, given, strict=True)):
            assert_contains(a, b, f"{path}[{i}]")
    else:
        assert got == given, path


def test_a_template_never_carries_links_or_the_review_date(store: Store) -> None:
    as_is = int(store.create_workshop(title="as-is").id or 0)
    to_be = int(store.create_workshop(title="to-be", state="future", as_is_workshop_id=as_is,
                                      last_reviewed_at="2026-01-01").id or 0)
    scope = template_dict(store.load(to_be), "x")["workshop"]
    assert "as_is_workshop_id" not in scope and "last_reviewed_at" not in scope


def test_a_restored_future_state_whose_as_is_is_gone_keeps_everything_else(
        store: Store, tmp_path: Path) -> None:
    as_is = int(store.create_workshop(title="as-is").id or 0)
    to_be = int(store.create_workshop(title="to-be", state="future",
                                      as_is_workshop_id=as_is).id or 0)
    backup = export_workshop(store, to_be)
    assert json.loads(backup)["workshop"]["as_is_workshop_id"] == as_is
    elsewhere = Store(tmp_path / "other.db", who="t")
    restored = elsewhere.load(import_json(elsewhere, backup, "b.json"))
    assert restored.workshop.state == "future" and restored.workshop.as_is_workshop_id is None
    assert restored.workshop.title == "to-be" and len(restored.stages) == 6
    elsewhere.close()


def _doc(**extra: Any) -> dict[str, Any]:
    return {"format": "journeymap", "version": 1, "workshop": {"title": "x"}, **extra}


@pytest.mark.parametrize(("data", "where", "words"), [
    (_doc(channel_costs=[{"channel": "phone", "cost_per_contact": -2.0}]),
     "channel_costs[0].cost_per_contact", "must be 0 or more"),
    (_doc(channel_costs=[{"channel": "Phone"}, {"channel": "phone "}]),
     "channel_costs[1].channel", "listed twice"),
    (_doc(escalation_levels=[{"severity": "Sev-1", "response_sla_minutes": 0}]),
     "escalation_levels[0].response_sla_minutes", "must be between 1"),
    (_doc(pain_points=[{"description": "p", "five_whys": ["1", "2", "3", "4", "5", "6"]}]),
     "pain_points[0].five_whys", "at most 5 answers"),
    (_doc(pain_points=[{"description": "p", "five_whys": "a\nb"}]),
     "pain_points[0].five_whys", "must be a list of text"),
    (_doc(pain_points=[{"description": "p", "card": {"effect_kind": "deflection",
                                                     "effect_value": 150.0}}]),
     "pain_points[0].card.effect_value", "between -100 and 100"),
    (_doc(pain_points=[{"description": "p", "card": {"effect_kind": "deflection",
                                                     "effect_value": -10.0}}]),
     "pain_points[0].card.effect_value", "between 0 and 100"),
    (_doc(stages=[{"name": "s", "touchpoints": [{"name": "t", "actor": "robot"}]}]),
     "stages[0].touchpoints[0].actor", "must be one of"),
])
def test_bad_method_values_are_named_by_key_path(data: dict[str, Any], where: str,
                                                 words: str) -> None:
    with pytest.raises(DataError) as info:
        normalize(data, source="f.toml")
    assert info.value.key_path == where and words in info.value.problem
