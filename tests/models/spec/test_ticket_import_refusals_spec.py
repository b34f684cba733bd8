"""What an import says when it cannot tell which column is which, and how it reads the
date order of a European export.

A lead importing an export the app does not recognise gets one sentence naming the file,
line 1 (the column names), the column in doubt and the ``--map`` option that settles it:
when two columns could be the ticket id (a Salesforce report with "Case Number" next to a
home-made "ticket_id") or the creation date, or when no column holds a creation date. A
generic export delimited by ';' (what Excel writes where the decimal separator is a
comma: most of Europe) whose dates fit both orders is read day-first, and the note says
why, so the lead can check 05/03 is the 5th of March.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.tickets import engine
from models.tickets.errors import TicketImportError


def _refusal(tmp_path: Path, text: str) -> TicketImportError:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    return info.value


@pytest.mark.parametrize(("text", "sentence", "column", "field"), [
    ("ticket_id,case_number,created_at,status\nA1,C1,2024-01-01 10:00,Open\n",
     "several columns could be the ticket id: 'ticket_id', 'case_number'", "ticket_id", "id"),
    ("ticket_id,created_at,opened_at,status\n1,2024-01-01 10:00,2024-01-01 10:00,Open\n",
     "several columns could be the creation date: 'created_at', 'opened_at'", "created_at",
     "created"),
    ("ticket_id,status,category\n1,Open,a\n2,Open,b\n",
     "no column holds the creation date", "ticket_id", "created"),
])
def test_a_column_in_doubt_is_named_with_the_option_that_settles_it(
        tmp_path: Path, text: str, sentence: str, column: str, field: str) -> None:
    error = _refusal(tmp_path, text)
    assert (error.line, error.column, error.hint) == (
        1, column, f"choose one with --map {field}=COLUMN")
    assert str(error) == (f"export.csv, line 1, column {column!r}: {sentence} "
                          f"(choose one with --map {field}=COLUMN).")


def test_a_semicolon_export_with_dates_fitting_both_orders_is_read_day_first(
        tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("ticket_id;created_at;resolved_at\n"
                    "1;05/03/2024 10:00;06/03/2024 10:00\n"
                    "2;07/03/2024 10:00;08/03/2024 12:00\n", encoding="utf-8")
    imported = engine.import_export(path)
    assert imported.data_from == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert imported.as_of == datetime(2024, 3, 8, 12, 0, tzinfo=UTC)
    assert ("'created_at': every date fits both orders; read as day-first (';'-delimited, as "
            "a spreadsheet saves it where the day is written first)") in imported.notes


def test_a_comma_export_with_dates_fitting_both_orders_is_read_month_first(
        tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("ticket_id,created_at,resolved_at\n"
                    "1,05/03/2024 10:00,06/03/2024 10:00\n", encoding="utf-8")
    imported = engine.import_export(path)
    assert imported.data_from == datetime(2024, 5, 3, 10, 0, tzinfo=UTC)
    assert ("'created_at': every date fits both orders; read as month-first (generic "
            "default)") in imported.notes


def test_dates_mixing_both_orders_are_refused_at_the_first_day_first_one(
        tmp_path: Path) -> None:
    # 12/20 can only be month-first, 20/12 only day-first: the file is refused where the
    # first date that is day-first by force stands (line 4), so the lead can look at it
    error = _refusal(tmp_path, "ticket_id,created_at,status\n1,03/05/2024 10:00,Open\n"
                               "2,12/20/2024 10:00,Open\n3,20/12/2024 10:00,Open\n")
    assert (error.line, error.column) == (4, "created_at")
    assert str(error) == ("export.csv, line 4, column 'created_at': the dates mix day-first "
                          "and month-first values.")


def test_a_file_with_no_usable_column_lists_its_columns(tmp_path: Path) -> None:
    error = _refusal(tmp_path, "alpha,beta,gamma\nfoo,bar,baz\n")
    assert (error.line, error.column, error.hint) == (1, "alpha", "columns: alpha, beta, gamma")
    assert str(error) == ("export.csv, line 1, column 'alpha': no usable columns: none is a "
                          "ticket id, a date, a status or a metric (columns: alpha, beta, "
                          "gamma).")
