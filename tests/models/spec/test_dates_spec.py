"""Today's date and date arithmetic every output counts from.

``JOURNEYMAP_TODAY`` pins today for the whole app (a lead rehearsing day 60, snapshots),
spaces around it allowed, a malformed value ignored; an odd stored date at the ends
of the calendar saturates instead of crashing the plan, calendar or tracker.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.rules.clock import today
from models.rules.safe_dates import shift
from models.vocab import TODAY_ENV


def test_a_pinned_date_with_spaces_is_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, "  2026-04-30 ")
    assert today() == dt.date(2026, 4, 30)


@pytest.mark.parametrize("value", ["", "   ", "30/04/2026", "2026-02-30"])
def test_no_pin_or_a_bad_one_is_the_local_date(monkeypatch: pytest.MonkeyPatch,
                                               value: str) -> None:
    monkeypatch.setenv(TODAY_ENV, value)
    assert today() == dt.date.today()
    monkeypatch.delenv(TODAY_ENV)
    assert today() == dt.date.today()


def test_shifting_a_date_counts_days_both_ways() -> None:
    assert shift(dt.date(2026, 2, 27), 2) == dt.date(2026, 3, 1)
    assert shift(dt.date(2026, 3, 1), -1) == dt.date(2026, 2, 28)
    assert shift(dt.date(2026, 3, 1), 0) == dt.date(2026, 3, 1)


def test_a_date_at_the_end_of_the_calendar_saturates() -> None:
    assert shift(dt.date(9999, 12, 31), 30) == dt.date.max
    assert shift(dt.date(9999, 12, 31), 1) == dt.date.max  # one day past the end
    assert shift(dt.date(9999, 12, 1), 60) == dt.date.max
    assert shift(dt.date(1, 1, 1), -1) == dt.date.min
    assert shift(dt.date(1, 1, 5), -60) == dt.date.min


def test_a_shift_past_any_calendar_saturates_and_the_whole_calendar_is_reachable() -> None:
    assert shift(dt.date(2026, 4, 30), 10**12) == dt.date.max
    assert shift(dt.date(2026, 4, 30), -(10**12)) == dt.date.min
    span = dt.date.max.toordinal() - dt.date.min.toordinal()
    assert shift(dt.date.min, span) == dt.date.max
    assert shift(dt.date.max, -span) == dt.date.min
