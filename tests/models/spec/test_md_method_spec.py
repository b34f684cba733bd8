"""The method part of the Markdown export (models/export/md_method.py): the escalation ladder as
a top-down picture, most severe first, each step saying who responds and how fast, and the
as-is and to-be sentiment lines drawn only when there is a pair to compare."""

from __future__ import annotations

from models.db.journey import Journey
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.export.md_method import ladder_diagram, method_sections


def _levels(*levels: EscalationLevel) -> Journey:
    return Journey(workshop=Workshop(id=1, title="Outage"), escalation_levels=list(levels))


def test_no_ladder_draws_nothing() -> None:
    assert ladder_diagram(_levels()) == ""


def test_the_ladder_names_each_level_its_responder_and_time_and_escalates_upwards() -> None:
    journey = _levels(
        EscalationLevel(id=1, workshop_id=1, severity="P1", tier_role="Incident lead",
                        response_sla_minutes=15),
        EscalationLevel(id=2, workshop_id=1, severity=" ", tier_role="",
                        response_sla_minutes=None),
        EscalationLevel(id=3, workshop_id=1, severity="P3 [low]", tier_role="L1",
                        response_sla_minutes=240))
    lines = ladder_diagram(journey).split("\n")
    assert lines[0] == "```mermaid" and lines[1] == "flowchart TD" and lines[-1] == "```"
    assert lines[2].startswith('    L1["P1 · Incident lead · respond within 15 min')
    assert lines[3].startswith('    L2["Level 2 · nobody named · response SLA not set')
    assert lines[4].startswith('    L3["P3 [low] · L1 · respond within 4 h')
    assert lines[5:-1] == ["    L2 -->|escalate| L1", "    L3 -->|escalate| L2"]


def _map(wid: int, state: str = "current", as_is: int | None = None) -> Journey:
    journey = Journey(workshop=Workshop(id=wid, title=f"Map {wid}", state=state,
                                        as_is_workshop_id=as_is))
    journey.stages = [Stage(id=wid, workshop_id=wid, name="Notice", position=0)]
    journey.touchpoints = {wid: [Touchpoint(id=wid, stage_id=wid, name="Login", sentiment=-1)]}
    return journey


def test_both_sentiment_lines_are_drawn_for_a_pair_and_none_for_a_lone_map() -> None:
    as_is, to_be = _map(1), _map(2, "future", 1)
    text = "\n".join(method_sections(as_is, [as_is, to_be]))
    assert "title As-is sentiment" in text and "title To-be sentiment" in text
    alone = "\n".join(method_sections(as_is, [as_is]))
    assert "sentiment\n" not in alone and "```mermaid\njourney" not in alone
    assert not method_sections(as_is, None)[-1] == ""


def test_a_well_described_bot_alone_still_gets_the_escalation_section() -> None:
    journey = Journey(workshop=Workshop(id=1, title="Reset"))
    journey.stages = [Stage(id=1, workshop_id=1, name="Self-service", position=0)]
    journey.touchpoints = {1: [Touchpoint(
        id=1, stage_id=1, name="Bot chat", actor="bot", bot_intent="reset password",
        bot_escalation_rule="after two failed tries", bot_context_passed="account id"),
        Touchpoint(id=2, stage_id=1, name="Agent", actor="agent", position=1)]}
    text = "\n".join(method_sections(journey, None))
    section = text.split("## Escalation path\n\n")[1].split("\n## ")[0]
    assert section.startswith("### Bot touchpoints\n\n- Bot chat: intent reset password; "
                              "escalation rule after two failed tries")
    assert "Risk" not in section
    assert "## Escalation path" not in "\n".join(method_sections(_map(3), None))
