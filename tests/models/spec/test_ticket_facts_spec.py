"""Which rows are tickets and what each ticket's facts are.

A row without a readable id or creation date is skipped and counted; an id is compared
without the spaces around it; a plain export with an id twice is refused naming the line;
an event log keeps each ticket's latest update (the later line on a tie); a resolution
before the creation gives no resolution time (at the same moment: zero hours); a first
response before the creation is none, and a first-response column fills in only for the
tickets without a first-response timestamp; the resolution is the resolved timestamp, else
the closed one; the month is the creation's as written in the file; a blank group is
``(none)``; the export's latest timestamp counts every date column, ``updated`` too.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.tickets import engine, load, metrics
from models.tickets.errors import TicketImportError


def _imported(tmp_path: Path, text: str) -> engine.TicketImport:
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8")
    return engine.import_export(path)


def _by(imported: engine.TicketImport, by: str = "category") -> dict[str, metrics.GroupMetrics]:
    return {row.group: row for row in metrics.table(imported, by=by)}


def test_rows_without_an_id_or_a_creation_are_skipped_and_counted(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,category\n"
            "1,2024-03-01 10:00,a\n"
            "  ,2024-03-01 10:00,no id\n"
            "3,,no creation\n"
            "4,soon,unreadable creation\n"
            "5,2024-03-02 10:00,b\n"
            "6,2024-03-03 10:00,b\n")
    imported = _imported(tmp_path, text)
    assert (imported.rows, imported.tickets, imported.skipped_rows) == (6, 3, 3)
    assert imported.bad_cells == {"created_at": (2, 4), "ticket_id": (1, 3)}
    assert "3 rows skipped: no readable id or creation date" in imported.notes


def test_an_id_padded_with_spaces_is_the_same_ticket(tmp_path: Path) -> None:
    text = "ticket_id,created_at\nT1,2024-03-01 10:00\n T1 ,2024-03-02 10:00\n"
    with pytest.raises(TicketImportError) as info:
        _imported(tmp_path, text)
    assert info.value.line == 3
    assert "ticket 'T1' appears on more than one row" in str(info.value)


def test_an_event_log_keeps_each_tickets_latest_update(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    text = ("ticket_id,created_at,updated_at,status,category\n"
            "1,2024-03-01 10:00,2024-03-01 12:00,Solved,latest first\n"
            "1,2024-03-01 10:00,2024-03-01 11:00,Open,older second\n"
            "2,2024-03-01 10:00,2024-03-01 11:00,Open,tie first\n"
            "2,2024-03-01 10:00,2024-03-01 11:00,Pending,tie second\n"
            "3,2024-03-01 10:00,,Open,no update\n")
    imported = _imported(tmp_path, text)
    assert (imported.rows, imported.tickets, imported.event_log) == (5, 3, True)
    assert set(_by(imported)) == {"latest first", "tie second", "no update", "all"}
    assert imported.as_of == datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def test_resolution_and_first_response_must_follow_the_creation(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,first_response_at,status,category\n"
            "1,2024-03-01 10:00,2024-03-01 09:00,2024-03-01 09:30,Solved,before\n"
            "2,2024-03-01 10:00,2024-03-01 10:00,2024-03-01 10:00,Solved,same moment\n"
            "3,2024-03-01 10:00,2024-03-01 11:00,2024-03-01 10:15,Solved,after\n")
    rows = _by(_imported(tmp_path, text))
    got = {g: (r.ttr_median_hours, r.first_response_median_hours) for g, r in rows.items()}
    assert got == {"before": (None, None), "same moment": (0.0, 0.0), "after": (1.0, 0.25),
                   "all": (0.5, 0.125)}


def test_the_resolution_is_the_resolved_timestamp_else_the_closed_one(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,closed_at,status,category\n"
            "1,2024-03-01 10:00,2024-03-01 11:00,2024-03-01 15:00,Closed,resolved first\n"
            "2,2024-03-01 10:00,,2024-03-01 12:00,Closed,closed only\n"
            "3,2024-03-01 10:00,,,Open,neither\n")
    rows = _by(_imported(tmp_path, text))
    got = {g: (r.ttr_median_hours, r.backlog_open) for g, r in rows.items()}
    assert got == {"resolved first": (1.0, 0), "closed only": (2.0, 0), "neither": (None, 1),
                   "all": (1.5, 1)}


def test_a_first_response_column_fills_in_only_where_no_timestamp_is(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,first_response_at,first_response_minutes,category\n"
            "1,2024-03-01 10:00,2024-03-01 11:00,600,stamped\n"
            "2,2024-03-01 10:00,,30,minutes only\n")
    rows = _by(_imported(tmp_path, text))
    got = {g: r.first_response_median_hours for g, r in rows.items()}
    assert got == {"stamped": 1.0, "minutes only": 0.5, "all": 0.75}


def test_the_month_is_the_creations_as_written_in_the_file(tmp_path: Path) -> None:
    # 23:30 in New York on 31 January is 1 February in UTC: the team's month is January
    text = ("ticket_id,created_at,category\n"
            "1,2024-01-31 23:30:00-05:00,late in January\n"
            "2,2024-02-01 09:00:00,February\n")
    rows = _by(_imported(tmp_path, text), by="period")
    assert {g: r.tickets for g, r in rows.items()} == {"2024-01": 1, "2024-02": 1, "all": 2}


def test_a_blank_group_is_none_and_labels_lose_their_spaces(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,channel\n"
            "1,2024-03-01 10:00, Email \n"
            "2,2024-03-01 10:00,Email\n"
            "3,2024-03-01 10:00,  \n")
    rows = _by(_imported(tmp_path, text), by="channel")
    assert {g: r.tickets for g, r in rows.items()} == {"Email": 2, "(none)": 1, "all": 3}


def test_the_latest_timestamp_counts_every_date_column(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,first_response_at,updated_at,status\n"
            "1,03/01/2024 10:00,03/01/2024 11:00,03/01/2024 10:30,03/09/2024 08:00,Solved\n"
            "1,03/02/2024 10:00,,03/04/2024 10:30,03/02/2024 12:00,Open\n")
    imported = _imported(tmp_path, text.replace("1,03/02", "2,03/02"))
    assert imported.as_of == datetime(2024, 3, 9, 8, 0, tzinfo=UTC)
    assert imported.data_from == datetime(2024, 3, 1, 10, 0, tzinfo=UTC)


def test_unreadable_cells_in_several_batches_are_counted_together(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    text = ("ticket_id,created_at,resolved_at\n"
            "1,2024-03-01 10:00,2024-03-01 11:00\n"
            "2,2024-03-01 10:00,soon\n"
            "3,2024-03-01 10:00,later\n"
            "4,2024-03-01 10:00,never\n")
    assert _imported(tmp_path, text).bad_cells == {"resolved_at": (3, 3)}
