"""Zoho Desk's ticket export is Zoho's, not Freshdesk's: it shares three column names with
Freshdesk (``Ticket Id``, ``Created Time``, ``Closed Time``), which was enough to label it
"freshdesk" in session 9. Columns as Zoho Desk's ticket module names its fields (``Modified
Time``, ``Ticket Owner``, ``Department``, ``Sub Category``, ``Classifications``)."""

from __future__ import annotations

import csv
from pathlib import Path

from models.tickets import engine, metrics
from models.tickets.profiles import SOURCES

HEADER = ["Ticket Id", "Subject", "Status", "Priority", "Channel", "Department", "Category",
          "Sub Category", "Classifications", "Ticket Owner", "Contact Name", "Created Time",
          "Modified Time", "Closed Time", "Due Date"]


def _zoho(tmp_path: Path) -> Path:
    path = tmp_path / "Tickets.csv"
    rows = [
        ["101", "Refund", "Closed", "High", "Email", "Billing", "Refunds", "", "Problem",
         "Ana", "Bo", "04 Mar 2024 09:00 AM", "04 Mar 2024 01:00 PM",
         "04 Mar 2024 01:00 PM", ""],
        ["102", "Login", "On Hold", "Medium", "Chat", "Support", "Access", "", "Question",
         "Ana", "Cy", "05 Mar 2024 10:00 AM", "05 Mar 2024 11:00 AM", "", ""],
        ["103", "Crash", "Escalated", "High", "Phone", "Support", "Access", "", "Problem",
         "Eli", "Di", "06 Mar 2024 08:00 AM", "06 Mar 2024 09:00 AM", "", ""],
    ]
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


def test_a_zoho_desk_export_is_recognised_as_zoho(tmp_path: Path) -> None:
    imp = engine.import_export(_zoho(tmp_path))
    assert imp.product == "zoho"
    assert imp.columns["closed"] == "Closed Time"
    assert imp.columns["updated"] == "Modified Time"
    assert imp.columns["group"] == "Department"
    row = metrics.table(imp, by=None)[-1]
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (3, 4.0, 2)
    assert row.unavailable["csat_mean"] == "the export has no satisfaction column"


def test_zoho_is_a_source_to_choose() -> None:
    assert "zoho" in SOURCES
