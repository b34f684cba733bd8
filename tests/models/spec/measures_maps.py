"""Readings and a small map to read them against: the measures specs' shared set-up.

Shared by ``test_measures_spec.py`` and ``test_review_repeat_contacts_spec.py``; a test
module never imports another (``tests/architecture/test_test_modules.py``).
"""

from __future__ import annotations

import json

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Stage, Workshop


def reading(src: int, period: str, kind: str = "all", value: str = "", tickets: int = 100,
            **metrics: object) -> Reading:
    return Reading(source_id=src, workshop_id=1, period=period, group_kind=kind,
                   group_value=value, tickets=tickets, **metrics)


def journey(readings: list[Reading], links: dict[str, dict[str, int]] | None = None,
            cards: list[HypothesisCard] | None = None,
            stages: list[Stage] | None = None) -> Journey:
    sources = [TicketSource(id=1, workshop_id=1, file_name="jan.csv"),
               TicketSource(id=2, workshop_id=1, file_name="feb.csv",
                            links=json.dumps(links or {}))]
    stages = stages if stages is not None else [
        Stage(id=10, workshop_id=1, name="Contact", kpi_name="Reopen rate"),
        Stage(id=11, workshop_id=1, name="Follow-Up", kpi_name="Warm feelings")]
    return Journey(workshop=Workshop(id=1), stages=stages, ticket_sources=sources,
                   readings=readings, cards=cards or [])
