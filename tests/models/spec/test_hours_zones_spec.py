"""Business hours in a zone whose clock changes at odd moments or by odd amounts.

A team's figure is the real time it worked: the seconds during which its wall clock read a
working day between opening and closing, however the clock jumped. The clock finds a zone's
changes by itself, week by week (weeks of UTC, from Thursday 00:00, as the epoch began) and
to the second, and looks the offset up once per UTC day; real zones rarely change at those
edges, so made-up ones do here (``made_up_zones``): a change at midnight UTC on a Thursday,
in the last second before it or the first after it, summer time for a few days or for part
of one day, an offset in seconds (+00:19:32, as Amsterdam kept until 1937), a ticket stamped
at the very second of a change, and a change before 1970 (the clock counts from year 1; epoch
seconds below zero round down, not towards zero). Each figure is checked alone (``hours``) and
in a column (``many``) against the count second by second.

March 2026: Monday the 2nd, Tuesday the 3rd, Wednesday the 4th, Thursday the 5th.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.tickets.hours import Schedule, epochs
from tests.models.spec.made_up_zones import made_up_zone, real_working_hours
from tests.models.spec.zone_cases import CASES

HOUR = 3600
T = dt.datetime


def _spans(start: T, end: T, changes: list[tuple[T, int]]) -> list[tuple[T, T]]:
    """The ticket's whole span, and the tickets opened or solved at each change's second."""
    at = [moment for moment, _ in changes if start < moment < end]
    return [(start, end), *((start, m) for m in at), *((m, end) for m in at)]


@pytest.mark.parametrize("case", CASES)
def test_business_hours_are_the_real_working_time_alone_and_in_a_column(
        case: str, tmp_path: Path) -> None:
    first, changes, days, opening, closing, start, end = CASES[case]
    with made_up_zone(tmp_path, first, changes) as zone:
        schedule = Schedule.parse(days, opening, closing, zone)
        spans = _spans(start, end, changes)
        real = [real_working_hours(schedule.days, schedule.start, schedule.end, zone, s, e)
                for s, e in spans]
        alone = [schedule.hours(s, e) for s, e in spans]
        column = schedule.many([s for s, _ in spans], [e for _, e in spans])
    assert alone == pytest.approx(real)
    assert column == pytest.approx(real)


def test_a_clock_change_outside_the_span_leaves_it_alone(tmp_path: Path) -> None:
    """Summer time from Monday to the Thursday after: a ticket of the Sunday before and one
    of the Thursday after (same UTC hours) both count their eight working hours."""
    changes = [(T(2026, 3, 2, 10), HOUR), (T(2026, 3, 5), 0)]
    with made_up_zone(tmp_path, 0, changes) as zone:
        schedule = Schedule.parse("mon-sun", "09:00", "17:00", zone)
        starts, ends = [T(2026, 3, 1, 8), T(2026, 3, 5, 8)], [T(2026, 3, 1, 18), T(2026, 3, 5, 18)]
        assert [schedule.hours(s, e) for s, e in zip(starts, ends, strict=True)] == [8.0, 8.0]
        assert schedule.many(starts, ends) == [8.0, 8.0]


def test_a_column_with_a_ticket_of_the_changing_day_before_others_counts_each_its_own() -> None:
    """Berlin moves its clocks at 01:00 UTC on Sunday 29 March 2026. A column whose first
    ticket is on that day and the others on ordinary days: every ticket gets the figure it
    gets alone."""
    schedule = Schedule.parse("mon-sun", "00:00", "23:59", "Europe/Berlin")
    starts = [T(2026, 3, 29, 0, 30), T(2026, 3, 30, 8), T(2026, 3, 31, 8), T(2026, 4, 1, 8),
              T(2026, 3, 29, 0, 45)]
    ends = [T(2026, 3, 29, 2, 30), T(2026, 3, 30, 10), T(2026, 3, 31, 9), T(2026, 4, 1, 8, 30),
            T(2026, 3, 29, 1, 15)]
    alone = [schedule.hours(s, e) for s, e in zip(starts, ends, strict=True)]
    assert alone == pytest.approx([2.0, 2.0, 1.0, 0.5, 0.5])
    assert schedule.many(starts, ends) == pytest.approx(alone)


def test_only_the_tickets_of_a_changing_day_are_converted_one_by_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A column is counted in C-level passes; only a moment on a UTC day when the zone's
    offset changes is converted by itself (the import's speed rests on it). A year of
    tickets in Berlin, four a day (the clock has found the year's changes before): the eight
    of its two changing Sundays are converted one by one, and no other."""
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin")
    clock = schedule.clock()
    clock.jumps(epochs([T(2026, 1, 1)])[0], epochs([T(2026, 12, 31, 18)])[0])
    looked_at: list[float] = []
    convert = clock._offset_at_epoch

    def counted(moment: float) -> float:
        looked_at.append(moment)
        return convert(moment)

    monkeypatch.setattr(clock, "_offset_at_epoch", counted)
    moments = [T(2026, 1, 1) + dt.timedelta(days=d, hours=h)
               for d in range(365) for h in (3, 9, 13, 18)]
    clock.worked_all(epochs(moments))
    changing = {T(2026, 3, 29).date(), T(2026, 10, 25).date()}
    assert len(looked_at) == 4 * len(changing)
    assert {(dt.datetime(1970, 1, 1) + dt.timedelta(seconds=m)).date()
            for m in looked_at} == changing
