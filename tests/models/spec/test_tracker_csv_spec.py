"""What an owner gets in the tracker spreadsheet (models/export/tracker_csv.py): one row per
item under a fixed header, ISO dates, days left and a yes/no overdue column, user text exactly
as typed except that a spreadsheet can never run it as a formula nor print a control."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from models.export.spreadsheet import spreadsheet_text
from models.export.tracker_csv import HEADER, tracker_csv
from models.rules.tracker import TrackerItem


def _item(**changes: object) -> TrackerItem:
    values: dict[str, object] = {
        "kind": "card", "item_id": 4, "workshop_id": 7, "workshop_title": "Login lockout",
        "title": "Unlock by mail", "owner": "Ana", "deadline": dt.date(2026, 3, 10),
        "status": "in_progress", "days_left": -2, "overdue": True, "flag": ""}
    values.update(changes)
    return TrackerItem(**values)  # type: ignore[arg-type]


def _rows(*items: TrackerItem) -> list[list[str]]:
    return list(csv.reader(io.StringIO(tracker_csv(items))))


def test_the_header_names_every_column_in_order() -> None:
    assert _rows() == [["workshop_id", "workshop", "kind", "item_id", "title", "owner",
                        "deadline", "status", "days_left", "overdue", "flag", "signal"]]
    assert list(HEADER) == _rows()[0]


def test_a_row_holds_the_item_with_iso_date_days_left_and_overdue_word() -> None:
    assert _rows(_item())[1] == ["7", "Login lockout", "card", "4", "Unlock by mail", "Ana",
                                 "2026-03-10", "in_progress", "-2", "yes", "", ""]


def test_a_card_tied_to_a_metric_carries_its_measured_signal() -> None:
    """The tracker in the terminal, the app and the Markdown says "signal met"; before
    session 14 the spreadsheet had no such column, so owners filtering it saw no verdict."""
    assert _rows(_item(signal="not yet"))[1][11] == "not yet"


def test_an_item_without_deadline_leaves_date_and_days_blank_and_is_not_overdue() -> None:
    row = _rows(_item(deadline=None, days_left=None, overdue=False, item_id=0))[1]
    assert row[3] == "" and row[6:10] == ["", "in_progress", "", "no"]


def test_a_deadline_today_says_zero_days_left() -> None:
    assert _rows(_item(days_left=0, overdue=False))[1][8:10] == ["0", "no"]


def test_an_sla_row_carries_what_it_lacks_in_the_flag_column() -> None:
    row = _rows(_item(kind="sla", flag="no owner; no response SLA", status="standing"))[1]
    assert (row[2], row[7], row[10]) == ("sla", "standing", "no owner; no response SLA")


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_text_a_spreadsheet_would_run_as_a_formula_is_shown_as_text(start: str) -> None:
    typed = f'{start}HYPERLINK("http://evil.example","click")'
    row = _rows(_item(workshop_title=typed, title=typed, owner=typed))[1]
    assert row[1] == row[4] == row[5] == "'" + typed


@pytest.mark.parametrize("typed", ["a=1", " =1", "Ana-Maria", "e@mail", "1+1", ""])
def test_text_that_is_no_formula_is_left_exactly_as_typed(typed: str) -> None:
    assert spreadsheet_text(typed) == typed


@pytest.mark.parametrize(("typed", "shown"), [
    ("\t=1+1", " =1+1"),
    ("\r=1+1", "\n=1+1"),
    ("\r\n=1+1", "\n=1+1"),
    ("\x1b[31mred", "\u241b[31mred"),
    ("line one\u2028line two", "line one\nline two"),
])
def test_controls_and_line_breaks_never_reach_the_cell_raw(typed: str, shown: str) -> None:
    assert spreadsheet_text(typed) == shown


def test_commas_quotes_and_line_breaks_stay_inside_their_cell() -> None:
    typed = 'Say "hi", then\nwait'
    assert _rows(_item(title=typed))[1][4] == typed
