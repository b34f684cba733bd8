"""Business-hours metrics of an import: computed only with a schedule, by hand below.

Schedule Mon-Fri 09:00-17:00 UTC, 25 December a holiday. Four Zendesk tickets:
1. Fri 27 Nov 16:00 → solved Mon 30 Nov 10:00: 2 business hours (66 calendar); first reply
   after 60 min = Fri 17:00: 1 business hour.
2. Sat 28 Nov 11:00 → solved Mon 09:30: 0.5 (46.5 calendar); reply after 30 min, Saturday: 0.
3. Thu 24 Dec 16:00 → solved Mon 28 Dec 10:00: 2 (Friday is the holiday; 90 calendar);
   reply after 1,200 min = Fri 25 Dec 12:00: 1.
4. Tue 1 Dec 10:00, still open; reply after 90 min: 1.5.
TTR business: [0.5, 2, 2] → median 2, p90 2. First response business: [0, 1, 1, 1.5] → median 1.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.tickets import engine, metrics
from models.tickets.hours import Schedule
from tests.models.tickets.business_rows import ROWS

SCHEDULE = Schedule.parse("mon-fri", "09:00", "17:00", "UTC", ["2026-12-25"])


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "zendesk.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def test_business_hours_next_to_calendar_hours(export: Path) -> None:
    imported = engine.import_export(export, source="zendesk", schedule=SCHEDULE)
    [billing, accounts, total] = metrics.table(imported, by="group",
                                               period="2026-11..2026-12")
    assert total.ttr_median_hours == 66.0
    assert total.ttr_business_median_hours == 2.0
    assert total.ttr_business_p90_hours == 2.0
    assert total.frt_business_median_hours == 1.0
    assert billing.frt_business_median_hours == 1.0  # [0, 1, 1]
    assert accounts.frt_business_median_hours == 1.5
    assert accounts.ttr_business_median_hours is None
    assert "no resolved ticket" in accounts.unavailable["ttr_business_median_hours"]


def test_without_a_schedule_the_business_metrics_say_why(export: Path) -> None:
    total = metrics.table(engine.import_export(export, source="zendesk"), by=None)[-1]
    assert total.ttr_business_median_hours is None
    assert total.frt_business_median_hours is None
    for key in ("ttr_business_median_hours", "ttr_business_p90_hours",
                "frt_business_median_hours"):
        assert "business-hours schedule" in total.unavailable[key]


def test_event_logs_keep_business_hours_of_the_latest_update(tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    path.write_text(
        "number,opened_at,resolved_at,state,sys_updated_on\n"
        "INC1,2026-11-27 16:00:00,,In Progress,2026-11-27 16:30:00\n"
        "INC1,2026-11-27 16:00:00,2026-11-30 10:00:00,Resolved,2026-11-30 10:00:00\n",
        encoding="utf-8")
    imported = engine.import_export(path, source="servicenow", schedule=SCHEDULE)
    total = metrics.table(imported, by=None)[-1]
    assert total.tickets == 1
    assert total.ttr_business_median_hours == 2.0


def test_zoned_timestamps_are_counted_in_the_schedule_zone(tmp_path: Path) -> None:
    # 17:00 at +02:00 is 15:00 UTC = Friday 16:00 in Berlin (winter, +01:00); solved 09:00 UTC
    # Monday = 10:00 in Berlin: 2 business hours under Berlin's 9-17, 66 calendar hours.
    path = tmp_path / "zoned.csv"
    path.write_text("Id,Status,Created at,Solved at\n"
                    "1,Solved,2026-11-27T17:00:00+02:00,2026-11-30T09:00:00Z\n",
                    encoding="utf-8")
    berlin = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin")
    total = metrics.table(engine.import_export(path, source="zendesk", schedule=berlin),
                          by=None)[-1]
    assert total.ttr_median_hours == 66.0
    assert total.ttr_business_median_hours == 2.0


_moment = st.one_of(
    st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 1, 1)),
    st.datetimes(min_value=dt.datetime(2026, 3, 27), max_value=dt.datetime(2026, 4, 6)),
    st.datetimes(min_value=dt.datetime(2026, 10, 1), max_value=dt.datetime(2026, 10, 6)),
)


@settings(deadline=None, max_examples=30)
@given(st.lists(st.tuples(_moment, st.integers(0, 400_000), st.integers(0, 20_000)),
                min_size=1, max_size=15),
       st.sampled_from(["Europe/Berlin", "Australia/Lord_Howe", "America/St_Johns", "UTC"]))
def test_each_tickets_business_hours_are_the_schedules(
        tickets: list[tuple[dt.datetime, int, int]], zone: str) -> None:
    """Imported in bulk, every ticket's business durations equal ``Schedule.hours`` of its
    own two moments, across daylight-saving days and zones with half-hour shifts."""
    schedule = Schedule.parse("sun-thu", "08:30", "17:45", zone, ["2026-03-29", "2026-10-04"])
    lines = ["Id,Group,Status,Created at,Solved at,First reply time in minutes"]
    for i, (created, ttr_s, frt_min) in enumerate(tickets):
        solved = created + dt.timedelta(seconds=ttr_s)
        lines.append(f"{i},g{i},Solved,{created.isoformat(sep=' ')},"
                     f"{solved.isoformat(sep=' ')},{frt_min}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "z.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        # the moments are UTC (as ``Schedule.hours`` takes them), not the schedule's zone
        imported = engine.import_export(path, schedule=schedule, zone="UTC")
    rows = {r.group: r for r in metrics.table(imported, by="group")}
    for i, (created, ttr_s, frt_min) in enumerate(tickets):
        row = rows[f"g{i}"]
        solved = created + dt.timedelta(seconds=ttr_s)
        replied = created + dt.timedelta(minutes=frt_min)
        assert row.ttr_business_median_hours == pytest.approx(
            schedule.hours(created, solved), abs=1e-6)
        assert row.frt_business_median_hours == pytest.approx(
            schedule.hours(created, replied), abs=1e-6)
