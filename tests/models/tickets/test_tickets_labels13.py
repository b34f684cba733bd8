"""Grouping and labels session 12's QA left (tickets13): Help Scout's ``Type`` is how the
customer wrote in (a channel), Freshservice is named as itself, Salesforce's ``Case
Owner`` groups cases. Each from a fixture laid out as the product exports it."""

from __future__ import annotations

from pathlib import Path

from models.tickets import engine, metrics
from models.tickets.profiles import SOURCES

FIXTURES = Path(__file__).parent / "fixtures"


def test_help_scout_type_is_a_channel_not_a_category() -> None:
    """Help Scout's ``Type`` is email, chat or phone: grouped as a category before."""
    imported = engine.import_export(FIXTURES / "helpscout_conversations.csv")
    assert imported.product == "helpscout"
    assert imported.columns.get("channel") == "Type"
    assert "category" not in imported.columns
    by_channel = {r.group: r.tickets for r in metrics.table(imported, by="channel")}
    assert by_channel["email"] == 2 and by_channel["chat"] == 1


def test_freshservice_is_named_as_itself() -> None:
    """Freshservice's ticket export (ITIL ``Impact`` and ``Urgency``, ``INC-``/``SR-`` ids,
    ``... Date`` columns) was recognised as "freshdesk"."""
    imported = engine.import_export(FIXTURES / "freshservice_tickets.csv")
    assert imported.product == "freshservice"
    assert "freshservice" in SOURCES
    assert imported.columns["created"] == "Created Date"
    assert imported.columns["resolved"] == "Resolved Date"
    assert imported.columns["closed"] == "Closed Date"
    assert imported.columns["updated"] == "Last Updated Date"
    # its "(in hrs)" columns are business hours of its SLA calendar, as Freshdesk's
    assert "first_response_hours" not in imported.columns
    assert any(n.startswith("'First Response Time (in hrs)' is Freshservice's") for n in
               imported.notes)
    row = metrics.table(imported, by=None)[-1]
    assert (row.tickets, row.ttr_median_hours, row.first_response_median_hours) == (3, 25.0, 0.5)


def test_a_freshdesk_export_is_still_freshdesk() -> None:
    assert engine.import_export(FIXTURES / "freshdesk_ticket_export.csv").product == "freshdesk"


def test_salesforce_case_owner_groups_cases() -> None:
    imported = engine.import_export(FIXTURES / "salesforce_cases.csv")
    assert imported.columns.get("group") == "Case Owner"
    by_owner = {r.group: r.tickets for r in metrics.table(imported, by="group")}
    assert by_owner == {"Ana": 2, "Bo": 2, "Cy": 1, "all": 5}
