"""Date cells that say "no date", a warehouse's " UTC" suffix, and the far-past sentinel.

An export writes "no date" in many ways (``N/A``, ``NULL``, ``None``, in any
case); a far-past year (1900-01-01, 0001-01-01) is an export's "never", not a
ticket from then, while 1901 is a real year.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from models.tickets import dates


@pytest.mark.parametrize("cell", ["N/A", "NULL", " None ", "NaN", "#N/A", "NaT", "-", ""])
def test_a_cell_that_says_no_date_in_any_case_is_missing(cell: str) -> None:
    assert dates.is_missing(cell)


@pytest.mark.parametrize("cell", ["2024-03-04 09:00:00 UTC", "2024-03-04 09:00:00 utc"])
def test_a_warehouse_dump_s_utc_suffix_is_utc(cell: str) -> None:
    assert dates.parse_iso(cell) == datetime(2024, 3, 4, 9, tzinfo=UTC)


def test_a_year_before_1901_is_no_date_and_1901_is_a_date() -> None:
    assert dates.parse_iso("1900-12-31T23:59:59Z") is None
    assert dates.parse_iso("1901-01-01T00:00:00Z") == datetime(1901, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("cell", ["NULL", "n/a", " - ", "NaT"])
def test_an_epoch_column_s_no_date_cell_is_missing_not_unreadable(cell: str) -> None:
    assert dates.parse_epoch(cell) is None


def test_an_export_s_naive_latest_time_is_utc_on_a_machine_in_new_york(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert dates.as_utc(datetime(2024, 3, 4, 9)) == datetime(2024, 3, 4, 9, tzinfo=UTC)
    finally:
        monkeypatch.undo()
        time.tzset()
