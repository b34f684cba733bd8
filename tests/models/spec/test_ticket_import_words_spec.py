"""The words an import gives the user about what it did and why it refused.

An event log's note says how many rows made how many tickets and that each ticket's latest
update was kept; a file whose rows mostly have no readable id or creation date is refused in
one sentence naming the first such line and column, how many rows were unreadable, and a
``--map`` hint whose placeholder is ``COLUMN`` as in every other ``--map`` hint; a plain
export with an id twice points to ``--source generic`` with ``--map updated=COLUMN``; a
header with no record under it is refused at line 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine
from models.tickets.errors import TicketImportError


def _path(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_event_logs_note_says_the_latest_update_was_kept(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,updated_at,status\n"
            "1,2024-03-01 10:00,2024-03-01 12:00,Solved\n"
            "1,2024-03-01 10:00,2024-03-01 11:00,Open\n"
            "2,2024-03-01 10:00,2024-03-01 11:00,Open\n")
    imported = engine.import_export(_path(tmp_path, text))
    assert "event log: 3 rows for 2 tickets, latest update kept" in imported.notes


def test_mostly_unreadable_rows_are_refused_in_one_sentence(tmp_path: Path) -> None:
    text = ("Ticket ID,Created at,Status\n"
            "1,2024-01-02 10:00,solved\n"
            "2,,solved\n"
            "3,,open\n"
            "4,,open\n")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(_path(tmp_path, text))
    error = info.value
    assert (error.line, error.column) == (3, "Created at")
    assert error.problem == ("3 of 4 rows have no readable id or creation date "
                             "(3 unreadable in this column)")
    assert error.hint == "check the column or choose another with --map created=COLUMN"
    assert "\n" not in str(error)


def test_an_id_twice_is_refused_with_the_event_log_hint(tmp_path: Path) -> None:
    text = "ticket_id,created_at\nT1,2024-03-01 10:00\nT1,2024-03-02 10:00\n"
    with pytest.raises(TicketImportError) as info:
        engine.import_export(_path(tmp_path, text))
    assert info.value.hint == ("for one row per update use --source generic with "
                               "--map updated=COLUMN")


def test_a_header_without_rows_is_refused_at_line_2(tmp_path: Path) -> None:
    with pytest.raises(TicketImportError) as info:
        engine.import_export(_path(tmp_path, "Ticket ID,Created at\n"))
    assert (info.value.line, info.value.problem) == (2, "the file has a header but no data rows")
