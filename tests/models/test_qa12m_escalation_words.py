"""The escalation path as the export and the tracker word it: the map's teams, plain SLA gaps.

Found running an SSO-login workshop end to end: the Markdown export printed
"Escalation  → : checklist not recorded" for an escalation whose stored teams were
empty (an imported map) or stale (an owner team renamed after the handoff was
documented), while the risk two lines below named the teams right; and a level
without SLAs read "respond within not set, update every not set".
"""

from __future__ import annotations

from models.db.journey import Journey
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Handoff
from models.export.method_text import escalation_block
from models.rules.commitments import sla_items
from models.rules.escalation import ladder, sla_words
from tests.models.method_helpers import journey, tp


def _map(handoff: Handoff, levels: list[EscalationLevel] | None = None) -> Journey:
    return journey([tp(1, "Tier 1 agent", actor="agent", owner_team="Support"),
                    tp(2, "Identity review", actor="agent", owner_team="Identity Engineering",
                       lane="backstage")],
                   handoffs=[handoff], levels=levels or [])


def test_an_escalation_line_names_the_teams_on_the_map_not_the_stored_ones() -> None:
    for stored in (("", ""), ("Support", "Identity")):  # imported without teams; renamed since
        row = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2,
                      is_escalation=True, from_team=stored[0], to_team=stored[1])
        lines = escalation_block(_map(row)).lines
        assert "Escalation Support → Identity Engineering: checklist not recorded" in lines, stored
        assert any("The escalation Support → Identity Engineering" in line for line in lines)


def test_a_level_without_slas_says_they_are_not_set_the_same_way_everywhere() -> None:
    bare = EscalationLevel(workshop_id=1, id=1, position=0, severity="Sev-3",
                           tier_role="Tier 1 support", channel="email")
    row = Handoff(workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2)
    j = _map(row, [bare])
    words = "response SLA not set, update cadence not set"
    assert sla_words(bare) == words
    assert escalation_block(j).rows[0][3] == words
    assert ladder(j)[0].text == ("Sev-3 · no criteria · Tier 1 support · response SLA not set · "
                                 "update cadence not set · via email")
    assert sla_items([j])[0].title.startswith(f"Sev-3: {words}")


def test_a_level_with_slas_keeps_its_words() -> None:
    level = EscalationLevel(workshop_id=1, id=1, position=0, severity="Sev-1",
                            response_sla_minutes=30, update_every_minutes=90)
    assert sla_words(level) == "respond within 30 min, update every 1 h 30 min"
