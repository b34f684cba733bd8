"""A report exported with its title above the column names is read from the names on.

Help-desk reports (Salesforce's "Cases by owner", a ServiceNow list report, a Freshdesk
scheduled export opened and saved again in a spreadsheet) often start with the report's
title, sometimes a blank line, then the column names. The title is left out and said in a
note; every ticket below is imported, the column names are not taken for a ticket, and a
note about an unreadable cell names the line a person sees in the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, load, metrics

TITLED = ("Open cases by category\n"
          "\n"
          "Case Number,Date Opened,Closed Date,Status,Category\n"
          "1001,2024-03-05 10:00,2024-03-05 12:00,Closed,Billing\n"
          "1002,2024-03-05 10:00,soon,Closed,Billing\n"
          "1003,2024-03-06 10:00,,New,Login\n"
          "1004,2024-03-06 10:00,2024-03-06 16:00,Closed,Login\n")


@pytest.mark.parametrize("batch", [2, 100_000])
def test_a_titled_report_is_read_from_its_column_names_on(
        batch: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", batch)
    path = tmp_path / "report.csv"
    path.write_text(TITLED, encoding="utf-8")
    imported = engine.import_export(path)
    assert (imported.tickets, imported.rows, imported.skipped_rows) == (4, 4, 0)
    assert ("line 1: the report title ('Open cases by category') above the column names is "
            "left out; the column names are on line 3") in imported.notes
    assert imported.bad_cells == {"Closed Date": (1, 5)}
    rows = {r.group: (r.tickets, r.ttr_median_hours, r.backlog_open)
            for r in metrics.table(imported, by="category")}
    assert rows == {"Billing": (2, 2.0, 0), "Login": (2, 6.0, 1), "all": (4, 4.0, 1)}


def test_a_title_past_blank_lines_is_left_out_too(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text("\n\n" + TITLED, encoding="utf-8")
    imported = engine.import_export(path)
    assert (imported.tickets, imported.skipped_rows) == (4, 0)
    assert imported.bad_cells == {"Closed Date": (1, 7)}
