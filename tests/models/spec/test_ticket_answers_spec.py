"""What one ticket's answer cells count as: its state, reopens, reassignment, FCR, SLA, survey."""

from __future__ import annotations

import pytest

from models.tickets.answers import ANSWER_FIELDS, count_or_flag, flags_of
from models.tickets.cube import Flags

PARSERS = dict(ANSWER_FIELDS)


def flags(done_known: bool = False, **cells: str) -> tuple[Flags, list[int]]:
    fields = [(name, PARSERS[name], col) for col, name in enumerate(cells)]
    return flags_of(fields, list(cells.values()), done_known)


@pytest.mark.parametrize(("text", "count"), [("2", 2), ("0", 0), ("TRUE", 1), ("no", 0),
                                             ("", None)])
def test_a_reopen_cell_is_a_count_or_a_yes_no_flag(text: str, count: int | None) -> None:
    assert count_or_flag(text) == count


def test_a_reopen_cell_that_is_neither_is_a_bad_cell() -> None:
    with pytest.raises(ValueError):
        count_or_flag("maybe")


def test_every_answer_column_is_read_into_the_tickets_flags() -> None:
    got, failed = flags(status="Pending", reopens="2", replies="1", reassignments="0",
                        fcr="no", sla_met="Within SLA", csat="4")
    assert got == Flags("open", 2, False, 1, False, True, (4.0, True))
    assert failed == []


def test_a_status_word_decides_the_state_before_the_resolution_timestamp() -> None:
    assert flags(done_known=True, status="Open")[0].state == "open"
    assert flags(done_known=True, status="Cancelled")[0].state == "cancelled"
    assert flags(done_known=True, status="")[0].state == "resolved"
    # a word it does not know is no evidence of being open (QA session 9: Front's
    # "archived" counted as backlog): only the resolution timestamp decides
    assert flags(done_known=False, status="mystery")[0].state == "unknown"
    assert flags(done_known=True, status="mystery")[0].state == "resolved"
    assert flags(done_known=False, status="mystery")[1] == [0]
    assert flags(done_known=True)[0].state == "resolved"
    assert flags()[0] == Flags("open", None, None, None, None, None, None)


@pytest.mark.parametrize(("cells", "reassigned"), [
    ({"reassignments": "1"}, True), ({"reassignments": "0"}, False),
    ({"assignee_stations": "2"}, True), ({"assignee_stations": "1"}, False),
    ({"reassignments": "0", "assignee_stations": "2"}, True),
    ({"reassignments": "1", "assignee_stations": "1"}, True),
    ({"reassignments": ""}, None), ({}, None),
])
def test_a_ticket_is_reassigned_after_a_reassignment_or_a_second_assignee(
        cells: dict[str, str], reassigned: bool | None) -> None:
    fields = [(name, PARSERS[name], col) for col, name in enumerate(cells)]
    assert flags_of(fields, list(cells.values()), False)[0].reassigned is reassigned


def test_unreadable_cells_are_reported_by_column_and_count_as_no_value() -> None:
    got, failed = flags(status="Solved", reopens="often", replies="1", csat="nine")
    assert failed == [1, 3]
    assert (got.state, got.reopens, got.replies, got.csat) == ("resolved", None, 1, None)
