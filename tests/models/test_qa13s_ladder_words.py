"""The Mermaid escalation ladder words a level's response time as the rest of the product
does (``escalation.response_words``): an unset one is "response SLA not set", never
"respond not set", and the Markdown export's escalation table says the same."""

from __future__ import annotations

import re

from models.db.journey import Journey
from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Workshop
from models.export.md_method import ladder_diagram, method_sections
from models.rules.escalation import response_words


def _levels() -> Journey:
    return Journey(workshop=Workshop(id=1, title="Outage"), escalation_levels=[
        EscalationLevel(id=1, workshop_id=1, position=0, severity="Sev-1", tier_role="EM",
                        response_sla_minutes=15, update_every_minutes=30),
        EscalationLevel(id=2, workshop_id=1, position=1, severity="Sev-2", tier_role="L1")])


def test_an_unset_response_time_is_said_as_everywhere_else() -> None:
    diagram = ladder_diagram(_levels())
    assert "respond not set" not in diagram
    assert 'L2["Sev-2 · L1 · response SLA not set"]' in diagram
    assert 'L1["Sev-1 · EM · respond within 15 min"]' in diagram


def test_the_ladder_and_the_escalation_table_agree() -> None:
    journey = _levels()
    diagram = ladder_diagram(journey)
    document = "\n".join(method_sections(journey, None))
    table = re.sub(r"```mermaid.*?```", "", document, flags=re.DOTALL)
    for level in journey.escalation_levels:
        assert f"· {response_words(level)}\"]" in diagram
        assert response_words(level) in table
