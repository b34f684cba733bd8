"""A map that asks to be kept alive: the monthly review on Home, `status` and the tracker.

A review is due when the last one is more than 30 days old, or, for a map never
reviewed, when it was created more than 30 days ago (by its UTC creation date);
day 30 itself is still on time.  Due maps are listed most overdue first.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from models.db.tables.workshop import Workshop
from models.rules.staleness import review_item, review_status, stale_maps
from tests.models.method_helpers import journey, tp

TODAY = dt.date(2026, 3, 1)


def _reviewed(days_ago: int, **fields: object) -> Workshop:
    return Workshop(last_reviewed_at=TODAY - dt.timedelta(days=days_ago),
                    created_at=dt.datetime(2025, 1, 1), **fields)  # type: ignore[arg-type]


def test_day_thirty_is_on_time_and_day_thirty_one_is_one_day_overdue() -> None:
    on_time = review_status(_reviewed(30), TODAY)
    assert (on_time.due, on_time.days_overdue, on_time.text) == (
        False, 0, "last reviewed 2026-01-30 (30 days ago)")
    late = review_status(_reviewed(31), TODAY)
    assert (late.due, late.days_overdue, late.text) == (
        True, 1, "last reviewed 2026-01-29 (31 days ago); review 1 day overdue")
    assert late.last_reviewed == dt.date(2026, 1, 29) and late.workshop.last_reviewed_at


def test_a_map_not_due_is_zero_days_overdue() -> None:
    status = review_status(_reviewed(10), TODAY)
    assert (status.due, status.days_overdue) == (False, 0)


def test_the_creation_date_is_the_utc_one_whatever_the_machine_zone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: already 30 January there
    time.tzset()
    try:
        created = dt.datetime(2026, 1, 29, 11, 0, tzinfo=dt.UTC)
        status = review_status(Workshop(created_at=created), TODAY)
        assert (status.due, status.days_overdue) == (True, 1)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_one_day_is_said_in_the_singular() -> None:
    assert review_status(_reviewed(1), TODAY).text == "last reviewed 2026-02-28 (1 day ago)"
    assert review_status(_reviewed(0), TODAY).text == "last reviewed 2026-03-01 (0 days ago)"


def test_a_map_never_reviewed_counts_from_its_utc_creation_date() -> None:
    # 1 am in UTC+05:00 on 30 January is still 29 January in UTC: day 31 on 1 March
    created = dt.datetime(2026, 1, 30, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    status = review_status(Workshop(created_at=created), TODAY)
    assert (status.last_reviewed, status.due, status.days_overdue, status.text) == (
        None, True, 1, "never reviewed; review due (1 day overdue)")
    naive = review_status(Workshop(created_at=dt.datetime(2026, 1, 30, 23, 0)), TODAY)
    assert (naive.due, naive.text) == (False, "never reviewed; first review due 2026-03-01")


def test_due_maps_most_overdue_first_ties_by_number() -> None:
    maps = [_reviewed(40, id=5), _reviewed(45, id=2), _reviewed(40, id=3), _reviewed(10, id=1)]
    assert [(s.workshop.id, s.days_overdue) for s in stale_maps(maps, TODAY)] == [
        (2, 15), (3, 10), (5, 10)]
    assert stale_maps([], TODAY) == []


def test_a_review_never_done_is_a_tracker_line_due_thirty_days_after_creation() -> None:
    j = journey([tp(1, "x")], lead="  Ana  ", title="", scenario="Locked out", id=4,
                created_at=dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC))
    item = review_item(j, TODAY)
    assert (item.kind, item.item_id, item.workshop_id, item.workshop_title, item.title,
            item.owner, item.deadline, item.status, item.days_left, item.overdue) == (
        "review", 4, 4, "Locked out", "Monthly review of the journey map", "Ana",
        dt.date(2026, 2, 14), "proposed", -15, True)


def test_a_review_on_time_is_not_overdue_even_on_its_deadline() -> None:
    item = review_item(journey([tp(1, "x")], last_reviewed_at=dt.date(2026, 1, 30)), TODAY)
    assert (item.deadline, item.days_left, item.overdue) == (TODAY, 0, False)
