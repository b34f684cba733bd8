"""Business-hours durations against a workshop schedule, computed by hand.

Every expected value below is counted on a calendar: the working hours between the two
moments that fall on a working day, inside the day's hours, and not on a holiday.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.tickets.hours import Schedule, parse_days

NINE_TO_FIVE = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")


def utc(text: str) -> dt.datetime:
    """A naive UTC moment, as the importer hands them over."""
    return dt.datetime.fromisoformat(text)


def test_friday_afternoon_to_monday_morning_is_two_hours() -> None:
    # 2026-11-27 is a Friday: 16:00-17:00 Friday + 09:00-10:00 Monday
    assert NINE_TO_FIVE.hours(utc("2026-11-27 16:00"), utc("2026-11-30 10:00")) == 2.0


def test_opened_outside_hours_counts_from_the_next_opening() -> None:
    # Saturday 11:00 → Monday 09:30: only Monday 09:00-09:30
    assert NINE_TO_FIVE.hours(utc("2026-11-28 11:00"), utc("2026-11-30 09:30")) == 0.5
    # Tuesday 20:00 → Wednesday 08:00: nothing is worked in between
    assert NINE_TO_FIVE.hours(utc("2026-12-01 20:00"), utc("2026-12-02 08:00")) == 0.0
    # Monday 07:00 → Monday 18:00: the whole working day
    assert NINE_TO_FIVE.hours(utc("2026-11-30 07:00"), utc("2026-11-30 18:00")) == 8.0


def test_a_holiday_is_not_worked() -> None:
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "UTC", ["2026-12-25"])
    # Thursday 24 Dec 16:00 → Monday 28 Dec 10:00: 1 h Thursday, Friday 25 is a holiday, 1 h Monday
    assert schedule.hours(utc("2026-12-24 16:00"), utc("2026-12-28 10:00")) == 2.0
    assert NINE_TO_FIVE.hours(utc("2026-12-24 16:00"), utc("2026-12-28 10:00")) == 10.0


def test_a_week_and_a_half() -> None:
    # Wednesday 12:00 → Wednesday a week later 12:00: 5 working days of 8 h
    assert NINE_TO_FIVE.hours(utc("2026-12-02 12:00"), utc("2026-12-09 12:00")) == 40.0


def test_times_are_taken_in_the_schedule_time_zone() -> None:
    berlin = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin")
    # Winter, Berlin is UTC+1: 15:00 UTC Friday is 16:00 in Berlin, 09:00 UTC Monday is 10:00
    assert berlin.hours(utc("2026-11-27 15:00"), utc("2026-11-30 09:00")) == 2.0
    # Summer, Berlin is UTC+2: 07:00-15:00 UTC is a full Berlin working day
    assert berlin.hours(utc("2026-07-01 06:00"), utc("2026-07-01 16:00")) == 8.0
    # New York, UTC-5 in winter: 14:00-22:00 UTC is 09:00-17:00 there
    ny = Schedule.parse("mon-fri", "09:00", "17:00", "America/New_York")
    assert ny.hours(utc("2026-12-01 13:00"), utc("2026-12-01 23:00")) == 8.0


def test_weekend_schedules_and_day_lists() -> None:
    assert parse_days("mon-fri") == (0, 1, 2, 3, 4)
    assert parse_days("sat,sun") == (5, 6)
    assert parse_days("fri-mon") == (0, 4, 5, 6)
    weekend = Schedule.parse("sat-sun", "10:00", "14:00", "UTC")
    assert weekend.hours(utc("2026-11-27 09:00"), utc("2026-11-30 09:00")) == 8.0


@pytest.mark.parametrize(("days", "start", "end", "tz", "holidays", "word"), [
    ("mon-xyz", "09:00", "17:00", "UTC", [], "xyz"),
    ("mon-fri", "9h", "17:00", "UTC", [], "9h"),
    ("mon-fri", "17:00", "09:00", "UTC", [], "before"),
    ("mon-fri", "09:00", "17:00", "Mars/Olympus", [], "Mars/Olympus"),
    ("mon-fri", "09:00", "17:00", "UTC", ["25-12-2026"], "25-12-2026"),
])
def test_bad_schedules_are_one_sentence(days: str, start: str, end: str, tz: str,
                                        holidays: list[str], word: str) -> None:
    with pytest.raises(ValueError) as err:
        Schedule.parse(days, start, end, tz, holidays)
    assert word in str(err.value)
    assert "\n" not in str(err.value)


def test_round_trip_through_json_and_summary() -> None:
    schedule = Schedule.parse("mon-fri", "09:00", "17:30", "Europe/Berlin",
                              ["2026-12-25", "2026-12-24"])
    assert Schedule.from_json(schedule.to_json()) == schedule
    assert schedule.summary() == ("Mon-Fri 09:00-17:30 Europe/Berlin, 2 holidays "
                                  "(2026-12-24, 2026-12-25)")


def test_many_at_once_matches_one_by_one() -> None:
    starts = [utc("2026-11-27 16:00"), utc("2026-11-28 11:00"), utc("2026-12-24 16:00")]
    ends = [utc("2026-11-30 10:00"), utc("2026-11-30 09:30"), utc("2026-12-28 10:00")]
    assert NINE_TO_FIVE.many(starts, ends) == [2.0, 0.5, 10.0]


moments = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1))


@settings(deadline=None)
@given(moments, moments, moments)
def test_business_hours_add_up_and_never_exceed_calendar(a: dt.datetime, b: dt.datetime,
                                                         c: dt.datetime) -> None:
    berlin = Schedule.parse("mon-fri", "08:30", "18:00", "Europe/Berlin", ["2024-12-25"])
    first, mid, last = sorted((a, b, c))
    whole = berlin.hours(first, last)
    assert 0 <= whole <= (last - first).total_seconds() / 3600 + 1e-9
    assert whole == pytest.approx(berlin.hours(first, mid) + berlin.hours(mid, last))


around_dst = st.datetimes(min_value=dt.datetime(2026, 3, 27), max_value=dt.datetime(2026, 4, 1))


@settings(deadline=None)
@given(st.lists(st.tuples(st.one_of(moments, around_dst), st.one_of(moments, around_dst)),
                max_size=20),
       st.sampled_from(["Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "UTC"]))
def test_the_column_at_once_equals_each_pair(pairs: list[tuple[dt.datetime, dt.datetime]],
                                             zone: str) -> None:
    schedule = Schedule.parse("sun-thu", "00:30", "23:30", zone, ["2026-03-29"])
    starts, ends = [a for a, _ in pairs], [b for _, b in pairs]
    assert schedule.many(starts, ends) == pytest.approx(
        [schedule.hours(a, b) for a, b in pairs], abs=1e-6)
