"""What a date, a number or an answer in an export's cell counts as, ticket by ticket.

A support lead reads these as the import's rules: every common date shape is read to the
second (zones converted to UTC), a day-first date with a two-digit year is this century's,
a date before 1901 is a placeholder (the ticket is skipped when it is the creation), an
unreadable cell is left blank and counted with its first line, a first-response column in
minutes is read as hours, and ServiceNow's raw state codes are its words. Each ticket is
its own category here, so the category table shows each ticket's own figures.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.tickets import engine, load, metrics


def _imported(tmp_path: Path, text: str, source: str = "auto") -> engine.TicketImport:
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8")
    return engine.import_export(path, source=source)


def _ttr(imported: engine.TicketImport) -> dict[str, float | None]:
    return {row.group: row.ttr_median_hours
            for row in metrics.table(imported, by="category") if row.group != "all"}


def test_every_common_iso_shape_is_read_to_the_second_in_one_column(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,category\n"
            "1,2024-03-05 10:00:00,2024-03-05 12:30:36,seconds\n"
            "2,2024-03-05T10:00:00,2024-03-05T11:00:00,T and seconds\n"
            "3,2024-03-05 10:00:00.000,2024-03-05 10:00:36.000,fraction\n"
            "4,2024-03-05T10:00:00.5,2024-03-05T10:00:36.5,T and fraction\n"
            "5,2024-03-05 10:00,2024-03-05 16:00,minutes\n"
            "6,2024-03-05T10:00,2024-03-05T13:00,T and minutes\n"
            "7,2024-03-05,2024-03-07,day only\n"
            "8,2024-03-05 10:00:00+01:00,2024-03-05 12:00:00Z,zoned\n")
    imported = _imported(tmp_path, text)
    assert imported.skipped_rows == 0 and imported.bad_cells == {}
    assert _ttr(imported) == {
        "seconds": 2.51, "T and seconds": 1.0, "fraction": 0.01, "T and fraction": 0.01,
        "minutes": 6.0, "T and minutes": 3.0, "day only": 48.0, "zoned": 3.0}
    assert imported.data_from == datetime(2024, 3, 5, 0, 0, tzinfo=UTC)
    assert imported.as_of == datetime(2024, 3, 7, 0, 0, tzinfo=UTC)


def test_a_day_first_date_with_a_two_digit_year_is_this_centurys(tmp_path: Path) -> None:
    # a ';'-delimited home-made export is day-first; "05/03/24" is 5 March 2024, not the
    # year 24 (which, before 1901, would be taken for a placeholder and the ticket skipped)
    text = ("ticket_id;created_at;resolved_at;category\n"
            "1;05/03/24 10:00;05/03/24 12:00;short year\n"
            "2;17/03/2024 09:00;17/03/2024 10:30;long year\n"
            "3;18.03.2024 09:00;18.03.2024 09:45;dots\n"
            "4;19-03-2024;20-03-2024;dashes\n")
    imported = _imported(tmp_path, text)
    assert imported.skipped_rows == 0 and imported.tickets == 4
    assert imported.data_from == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert _ttr(imported) == {"short year": 2.0, "long year": 1.5, "dots": 0.75,
                              "dashes": 24.0}


def test_a_month_first_export_reads_every_separator(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,category\n"
            "1,03/05/2024 10:00:00,03/05/2024 11:00:00,slashes\n"
            "2,03-13-2024 10:00,03-13-2024 12:00,dashes\n"
            "3,03.14.2024,03.15.2024,dots\n")
    imported = _imported(tmp_path, text)
    assert imported.data_from == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert _ttr(imported) == {"slashes": 1.0, "dashes": 2.0, "dots": 24.0}


def test_a_date_before_1901_is_a_placeholder_and_1901_is_a_date(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,category\n"
            "1,1901-01-01 00:00:00,1901-01-01 01:00:00,first moment of 1901\n"
            "2,1900-12-31 23:59:59,2024-03-05 10:00:00,placeholder\n"
            "3,2024-03-05 10:00:00,1900-01-01 00:00:00,resolution placeholder\n")
    imported = _imported(tmp_path, text)
    assert imported.tickets == 2 and imported.skipped_rows == 1
    assert imported.data_from == datetime(1901, 1, 1, 0, 0, tzinfo=UTC)
    assert _ttr(imported) == {"first moment of 1901": 1.0, "resolution placeholder": None}
    assert imported.bad_cells == {"created_at": (1, 3)}


def test_unreadable_cells_are_counted_with_their_first_line(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,category\n"
            "1,2024-03-05 10:00,2024-03-05 11:00,read\n"
            "2,2024-03-05 10:00,soon,unreadable\n"
            "3,2024-03-05 10:00,2024-03-05 12:00,read too\n"
            "4,2024-03-05 10:00,later,unreadable too\n"
            "5,2024-03-05 10:00,soon,unreadable again\n"
            "6,2024-03-05 10:00,?,placeholder\n")
    imported = _imported(tmp_path, text)
    assert imported.bad_cells == {"resolved_at": (3, 3)}
    assert _ttr(imported) == {"read": 1.0, "unreadable": None, "read too": 2.0,
                              "unreadable too": None, "unreadable again": None,
                              "placeholder": None}
    assert "3 unreadable values in 'resolved_at', first on line 3" in imported.notes


def test_first_response_minutes_are_hours_and_an_unreadable_one_is_counted(
        tmp_path: Path) -> None:
    text = ("ticket_id,created_at,first_response_minutes,category\n"
            "1,2024-03-05 10:00,90,ninety\n"
            "2,2024-03-05 10:00,30,thirty\n"
            "3,2024-03-05 10:00,soon,unreadable\n"
            "4,2024-03-05 10:00,,blank\n")
    imported = _imported(tmp_path, text)
    rows = {r.group: (r.first_response_median_hours, r.n.get("first_response_median_hours", 0))
            for r in metrics.table(imported, by="category")}
    assert rows == {"ninety": (1.5, 1), "thirty": (0.5, 1), "unreadable": (None, 0),
                    "blank": (None, 0), "all": (1.0, 2)}
    assert imported.bad_cells == {"first_response_minutes": (1, 4)}


def test_servicenow_state_codes_are_read_as_their_words_even_padded(tmp_path: Path) -> None:
    text = ("number,opened_at,resolved_at,state,category,reopen_count,reassignment_count\n"
            "INC1,05-03-2024 10:00:00,05-03-2024 12:00:00,6,resolved code,0,0\n"
            "INC2,05-03-2024 10:00:00,, 7 ,closed code padded,0,0\n"
            "INC3,05-03-2024 10:00:00,,2,in progress code,0,0\n")
    imported = _imported(tmp_path, text, source="servicenow")
    assert imported.bad_cells == {}
    rows = {r.group: (r.ttr_median_hours, r.backlog_open)
            for r in metrics.table(imported, by="category")}
    assert rows == {"resolved code": (2.0, 0), "closed code padded": (None, 0),
                    "in progress code": (None, 1), "all": (2.0, 1)}


def test_an_unreadable_answer_is_counted_in_its_own_column_only(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,status,reopens,replies,category\n"
            "1,2024-03-05 10:00,Open,0,1,a\n"
            "2,2024-03-05 10:00,Open,many,2,b\n"
            "3,2024-03-05 10:00,Open,1,3,c\n"
            "4,2024-03-05 10:00,Open,2,x,d\n")
    imported = _imported(tmp_path, text)
    assert imported.bad_cells == {"reopens": (1, 3), "replies": (1, 5)}
    [total] = metrics.table(imported, by=None)
    assert (total.reopen_rate, total.n["reopen_rate"]) == (2 / 3, 3)


def test_answers_are_read_alike_in_every_batch_of_a_long_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the first records have no survey answer and no FCR value, the later ones have
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    text = ("ticket_id,created_at,status,csat,fcr\n"
            "1,2024-03-05 10:00,Open,Offered,\n"
            "2,2024-03-05 10:00,Open,,\n"
            "3,2024-03-05 10:00,Open,5,yes\n"
            "4,2024-03-05 10:00,Open,2,no\n")
    [total] = metrics.table(_imported(tmp_path, text), by=None)
    assert (total.csat_mean, total.csat_responses, total.csat_satisfied_share) == (3.5, 2, 0.5)
    assert (total.fcr_rate, total.n["fcr_rate"]) == (0.5, 2)
