"""Escalation and bot risks on hand-made journeys."""

from __future__ import annotations

from models.db.tables.cards import PainPoint
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Handoff
from models.rules.escalation import escalation_risks
from tests.models.method_helpers import journey, tp


def kinds(j) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.kind for r in escalation_risks(j)]


def test_a_bot_without_escalation_rule_or_context_is_a_risk() -> None:
    j = journey([tp(1, "Reset bot", actor="bot"), tp(2, "Agent", actor="agent")])
    risks = escalation_risks(j)
    assert [r.kind for r in risks] == ["bot_no_escalation_rule", "bot_no_context"]
    assert risks[0].message == ("“Reset bot” is handled by a bot with no escalation rule: a "
                                "customer it cannot help has no way to a person.")
    assert risks[0].touchpoint_id == 1


def test_a_well_designed_bot_has_no_risk() -> None:
    bot = tp(1, "Reset bot", actor="bot", bot_escalation_rule="after 2 failed codes",
             bot_context_passed="full transcript")
    assert kinds(journey([bot, tp(2, "Agent", actor="agent")])) == []


def test_a_bot_whose_escalation_leads_to_no_person() -> None:
    bot = tp(1, "Reset bot", actor="bot", bot_escalation_rule="after 2 failed codes",
             bot_context_passed="transcript")
    assert kinds(journey([tp(0, "Agent before", actor="agent"), bot])) == ["bot_no_person_after"]


def test_a_bot_loop_or_dead_end_is_named() -> None:
    bot = tp(1, "WISMO bot", actor="bot", bot_escalation_rule="x", bot_context_passed="y")
    pain = PainPoint(id=5, workshop_id=1, touchpoint_id=1, kind="loop",
                     description="asks for the order again")
    j = journey([bot, tp(2, "Agent", actor="agent")], pains=[pain])
    risks = escalation_risks(j)
    assert [r.kind for r in risks] == ["bot_loop"]
    assert risks[0].message == ("The customer loops in the bot at “WISMO bot”: asks for the "
                                "order again.")


def test_an_escalation_that_loses_context_makes_the_customer_repeat() -> None:
    a = tp(1, "Tier 1", owner_team="Support")
    b = tp(2, "Tier 2", owner_team="Engineering")
    bare = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2, is_escalation=True,
                   checklist="account id\nseverity")
    level = EscalationLevel(workshop_id=1, id=1, severity="Sev-1", criteria="c", tier_role="EM",
                            response_sla_minutes=15, update_every_minutes=30)
    risks = escalation_risks(journey([a, b], handoffs=[bare], levels=[level]))
    assert [r.kind for r in risks] == ["context_lost"]
    assert risks[0].message == (
        "The escalation Support → Engineering at “Tier 2” does not pass the transcript or the "
        "steps already tried: the customer will repeat themselves to the next tier.")
    bare.checklist = "full transcript\nsteps tried"
    assert kinds(journey([a, b], handoffs=[bare], levels=[level])) == []


def test_escalations_without_a_matrix() -> None:
    h = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2, is_escalation=True,
                checklist="transcript")
    assert kinds(journey([tp(1, "a"), tp(2, "b")], handoffs=[h])) == ["no_matrix"]


def test_sla_gaps_in_the_matrix() -> None:
    levels = [EscalationLevel(workshop_id=1, id=1, position=0, severity="Sev-1", criteria="outage",
                              tier_role="Support Lead", response_sla_minutes=60),
              EscalationLevel(workshop_id=1, id=2, position=1, severity="", criteria="",
                              response_sla_minutes=30, update_every_minutes=60)]
    risks = escalation_risks(journey([tp(1, "x")], levels=levels))
    assert [(r.kind, r.level_id) for r in risks] == [
        ("update_missing", 1), ("criteria_missing", 2), ("tier_unowned", 2), ("sla_order", 1)]
    assert risks[-1].message == ("Sev-1 responds within 60 min but the less severe Level 2 "
                                 "within 30 min.")
    assert risks[2].message == "Level 2 has no tier or role that responds."


def test_the_ladder_reads_as_commitments_with_owners() -> None:
    from models.rules.escalation import fmt_minutes, ladder

    assert [fmt_minutes(m) for m in (None, 0, 15, 90, 1440, 2 * 1440 + 61)] == [
        "not set", "0 min", "15 min", "1 h 30 min", "1 day", "2 days 1 h 1 min"]
    levels = [EscalationLevel(workshop_id=1, id=1, severity="Sev-1", criteria="outage",
                              tier_role="Support Lead", response_sla_minutes=1,
                              update_every_minutes=30, channel="war room"),
              EscalationLevel(workshop_id=1, id=2, position=1)]
    rungs = ladder(journey([tp(1, "x")], levels=levels))
    assert [r.text for r in rungs] == [
        "Sev-1 · outage · Support Lead · respond within 1 min · update every 30 min · "
        "via war room",
        "Level 2 · no criteria · nobody named · response SLA not set · update cadence not set"]
    assert [r.owner for r in rungs] == ["Support Lead", ""]
