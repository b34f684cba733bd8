"""Business hours as a workshop lead types, reads and relies on them (models/tickets/hours.py).

Every figure is counted by hand on a calendar (November 2026: the 27th is a Friday, the 28th
and 29th the weekend; Berlin moves its clocks on Sunday 29 March and Sunday 25 October 2026,
at 01:00 UTC).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator

import pytest

from models.tickets.hours import Schedule, epochs, parse_days, stored


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# --- the working days as people write them ---------------------------------------------

@pytest.mark.parametrize(("text", "days"), [
    ("Mon - Fri", (0, 1, 2, 3, 4)),
    ("MONDAY-FRIDAY", (0, 1, 2, 3, 4)),
    ("tues,thurs", (1, 3)),
    ("sun", (6,)),
    ("fri-fri", (4,)),
    ("mon,wed,fri", (0, 2, 4)),
    ("sat-sun,mon", (0, 5, 6)),
    ("sun-sat", (0, 1, 2, 3, 4, 5, 6)),
    ("wed-mon", (0, 2, 3, 4, 5, 6)),
])
def test_working_days_in_any_spelling_a_person_uses(text: str, days: tuple[int, ...]) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["", "mo-fr", "mon-tue-wed", "mon,,fri", "mon-", "m", "xyz"])
def test_days_that_are_not_days_are_refused_naming_the_text_and_the_day_names(text: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_days(text)
    assert str(err.value) == (f"days {text!r} are not like mon-fri or sat,sun "
                              "(day names: mon, tue, wed, thu, fri, sat, sun)")


# --- the day's hours --------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "hours"), [
    ("08:30", "12:45", 4.25), (" 00:00 ", "23:59", 23 + 59 / 60), ("19:15", "20:00", 0.75),
])
def test_a_whole_working_day_counts_the_hours_between_opening_and_closing(
        start: str, end: str, hours: float) -> None:
    schedule = Schedule.parse("mon-fri", start, end, "UTC")
    monday, tuesday = utc("2026-11-30 00:00"), utc("2026-12-01 00:00")
    assert schedule.hours(monday, tuesday) == pytest.approx(hours)
    assert schedule.many([monday], [tuesday]) == pytest.approx([hours])


@pytest.mark.parametrize(("text", "what"), [
    ("9:00", "opening"), ("24:00", "opening"), ("09:60", "opening"), ("0900", "opening"),
])
def test_a_time_not_on_a_24_hour_clock_is_refused_in_one_sentence(text: str, what: str) -> None:
    with pytest.raises(ValueError) as err:
        Schedule.parse("mon-fri", text, "23:00", "UTC")
    assert str(err.value) == f"{what} time {text!r} is not HH:MM on a 24-hour clock"
    with pytest.raises(ValueError) as err:
        Schedule.parse("mon-fri", "00:00", text, "UTC")
    assert str(err.value) == f"closing time {text!r} is not HH:MM on a 24-hour clock"


def test_opening_at_closing_time_is_refused_and_a_schedule_needs_a_day() -> None:
    with pytest.raises(ValueError) as err:
        Schedule.parse("mon-fri", "09:00", "09:00", "UTC")
    assert str(err.value) == "the opening time 09:00 is not before the closing time 09:00"
    with pytest.raises(ValueError) as err:
        Schedule((), dt.time(9), dt.time(17), "UTC")
    assert str(err.value) == "a schedule needs at least one working day"


def test_an_unknown_zone_is_refused_with_examples() -> None:
    for name in ("Mars/Olympus", "../etc/passwd", ""):
        with pytest.raises(ValueError) as err:
            Schedule.parse("mon-fri", "09:00", "17:00", name)
        assert str(err.value) == (f"time zone {name!r} is not an IANA name such as "
                                  "Europe/Berlin or America/New_York")


def test_seconds_count_to_the_second() -> None:
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")
    start, end = utc("2026-11-30 09:00:00"), utc("2026-11-30 09:00:30.500000")
    assert schedule.hours(start, end) == pytest.approx(30.5 / 3600)
    assert schedule.many([start], [end]) == pytest.approx([30.5 / 3600])


def test_an_end_before_the_start_is_zero_hours_alone_and_in_a_column() -> None:
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")
    start, end = utc("2026-11-30 12:00"), utc("2026-11-30 10:00")
    assert schedule.hours(start, end) == 0.0
    assert schedule.many([start, end], [end, start]) == [0.0, 2.0]


# --- holidays -----------------------------------------------------------------------------

def test_a_holiday_on_a_day_off_takes_no_working_hours_away() -> None:
    """A team lists the public holidays of the year; one falls on a Saturday."""
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "UTC", ["2026-11-28"])
    start, end = utc("2026-11-27 16:00"), utc("2026-11-30 10:00")
    assert schedule.hours(start, end) == 2.0
    assert schedule.many([start], [end]) == [2.0]


def test_holidays_are_kept_once_in_date_order_and_may_carry_spaces() -> None:
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "UTC",
                              [" 2026-12-25 ", "2026-12-24", "2026-12-25"])
    assert schedule.holidays == (dt.date(2026, 12, 24), dt.date(2026, 12, 25))


# --- the summary a person reads -----------------------------------------------------------

@pytest.mark.parametrize(("days", "shown"), [
    ("mon-fri", "Mon-Fri"), ("mon-wed", "Mon-Wed"), ("mon-sun", "Mon-Sun"),
    ("tue-thu", "Tue-Thu"), ("wed-sun", "Wed-Sun"),
    ("mon,wed,fri", "Mon, Wed, Fri"), ("mon,tue,thu", "Mon, Tue, Thu"),
    ("sat,sun", "Sat, Sun"), ("mon-tue", "Mon, Tue"), ("fri-mon", "Mon, Fri, Sat, Sun"),
    ("thu", "Thu"),
])
def test_the_summary_writes_the_days_as_a_person_does(days: str, shown: str) -> None:
    schedule = Schedule.parse(days, "09:00", "17:00", "Europe/Berlin")
    assert schedule.summary() == f"{shown} 09:00-17:00 Europe/Berlin"


def test_the_summary_counts_holidays_and_shows_the_first_five() -> None:
    one = Schedule.parse("mon-fri", "09:00", "17:00", "UTC", ["2026-12-25"])
    assert one.summary() == "Mon-Fri 09:00-17:00 UTC, 1 holiday (2026-12-25)"
    five = [f"2026-12-{d}" for d in range(21, 26)]
    assert Schedule.parse("mon-fri", "09:00", "17:00", "UTC", five).summary() == (
        "Mon-Fri 09:00-17:00 UTC, 5 holidays (2026-12-21, 2026-12-22, 2026-12-23, "
        "2026-12-24, 2026-12-25)")
    six = [*five, "2026-12-31"]
    assert Schedule.parse("mon-fri", "09:00", "17:00", "UTC", six).summary() == (
        "Mon-Fri 09:00-17:00 UTC, 6 holidays (2026-12-21, 2026-12-22, 2026-12-23, "
        "2026-12-24, 2026-12-25, …)")


# --- what is stored -----------------------------------------------------------------------

def test_the_stored_form_is_plain_json_with_day_names_and_iso_dates() -> None:
    schedule = Schedule.parse("mon,wed", "08:30", "17:30", "Europe/Berlin", ["2026-12-25"])
    assert json.loads(schedule.to_json()) == {
        "days": ["mon", "wed"], "start": "08:30", "end": "17:30", "tz": "Europe/Berlin",
        "holidays": ["2026-12-25"]}
    assert Schedule.from_json(schedule.to_json()) == schedule


def test_a_stored_schedule_without_holidays_reads_as_none() -> None:
    text = '{"days": ["sat"], "start": "10:00", "end": "14:00", "tz": "UTC"}'
    assert Schedule.from_json(text) == Schedule.parse("sat", "10:00", "14:00", "UTC")


@pytest.mark.parametrize("text", [
    "not json", "[]", '"mon-fri"', '{"days": ["mon"]}', '{"days": 5, "start": "09:00", '
    '"end": "17:00", "tz": "UTC"}', '{"days": ["mon"], "start": 9, "end": "17:00", "tz": "UTC"}',
])
def test_stored_text_that_is_not_a_schedule_is_refused_quoting_it(text: str) -> None:
    with pytest.raises(ValueError) as err:
        Schedule.from_json(text)
    assert str(err.value) == f"stored business hours {text!r} are not a schedule"
    assert stored(text) is None


def test_no_stored_text_or_an_unreadable_one_is_no_schedule() -> None:
    assert stored("") is None
    bad_zone = '{"days": ["mon"], "start": "09:00", "end": "17:00", "tz": "Mars/Olympus"}'
    assert stored(bad_zone) is None
    good = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")
    assert stored(good.to_json()) == good


# --- the day the clocks change ------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "hours"), [
    # spring: Sunday 10:00 UTC is 12:00 in Berlin (summer time since 01:00 UTC)
    ("2026-03-28 20:00", "2026-03-29 10:00", 4.0),
    # autumn: Sunday 10:00 UTC is 11:00 in Berlin (winter time again since 01:00 UTC)
    ("2026-10-24 20:00", "2026-10-25 10:00", 3.0),
    # a ticket opened on the changing day before the change, in winter time
    ("2026-03-29 00:30", "2026-03-29 07:30", 1.5),
])
def test_the_day_the_clocks_change_is_counted_in_its_own_time_alone_and_in_a_column(
        start: str, end: str, hours: float) -> None:
    sunday = Schedule.parse("sun", "08:00", "18:00", "Europe/Berlin")
    assert sunday.hours(utc(start), utc(end)) == pytest.approx(hours)
    assert sunday.many([utc(start), utc("2026-11-30 00:00")],
                       [utc(end), utc("2026-11-30 01:00")]) == pytest.approx([hours, 0.0])


# --- the machine's own clock plays no part -------------------------------------------------

@pytest.fixture
def machine_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The server the seats SSH into keeps its clock in another zone than the team."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("machine_in_new_york")
@pytest.mark.parametrize(("days", "opening", "zone", "start", "end", "hours"), [
    ("mon-sun", "08:00", "UTC", "2026-11-30 16:00", "2026-11-30 18:00", 1.0),
    ("mon-sun", "08:00", "Europe/Berlin", "2026-11-30 15:00", "2026-11-30 17:00", 1.0),
    ("sun", "08:00", "Europe/Berlin", "2026-03-28 20:00", "2026-03-29 10:00", 4.0),
    # Sunday 29 March, before the change at 01:00 UTC: 01:00-01:50 winter time
    ("sun", "01:30", "Europe/Berlin", "2026-03-29 00:00", "2026-03-29 00:50", 20 / 60),
])
def test_the_server_time_zone_changes_nothing(days: str, opening: str, zone: str, start: str,
                                              end: str, hours: float) -> None:
    schedule = Schedule.parse(days, opening, "17:00", zone)
    assert schedule.hours(utc(start), utc(end)) == pytest.approx(hours)
    assert schedule.many([utc(start)], [utc(end)]) == pytest.approx([hours])


@pytest.mark.parametrize(("start", "end"), [
    ("2026-03-29 00:30", "2026-03-29 02:30"),  # 01:30 CET to 04:30 CEST
    ("2026-10-25 00:30", "2026-10-25 02:30"),  # 02:30 CEST to 03:30 CET
])
def test_a_clock_change_inside_working_hours_counts_real_time(start: str, end: str) -> None:
    """Two hours passed; a team working through the night worked two hours."""
    night = Schedule.parse("sun", "00:00", "23:59", "Europe/Berlin")
    assert night.hours(utc(start), utc(end)) == pytest.approx(2.0)
    assert night.many([utc(start)], [utc(end)]) == pytest.approx([2.0])


def test_a_week_through_the_spring_change_loses_the_hour_that_never_happened() -> None:
    """Saturday 00:00 to Monday 00:00 in Berlin, working round the clock but one minute:
    two working days of 23 h 59 min, less the hour the clocks skip on Sunday night."""
    nights = Schedule.parse("mon-sun", "00:00", "23:59", "Europe/Berlin")
    start, end = utc("2026-03-27 23:00"), utc("2026-03-29 22:00")
    hours = 2 * (23 + 59 / 60) - 1
    assert nights.hours(start, end) == pytest.approx(hours)
    clock = nights.clock()
    at_start, at_end = clock.worked_all(epochs([start])), clock.worked_all(epochs([end]))
    assert clock.spans(at_start, at_end) == pytest.approx([hours])


def test_an_opening_inside_the_skipped_hour_counts_from_when_work_really_starts() -> None:
    """02:30 does not exist in Berlin on 29 March 2026: work starts at 03:00 summer time
    (01:00 UTC) and ends at 05:00 (03:00 UTC): two hours."""
    sunday = Schedule.parse("sun", "02:30", "05:00", "Europe/Berlin")
    start, end = utc("2026-03-28 23:00"), utc("2026-03-29 05:00")
    assert sunday.hours(start, end) == pytest.approx(2.0)
    assert sunday.many([start, utc("2026-03-29 02:00")], [end, end]) == pytest.approx(
        [2.0, 1.0])


def test_a_column_mixing_both_changes_counts_real_time_for_each_ticket() -> None:
    night = Schedule.parse("sun", "00:00", "23:59", "Europe/Berlin")
    starts = [utc("2026-10-25 00:30"), utc("2026-03-29 00:30"), utc("2026-06-07 08:00")]
    ends = [utc("2026-10-25 02:30"), utc("2026-03-29 02:30"), utc("2026-06-07 10:00")]
    assert night.many(starts, ends) == pytest.approx([2.0, 2.0, 2.0])
    assert [night.hours(s, e) for s, e in zip(starts, ends, strict=True)] == pytest.approx(
        [2.0, 2.0, 2.0])
