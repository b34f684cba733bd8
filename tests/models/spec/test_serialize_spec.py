"""The plain form of a workshop (models/export/serialize.py, journey_to_dict): a template holds
only what was said, in journey order, with handoffs by position; a backup holds everything,
the people, the plan and the log, and a secret ballot stays secret."""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import ChangeLog
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.export.serialize import journey_to_dict

AT = dt.datetime(2026, 3, 2, 14, 5, 6)
# defaults that say something (a zero volume is a number), so a template keeps them
PAIN_DEFAULTS = {"kind": "other", "impact": 2, "effort": 2}  # no volume: not recorded


def _journey() -> Journey:
    journey = Journey(workshop=Workshop(id=3, title="Lockout", persona="", max_handoffs=0,
                                        votes_revealed=False, created_at=AT, updated_at=AT))
    journey.stages = [Stage(id=1, workshop_id=3, name="Notice", position=0),
                      Stage(id=2, workshop_id=3, name="Resolve", position=1, kpi_baseline=0.0)]
    journey.touchpoints = {
        1: [Touchpoint(id=10, stage_id=1, name="Login", sentiment=0, moment_of_truth=False),
            Touchpoint(id=11, stage_id=1, name="Mail", sentiment=-1, moment_of_truth=True)],
        2: [Touchpoint(id=12, stage_id=2, name="Chat")]}
    journey.pain_points = [
        PainPoint(id=20, workshop_id=3, description="Loose", created_at=AT),
        PainPoint(id=21, workshop_id=3, description="On chat", touchpoint_id=12, created_at=AT,
                  five_whys="why 1\nwhy 2\n\n"),
        PainPoint(id=22, workshop_id=3, description="On mail", touchpoint_id=11, created_at=AT)]
    journey.cards = [HypothesisCard(id=30, pain_point_id=21, experiment="Bot", owner="Ana",
                                    created_at=AT)]
    journey.dots = [Vote(id=40, pain_point_id=21, participant="Bo", created_at=AT)]
    journey.handoffs = [
        Handoff(id=50, workshop_id=3, from_touchpoint_id=11, to_touchpoint_id=12,
                from_team="L1", to_team="L2"),
        Handoff(id=51, workshop_id=3, from_touchpoint_id=11, to_touchpoint_id=99)]
    journey.channel_costs = [ChannelCost(id=60, workshop_id=3, channel="Phone")]
    journey.escalation_levels = [EscalationLevel(id=70, workshop_id=3, severity="P1")]
    journey.plan_tasks = [PlanTask(id=80, workshop_id=3, key="a", title="A")]
    journey.participants = [Participant(id=90, workshop_id=3, name="Bo", last_seen=AT)]
    return journey


def test_a_template_holds_only_what_was_said_in_journey_order() -> None:
    data = journey_to_dict(_journey(), full=False)
    assert data["format"] == "journeymap" and data["version"] == 2
    assert data["workshop"] == {"title": "Lockout", "max_handoffs": 0, "state": "current"}
    assert data["stages"] == [
        {"name": "Notice", "touchpoints": [
            {"name": "Login", "sentiment": 0, "lane": "frontstage"},
            {"name": "Mail", "sentiment": -1, "lane": "frontstage", "moment_of_truth": True,
             "pain_points": [{"description": "On mail", **PAIN_DEFAULTS}]}]},
        {"name": "Resolve", "kpi_baseline": 0.0, "touchpoints": [
            {"name": "Chat", "sentiment": 0, "lane": "frontstage", "pain_points": [
                {"description": "On chat", **PAIN_DEFAULTS,
                 "five_whys": ["why 1", "why 2"], "card": {"experiment": "Bot"}}]}]}]
    assert data["pain_points"] == [{"description": "Loose", **PAIN_DEFAULTS}]
    assert data["handoffs"] == [{"from": [0, 1], "to": [1, 0], "from_team": "L1",
                                 "to_team": "L2"}]
    assert data["channel_costs"] == [{"channel": "Phone"}]
    assert data["escalation_levels"] == [{"severity": "P1"}]
    assert not {"plan_tasks", "participants", "changelog"} & set(data)


def test_a_backup_holds_the_people_the_plan_the_log_and_every_column() -> None:
    log = [ChangeLog(id=1, workshop_id=3, at=AT, who="Ana", entity="stage", action="create")]
    data = journey_to_dict(_journey(), changelog=log)
    assert data["workshop"]["persona"] == "" and data["workshop"]["votes_revealed"] is False
    assert data["workshop"]["created_at"] == "2026-03-02T14:05:06+00:00"
    assert "id" not in data["workshop"] and "lead_account" not in data["workshop"]
    login = data["stages"][0]["touchpoints"][0]
    assert login["moment_of_truth"] is False and login["does"] == ""
    assert [t["key"] for t in data["plan_tasks"]] == ["a"]
    assert [p["name"] for p in data["participants"]] == ["Bo"]
    assert data["changelog"] == [{"at": "2026-03-02T14:05:06+00:00", "who": "Ana",
                                  "account": "", "entity": "stage", "action": "create",
                                  "field": "", "old": "", "new": "", "summary": ""}]
    assert journey_to_dict(_journey())["changelog"] == []
    assert "ticket_sources" not in data


def test_before_the_reveal_a_dot_is_counted_but_not_named() -> None:
    journey = _journey()
    chat = journey_to_dict(journey)["stages"][1]["touchpoints"][0]["pain_points"][0]
    assert chat["dot_votes"] == [{}]
    journey.workshop.votes_revealed = True
    chat = journey_to_dict(journey)["stages"][1]["touchpoints"][0]["pain_points"][0]
    assert chat["dot_votes"] == [{"participant": "Bo", "created_at": "2026-03-02T14:05:06+00:00"}]
    loose = journey_to_dict(journey)["pain_points"][0]
    assert "dot_votes" not in loose


def test_an_empty_map_is_just_its_workshop() -> None:
    data = journey_to_dict(Journey(workshop=Workshop(id=1)), full=False)
    assert data == {"format": "journeymap", "version": 2,
                    "workshop": {"max_handoffs": 3, "state": "current"}, "stages": []}
