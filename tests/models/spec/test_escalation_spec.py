"""What the Escalation step tells the room: each risk as a sentence, then the ladder.

The sentences are read aloud in the workshop and printed in the exports, so their
words, the names they quote and the row they point at are the specification.
"""

from __future__ import annotations

from typing import Any

import pytest

from models.db.tables.cards import PainPoint
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Handoff
from models.rules.escalation import KINDS, escalation_risks, fmt_minutes, ladder, level_name
from tests.models.method_helpers import journey, tp

GOOD_BOT: dict[str, Any] = dict(actor="bot", bot_escalation_rule="after 2 failed codes",
                bot_context_passed="transcript")


def _level(lid: int, position: int = 0, **fields: object) -> EscalationLevel:
    values: dict[str, object] = dict(severity=f"Sev-{lid}", criteria="outage", tier_role="EM",
                                     response_sla_minutes=15 * lid, update_every_minutes=30)
    values.update(fields)
    return EscalationLevel(workshop_id=1, id=lid, position=position, **values)  # type: ignore[arg-type]


def test_every_risk_kind_is_listed_for_grouping() -> None:
    assert KINDS == ("bot_no_escalation_rule", "bot_no_person_after", "bot_no_context",
                     "bot_loop", "context_lost", "no_matrix", "sla_missing", "update_missing",
                     "tier_unowned", "criteria_missing", "sla_order")


def test_a_bot_whose_path_ends_nowhere_and_passes_nothing() -> None:
    bot = tp(1, "  ", actor="bot", bot_escalation_rule="after 2 tries", bot_context_passed=" ")
    risks = escalation_risks(journey([tp(0, "Agent first", actor="agent"), bot,
                                      tp(2, "Self-service", actor="customer")]))
    assert [(r.kind, r.message, r.touchpoint_id, r.level_id) for r in risks] == [
        ("bot_no_person_after", "“A touchpoint” escalates to a person, but no later touchpoint "
         "on the map is handled by an agent: the escalation path ends nowhere.", 1, None),
        ("bot_no_context", "“A touchpoint”: nothing says what the bot passes to the agent, so "
         "the customer may have to repeat themselves.", 1, None),
    ]


def test_a_bot_right_before_an_agent_is_a_path_to_a_person() -> None:
    j = journey([tp(1, "Bot", **GOOD_BOT), tp(2, "Agent", actor="agent")])
    assert escalation_risks(j) == []


def test_dead_ends_and_loops_in_a_bot_are_named_and_others_are_not() -> None:
    pains = [PainPoint(id=1, workshop_id=1, touchpoint_id=1, kind="dead_end", description=" "),
             PainPoint(id=2, workshop_id=1, touchpoint_id=1, kind="wait", description="slow"),
             PainPoint(id=3, workshop_id=1, touchpoint_id=2, kind="loop", description="agent")]
    j = journey([tp(1, " Order bot ", **GOOD_BOT), tp(2, "Agent", actor="agent")], pains=pains)
    assert [(r.kind, r.message, r.touchpoint_id) for r in escalation_risks(j)] == [
        ("bot_loop", "The customer hits a dead end in the bot at “Order bot”: no description.",
         1)]


def test_an_escalation_without_a_checklist_names_its_teams_and_place() -> None:
    a, b = tp(1, "Tier 1", owner_team="Support"), tp(2, "Tier 2", owner_team="Engineering")
    bare = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2, is_escalation=True,
                   checklist=" ")
    risks = escalation_risks(journey([a, b], handoffs=[bare], levels=[_level(1)]))
    assert [(r.kind, r.message, r.touchpoint_id) for r in risks] == [
        ("context_lost", "The escalation Support → Engineering at “Tier 2” has no checklist: "
         "the customer will repeat themselves to the next tier.", 2)]


def test_an_escalation_between_touchpoints_of_one_team_uses_the_teams_it_was_given() -> None:
    a, b = tp(1, "Triage", owner_team="Support"), tp(2, "Specialist", owner_team="Support")
    row = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2, is_escalation=True,
                  from_team="Tier 1", to_team="Tier 2", checklist="account id")
    risks = escalation_risks(journey([a, b], handoffs=[row], levels=[_level(1)]))
    assert [r.message for r in risks] == [
        "The escalation Tier 1 → Tier 2 at “Specialist” does not pass the transcript or the "
        "steps already tried: the customer will repeat themselves to the next tier."]


def test_an_escalation_to_a_deleted_touchpoint_is_still_named_without_a_place() -> None:
    row = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=99, is_escalation=True,
                  from_team="Tier 1", to_team="Tier 2")
    risks = escalation_risks(journey([tp(1, "Triage")], handoffs=[row], levels=[_level(1)]))
    assert [(r.message, r.touchpoint_id) for r in risks] == [
        ("The escalation Tier 1 → Tier 2 has no checklist: the customer will repeat themselves "
         "to the next tier.", 99)]


@pytest.mark.parametrize("words", [
    "full transcript", "the Conversation", "ticket history", "context", "chat log",
    "call notes", "case notes", "steps tried", "what was already tried",
    "data already fetched", "records already retrieved"])
def test_a_checklist_that_sends_the_conversation_along_keeps_the_context(words: str) -> None:
    row = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2, is_escalation=True,
                  checklist="account id", what_is_transferred=words)
    j = journey([tp(1, "a"), tp(2, "b")], handoffs=[row], levels=[_level(1)])
    assert escalation_risks(j) == []


def test_handoffs_that_are_not_escalations_need_no_checklist_nor_matrix() -> None:
    row = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2, checklist="")
    assert escalation_risks(journey([tp(1, "a"), tp(2, "b")], handoffs=[row])) == []


def test_escalations_without_a_matrix_say_what_the_matrix_holds() -> None:
    row = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2, is_escalation=True,
                  checklist="transcript")
    risks = escalation_risks(journey([tp(1, "a"), tp(2, "b")], handoffs=[row]))
    assert [(r.message, r.touchpoint_id, r.level_id) for r in risks] == [
        ("Handoffs are marked as escalations but the workshop has no escalation matrix "
         "(severity, criteria, who responds, SLAs).", None, None)]


def test_each_gap_of_a_level_is_a_sentence_about_that_level() -> None:
    empty = EscalationLevel(workshop_id=1, id=7, position=2, severity=" ", criteria=" ",
                            tier_role=" ")
    risks = escalation_risks(journey([tp(1, "x")], levels=[empty]))
    assert [(r.kind, r.message, r.level_id) for r in risks] == [
        ("criteria_missing", "Level 3 has no objective criteria: people will disagree about "
         "when it applies.", 7),
        ("tier_unowned", "Level 3 has no tier or role that responds.", 7),
        ("sla_missing", "Level 3 has no response SLA.", 7),
        ("update_missing", "Level 3 has no update cadence: the customer does not know when "
         "they will hear next.", 7),
    ]


def test_a_complete_ladder_with_faster_answers_for_worse_severities_has_no_risk() -> None:
    levels = [_level(1), _level(2, 1), _level(3, 2, response_sla_minutes=45)]
    assert escalation_risks(journey([tp(1, "x")], levels=levels)) == []


def test_the_sla_order_compares_neighbours_that_have_an_sla() -> None:
    levels = [_level(1, 0, response_sla_minutes=120), _level(2, 1, response_sla_minutes=None),
              _level(3, 2, response_sla_minutes=60), _level(4, 3, response_sla_minutes=60)]
    risks = [r for r in escalation_risks(journey([tp(1, "x")], levels=levels))
             if r.kind == "sla_order"]
    assert [(r.message, r.level_id) for r in risks] == [
        ("Sev-1 responds within 120 min but the less severe Sev-3 within 60 min.", 1)]


def test_a_level_is_named_by_its_severity_or_its_place_on_the_ladder() -> None:
    assert level_name(_level(1, severity=" P1 ")) == "P1"
    assert level_name(_level(1, position=0, severity="")) == "Level 1"


@pytest.mark.parametrize(("minutes", "text"), [
    (None, "not set"), (0, "0 min"), (1, "1 min"), (60, "1 h"), (61, "1 h 1 min"),
    (1440, "1 day"), (1441, "1 day 1 min"), (2880, "2 days"), (3000, "2 days 2 h"),
])
def test_durations_read_as_days_hours_and_minutes(minutes: int | None, text: str) -> None:
    assert fmt_minutes(minutes) == text


def test_a_rung_is_one_commitment_with_its_channel_trimmed() -> None:
    rung = ladder(journey([tp(1, "x")], levels=[_level(1, severity=" Sev-1 ",
                                                       criteria=" outage ",
                                                       tier_role=" EM ", channel="  pager ",
                                                       response_sla_minutes=90,
                                                       update_every_minutes=None)]))[0]
    assert (rung.name, rung.owner, rung.level.id) == ("Sev-1", "EM", 1)
    assert rung.text == ("Sev-1 · outage · EM · respond within 1 h 30 min · update cadence not "
                         "set · via pager")
    blank_channel = ladder(journey([tp(1, "x")], levels=[_level(1, channel="  ")]))[0]
    assert not blank_channel.text.endswith("via ")
    assert blank_channel.text.endswith("update every 30 min")


def test_a_plain_handoff_listed_first_does_not_hide_a_later_escalation() -> None:
    plain = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2)
    bare = Handoff(workshop_id=1, from_touchpoint_id=2, to_touchpoint_id=3, is_escalation=True,
                   from_team="Tier 1", to_team="Tier 2")
    j = journey([tp(1, "a"), tp(2, "b"), tp(3, "c")], handoffs=[plain, bare], levels=[_level(1)])
    assert [(r.kind, r.touchpoint_id) for r in escalation_risks(j)] == [("context_lost", 3)]
