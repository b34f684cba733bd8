"""A help desk that names its time columns "... datetime" (Gorgias' ticket export:
"Created datetime", "Closed datetime", "First response datetime"). No profile knows the
product, so the generic names must: before session 11 only the creation was found (from
its contents), and resolution and first response were "not available" although the file
holds them, and the open ticket was aged to the latest creation instead of the latest
close. Expectations worked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, metrics

GORGIAS = Path(__file__).parent / "fixtures" / "gorgias_tickets.csv"


def test_datetime_columns_are_read_by_name() -> None:
    imported = engine.import_export(GORGIAS)
    assert imported.product == "generic"
    assert (imported.columns["created"], imported.columns["closed"],
            imported.columns["first_response_at"]) == (
        "Created datetime", "Closed datetime", "First response datetime")


def test_datetime_columns_give_resolution_first_response_and_backlog_age() -> None:
    row = {r.group: r for r in metrics.table(engine.import_export(GORGIAS), by=None)}["all"]
    # Closed 9001 after 2 h, 9003 after 72 h → median 37, p90 = 2nd of 2 = 72.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (37.0, 72.0)
    # First responses 0.5, 1.5, 2 h → median 1.5.
    assert row.first_response_median_hours == 1.5
    # 9002 open since 03-05 10:00, aged to the latest close 03-09 08:00: 94 h.
    assert row.backlog_open == 1
    assert row.backlog_median_age_hours == pytest.approx(94.0)
