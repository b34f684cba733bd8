"""The shipped templates carry the method: JTBD, five whys, escalation ladders, bot rules."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from models.db.store import Store
from models.export.templates import create_from_template, template_names
from models.rules.escalation import escalation_risks
from models.rules.five_whys import check_chain
from models.rules.jtbd import jtbd_hints, jtbd_sentence

FILLED = [n for n in template_names() if n != "blank"]
ESCALATION = ["production-outage", "enterprise-escalation", "onboarding-escalation",
              "password-reset-bot", "wismo-triage"]
BOTS = ["password-reset-bot", "wismo-triage"]


@pytest.mark.parametrize("name", FILLED)
def test_template_fills_jtbd_and_a_complete_five_whys_chain(store: Store, name: str) -> None:
    journey = store.load(create_from_template(store, name))
    assert jtbd_sentence(journey.workshop).startswith("When ")
    assert jtbd_hints(journey.workshop) == []
    chains = [check_chain(p) for p in journey.pain_points if p.five_whys]
    assert chains and all(c.complete for c in chains)


@pytest.mark.parametrize("name", ESCALATION)
def test_escalation_template_has_a_ladder_and_escalation_handoffs(store: Store,
                                                                  name: str) -> None:
    journey = store.load(create_from_template(store, name))
    assert len(journey.escalation_levels) >= 2
    assert any(h.is_escalation and h.checklist for h in journey.handoffs)
    kinds = {r.kind for r in escalation_risks(journey)}
    assert not kinds & {"context_lost", "no_matrix", "sla_missing", "update_missing",
                        "tier_unowned", "criteria_missing", "sla_order",
                        "bot_no_escalation_rule", "bot_no_context"}


@pytest.mark.parametrize("name", BOTS)
def test_bot_templates_say_when_the_bot_hands_over(store: Store, name: str) -> None:
    journey = store.load(create_from_template(store, name))
    bots = [tp for tp in journey.ordered_touchpoints() if tp.actor == "bot"]
    assert bots and all(tp.bot_intent and tp.bot_escalation_rule for tp in bots)
    assert any("2 failed" in tp.bot_escalation_rule or "2 attempts" in tp.bot_escalation_rule
               for tp in bots)
    assert any(tp.bot_deflection_rate is not None for tp in bots)


# The method's one cost figure: "$25 cost per call" (method 001, the billing inquiry
# whose failed self-service sent 40 % of users to the phone).
METHOD_COSTS = {"phone": 25.0}


@pytest.mark.parametrize("name", template_names())
def test_templates_carry_the_methods_cost_per_call_as_an_assumption(store: Store,
                                                                   name: str) -> None:
    from models.rules.costs import unconfirmed_costs

    journey = store.load(create_from_template(store, name))
    used = {tp.channel.strip().casefold() for tp in journey.ordered_touchpoints()}
    expected = {(ch, cost) for ch, cost in METHOD_COSTS.items() if ch in used}
    assert {(c.channel.casefold(), c.cost_per_contact) for c in journey.channel_costs} == expected
    assert unconfirmed_costs(journey) == journey.channel_costs  # the lead must confirm each


@pytest.mark.parametrize("name", ["production-outage", "return-portal"])
def test_a_template_cost_is_named_as_an_assumption_and_survives_json(store: Store,
                                                                    name: str) -> None:
    from models.export.json_backup import export_json, import_json
    from models.export.markdown import to_markdown

    wid = create_from_template(store, name)
    journey = store.load(wid)
    doc = to_markdown(journey, today=dt.date(2026, 3, 2), sections=["method"])
    assert "“phone” is a default the lead has not confirmed" in doc or \
        "default, not confirmed by the lead" in doc
    again = store.load(import_json(store, export_json(journey), source="test"))
    assert [(c.channel, c.cost_per_contact, c.handle_minutes, c.confirmed)
            for c in again.channel_costs] == [("phone", 25.0, None, False)]


# Verbs the templates' experiments use; after "and" an experiment must keep the gerund
# ("showing … and offering …"), or the card reads "We believe showing … and offer …".
_BARE_VERB_AFTER_AND = re.compile(
    r"\band (add|alert|automate|define|explain|give|hold|keep|notify|offer|pass|publish"
    r"|route|send|show|tell|test|train|update)\b")


@pytest.mark.parametrize("name", FILLED)
def test_template_experiments_read_as_one_sentence(store: Store, name: str) -> None:
    journey = store.load(create_from_template(store, name))
    experiments = [card.experiment for card in journey.cards]
    assert experiments and all(e.split()[0].endswith("ing") for e in experiments)
    assert [e for e in experiments if _BARE_VERB_AFTER_AND.search(e)] == []


# -- every system of the method, in every filled template ------------------------------
# A lead who starts from any template finds the escalation matrix (004), the bot with its
# handover (000) where the journey has one, and the business case's projected effects
# (000, 001) filled with an example, not an empty screen to guess from.
BOT_JOURNEYS = ["billing-dispute", "login-lockout", "password-reset-bot", "return-portal",
                "wismo-triage"]
# A card whose signal counts contacts projects that change; a journey whose signals count
# no contacts (onboarding) has nothing to project.
PROJECTED = ["billing-dispute", "enterprise-escalation", "password-reset-bot",
             "production-outage", "return-portal", "wismo-triage"]
_MATRIX_GAPS = {"no_matrix", "sla_missing", "update_missing", "tier_unowned",
                "criteria_missing", "sla_order"}


@pytest.mark.parametrize("name", FILLED)
def test_every_filled_template_has_a_complete_escalation_matrix(store: Store,
                                                                name: str) -> None:
    journey = store.load(create_from_template(store, name))
    levels = list(journey.escalation_levels)
    assert len(levels) >= 2
    for level in levels:
        assert level.severity and level.criteria and level.tier_role and level.channel
        assert level.response_sla_minutes and level.update_every_minutes, level.severity
    assert not {r.kind for r in escalation_risks(journey)} & _MATRIX_GAPS


@pytest.mark.parametrize("name", BOT_JOURNEYS)
def test_a_journey_with_a_bot_says_what_it_hands_over_and_when(store: Store,
                                                               name: str) -> None:
    journey = store.load(create_from_template(store, name))
    bots = [tp for tp in journey.ordered_touchpoints() if tp.actor == "bot"]
    assert bots
    for tp in bots:
        assert tp.bot_intent and tp.bot_escalation_rule and tp.bot_context_passed, tp.name
    assert any(tp.bot_deflection_rate is not None for tp in bots)  # what the bot resolves
    assert not {r.kind for r in escalation_risks(journey)} & {
        "bot_no_escalation_rule", "bot_no_person_after", "bot_no_context"}


@pytest.mark.parametrize("name", PROJECTED)
def test_template_cards_project_the_contacts_their_signal_names(store: Store,
                                                                name: str) -> None:
    from models.rules.business_case import business_case

    journey = store.load(create_from_template(store, name))
    projected = [card for card in journey.cards if card.effect_kind]
    assert projected
    for card in projected:  # the projection is the signal's own figure, not a new one
        assert f"{abs(card.effect_value or 0):g}%" in card.signal, card.signal
    avoided = business_case(journey).contacts_avoided
    assert avoided.available and (avoided.value or 0) > 0
