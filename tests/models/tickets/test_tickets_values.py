"""Dates, placeholders, booleans, survey answers and statuses as exports write them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models.tickets import dates, values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05 10:12:00", datetime(2024, 3, 5, 10, 12)),
        ("2024-03-05T10:12", datetime(2024, 3, 5, 10, 12)),
        ("2024-03-05 10:12:00.250000", datetime(2024, 3, 5, 10, 12, 0, 250000)),
        ("2024-03-05", datetime(2024, 3, 5)),
        ("2024/3/5 9:05", datetime(2024, 3, 5, 9, 5)),
    ],
)
def test_iso(text: str, expected: datetime) -> None:
    assert dates.parse_iso(text) == expected


def test_iso_zones_become_the_same_instant() -> None:
    a = dates.parse_iso("2024-03-05 10:12:00 +0100")
    b = dates.parse_iso("2024-03-05T09:12:00Z")
    assert a is not None and b is not None
    assert dates.to_epoch(a) == dates.to_epoch(b) == dates.to_epoch(datetime(2024, 3, 5, 9, 12))


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("31-01-2024 10:12:33", True, datetime(2024, 1, 31, 10, 12, 33)),
        ("05-02-2024 10:12", True, datetime(2024, 2, 5, 10, 12)),
        ("29/2/2016 01:16", True, datetime(2016, 2, 29, 1, 16)),
        ("01/31/2024", False, datetime(2024, 1, 31)),
        ("02/05/2024 10:12 PM", False, datetime(2024, 2, 5, 22, 12)),
        ("12/05/24 12:00 AM", False, datetime(2024, 12, 5, 0, 0)),
        ("05.02.2024 10:12:00.5", True, datetime(2024, 2, 5, 10, 12, 0, 500000)),
    ],
)
def test_numeric(text: str, day_first: bool, expected: datetime) -> None:
    parse = dates.parse_day_first if day_first else dates.parse_month_first
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["", "?", "-", "N/A", "null", "1900-01-01 00:00:00",
                                  "01-01-1900 00:00:00", "0001-01-01"])
def test_placeholders_are_missing(text: str) -> None:
    if not text.startswith("01-01"):
        assert dates.parse_iso(text) is None
    assert dates.parse_day_first(text) is None


@pytest.mark.parametrize("kind", ["iso", "day-first", "month-first", "month-name", "epoch"])
def test_not_a_date_raises(kind: str) -> None:
    with pytest.raises(ValueError):
        dates.PARSERS[kind]("next tuesday")


def test_order_decided_per_column_then_file_then_default() -> None:
    kinds, notes = dates.decide_orders(
        {"opened": ["13-01-2024", "02-02-2024"], "closed": ["02-02-2024", "?"],
         "iso": ["2024-01-02"]},
        default_day_first=False, default_reason="generic default",
    )
    assert kinds == {"opened": "day-first", "closed": "day-first", "iso": "iso"}
    assert notes == ["'closed': day and month order taken from the file's other dates"]
    kinds, notes = dates.decide_orders({"d": ["01/02/2024"]}, True, "servicenow default")
    assert kinds == {"d": "day-first"} and "servicenow default" in notes[0]
    kinds, _ = dates.decide_orders({"d": ["01/13/2024"]}, True, "x")
    assert kinds == {"d": "month-first"}
    with pytest.raises(ValueError):
        dates.decide_orders({"d": ["13/01/2024", "01/13/2024"]}, True, "x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("TRUE", True), ("false", False), ("Yes", True), ("no", False), ("1", True), ("0", False),
     ("Within SLA", True), ("SLA Violated", False), ("", None), ("?", None)],
)
def test_booleans(text: str, expected: bool | None) -> None:
    assert values.parse_bool(text) is expected


def test_bad_boolean_raises() -> None:
    with pytest.raises(ValueError):
        values.parse_bool("maybe")


def test_csat_answers() -> None:
    assert values.parse_csat("Offered") is None
    assert values.parse_csat("Unoffered") is None
    assert values.parse_csat("") is None
    assert values.parse_csat("Good") == (None, True)
    assert values.parse_csat("Bad") == (None, False)
    assert values.parse_csat("4") == (4.0, True)
    assert values.parse_csat("3") == (3.0, False)
    with pytest.raises(ValueError):
        values.parse_csat("9")


def test_counts_numbers_statuses() -> None:
    assert values.parse_count("3.0") == 3
    assert values.parse_count("") is None
    with pytest.raises(ValueError):
        values.parse_count("2.5")
    assert values.parse_number("1,5") == 1.5
    assert values.parse_number("01:30:00") == 1.5
    assert values.status_state("Solved") == "resolved"
    assert values.status_state("Awaiting User Info") == "open"
    assert values.status_state("Canceled") == "cancelled"
    with pytest.raises(ValueError):  # not a status word: unreadable, not "open" (QA 9)
        values.status_state("-100")


def test_as_utc() -> None:
    assert dates.as_utc(datetime(2024, 1, 1)).tzinfo is UTC
