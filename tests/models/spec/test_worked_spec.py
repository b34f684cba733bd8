"""Business hours of a whole imported column equal the clock's own, ticket by ticket.

An import counts business hours a column at a time in polars (``models/tickets/worked.py``):
a workshop lead must get, for every ticket, the figure ``Schedule.hours`` gives that ticket
alone, in any zone, on the days the clocks change, for a ticket stamped at the very second of
a change, before 1970, and with tickets not solved or not answered yet (null stays null, a
column of nulls is a column of nulls, not an error).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from models.tickets import engine, metrics, worked
from models.tickets.hours import Schedule, epochs
from tests.models.spec.made_up_zones import made_up_zone
from tests.models.spec.zone_cases import CASES

T = dt.datetime


def _column(schedule: Schedule, moments: list[T | None]) -> list[float | None]:
    """Worked seconds of a column with gaps, as the import counts them."""
    seconds = [None if m is None else epochs([m])[0] for m in moments]
    return worked.worked(pl.Series("m", seconds, dtype=pl.Float64), schedule.clock()).to_list()


def _alone(schedule: Schedule, moments: list[T | None]) -> list[float | None]:
    clock = schedule.clock()
    return [None if m is None else clock.worked_all(epochs([m]))[0] for m in moments]


def _counted(figures: list[float | None]) -> list[float]:
    """Worked seconds since year 1 (about 6e10) to the millisecond: a relative tolerance
    would let a whole hour through."""
    return [round(f, 3) for f in figures if f is not None]


def _moments(case: str) -> list[T | None]:
    """The case's start, end and change moments, a second either side of each, and gaps."""
    _, changes, *_, start, end = CASES[case]
    second = dt.timedelta(seconds=1)
    around = [m + d for m, _ in changes for d in (-second, 0 * second, second)]
    return [None, start, *around, None, end, None]


@pytest.mark.parametrize("case", CASES)
def test_an_imported_column_counts_each_moment_as_the_clock_does(
        case: str, tmp_path: Path) -> None:
    first, changes, days, opening, closing, *_ = CASES[case]
    with made_up_zone(tmp_path, first, changes) as zone:
        schedule = Schedule.parse(days, opening, closing, zone)
        moments = _moments(case)
        got, alone = _column(schedule, moments), _alone(schedule, moments)
    assert [g is None for g in got] == [a is None for a in alone]
    assert _counted(got) == _counted(alone)


def test_a_column_of_a_year_in_berlin_counts_each_ticket_as_alone() -> None:
    """Both changing Sundays, ordinary days between, the change's own second, and gaps."""
    nights = Schedule.parse("mon-sun", "00:00", "06:00", "Europe/Berlin")
    moments: list[T | None] = [
        T(2026, 3, 29, 1), None, T(2026, 1, 5, 3), T(2026, 3, 29, 0, 30), T(2026, 6, 1, 2),
        T(2026, 10, 25, 0, 59, 59), T(2026, 10, 25, 1), T(2026, 10, 25, 2, 30), None,
        T(2026, 12, 31, 23, 59, 59)]
    got, alone = _column(nights, moments), _alone(nights, moments)
    assert [g is None for g in got] == [a is None for a in alone]
    assert _counted(got) == _counted(alone)


def test_a_column_no_ticket_has_reached_yet_is_all_gaps() -> None:
    """No ticket answered yet, or no ticket at all: nothing to count, and no error."""
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin")
    assert _column(schedule, [None, None]) == [None, None]
    assert _column(schedule, []) == []


def test_a_ticket_solved_the_minute_the_clocks_go_forward(tmp_path: Path) -> None:
    """Berlin, Sunday 29 March 2026: at 01:00 UTC the clocks go from 02:00 to 03:00. A night
    team's ticket opened at 00:30 UTC and solved at 01:00 UTC exactly took half an hour, and
    one opened then and solved at 02:00 UTC took an hour (an export with minutes only puts
    many tickets on the change's own second)."""
    nights = Schedule.parse("mon-sun", "00:00", "06:00", "Europe/Berlin")
    path = tmp_path / "tickets.csv"
    path.write_text("ticket_id,created_at,resolved_at,status,category\n"
                    "1,2026-03-29 00:30,2026-03-29 01:00,Solved,to the change\n"
                    "2,2026-03-29 01:00,2026-03-29 02:00,Solved,from the change\n"
                    "3,2026-03-29 01:00,,Open,from the change\n", encoding="utf-8")
    imported = engine.import_export(path, schedule=nights)
    rows = {row.group: row.ttr_business_median_hours
            for row in metrics.table(imported, by="category")}
    assert rows == {"to the change": pytest.approx(0.5), "from the change": pytest.approx(1.0),
                    "all": pytest.approx(0.75)}


def test_a_solution_or_reply_dated_before_the_ticket_has_no_business_duration(
        tmp_path: Path) -> None:
    """Clock skew between systems puts a resolution or a first reply before the ticket's
    creation: it has no duration at all, neither in calendar nor in business hours (never a
    negative one pulling the median down)."""
    path = tmp_path / "tickets.csv"
    path.write_text("ticket_id,created_at,resolved_at,first_response_at,status,category\n"
                    "1,2026-03-03 10:00,2026-03-03 09:00,2026-03-03 09:30,Solved,backwards\n"
                    "2,2026-03-03 10:00,2026-03-03 12:00,2026-03-03 11:00,Solved,forwards\n",
                    encoding="utf-8")
    schedule = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")
    rows = {row.group: row for row in
            metrics.table(engine.import_export(path, schedule=schedule), by="category")}
    got = {g: (r.ttr_business_median_hours, r.frt_business_median_hours) for g, r in rows.items()}
    assert got == {"backwards": (None, None), "forwards": (2.0, 1.0), "all": (2.0, 1.0)}
