"""Which months of an import's ticket readings are complete (``rules.months``), as a workshop
lead reads the provenance: a month the export ends inside of is partial "to" its last day, a
month it starts well inside of is partial "from" its first day, and everything else counts
whole.  Moments may be stored with or without a zone (SQLite gives them back naive, as UTC);
December rolls over into the next year."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from models.rules.months import DataStart, month_start, months_covered, next_month, said

IMPORTED = datetime(2030, 1, 1, tzinfo=UTC)  # long after every month below


def at(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def source(until: str, since: str | None = None, imported: datetime = IMPORTED
           ) -> SimpleNamespace:
    return SimpleNamespace(data_until=at(until), data_from=at(since) if since else None,
                           imported_at=imported)


def reading(month: str, tickets: int = 0, source_id: int = 1, kind: str = "all"
            ) -> SimpleNamespace:
    return SimpleNamespace(source_id=source_id, period=month, group_kind=kind, tickets=tickets)


def covered(readings: list[SimpleNamespace], sources: dict[int, SimpleNamespace]
            ) -> tuple[dict[str, datetime], set[str]]:
    return months_covered(readings, sources)  # type: ignore[arg-type]


def state(month: str, found: tuple[dict[str, datetime], set[str]]) -> str:
    partial, complete = found
    if month in complete:
        return "complete"
    if month in partial:
        return said(month, partial[month])
    return "unknown"


# -- month arithmetic -------------------------------------------------------------------

@pytest.mark.parametrize(("month", "first", "after"), [
    ("2024-01", datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 2, 1, tzinfo=UTC)),
    ("2024-11", datetime(2024, 11, 1, tzinfo=UTC), datetime(2024, 12, 1, tzinfo=UTC)),
    ("2024-12", datetime(2024, 12, 1, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC)),
])
def test_a_month_runs_from_its_first_instant_to_the_next_months(
        month: str, first: datetime, after: datetime) -> None:
    assert month_start(month) == first and month_start(month).tzinfo is UTC
    assert next_month(month) == after and next_month(month).tzinfo is UTC


def test_the_provenance_says_from_or_to_the_day() -> None:
    assert said("2024-12", DataStart(2024, 12, 17, 9, tzinfo=UTC)) == (
        "2024-12 has data only from 2024-12-17")
    assert said("2024-12", at("2024-12-17 09:00")) == "2024-12 has data only to 2024-12-17"


# -- the end of the data ----------------------------------------------------------------

def test_december_is_complete_once_the_data_reaches_january() -> None:
    found = covered([reading("2024-12", 90), reading("2025-01", 10)],
                    {1: source("2025-01-05 10:00", since="2024-12-01 08:00")})
    assert state("2024-12", found) == "complete"
    assert state("2025-01", found) == "2025-01 has data only to 2025-01-05"


def test_december_ending_on_the_tenth_is_partial() -> None:
    found = covered([reading("2024-12", 30)],
                    {1: source("2024-12-10 17:00", since="2024-12-01 08:00")})
    assert state("2024-12", found) == "2024-12 has data only to 2024-12-10"


@pytest.mark.parametrize(("until", "imported", "want"), [
    # the data reaches the first instant of April: March is whole, whenever imported
    # (times written in a zone ahead of UTC can be ahead of the import)
    ("2024-04-01 00:00", "2024-03-31 23:00", "complete"),
    # the last timestamp exactly three days before April, imported on 1 April: quiet days
    ("2024-03-29 00:00", "2024-04-01 00:00", "complete"),
    # a second more than three days short
    ("2024-03-28 23:59:59", "2024-04-02 00:00", "2024-03 has data only to 2024-03-28"),
    # within the last three days, but imported a second before March was over
    ("2024-03-30 12:00", "2024-03-31 23:59:59", "2024-03 has data only to 2024-03-30"),
])
def test_the_quiet_last_days_of_a_month(until: str, imported: str, want: str) -> None:
    found = covered([reading("2024-03", 40)], {1: source(until, imported=at(imported))})
    assert state("2024-03", found) == want


def test_moments_stored_without_a_zone_are_utc() -> None:
    """SQLite gives the stored moments back naive; they mean UTC, like the aware ones."""
    naive = SimpleNamespace(data_until=datetime(2024, 3, 30, 12), data_from=None,
                            imported_at=datetime(2024, 4, 2, 9))
    assert state("2024-03", covered([reading("2024-03", 40)], {1: naive})) == "complete"
    started = SimpleNamespace(data_until=datetime(2024, 5, 2), data_from=datetime(2024, 4, 17, 9),
                              imported_at=datetime(2024, 5, 3))
    found = covered([reading("2024-04", 60), reading("2024-05", 5)], {1: started})
    assert state("2024-04", found) == "2024-04 has data only from 2024-04-17"
    assert found[0]["2024-04"].tzinfo is UTC


def test_a_moment_with_another_zone_is_compared_as_the_instant_it_is() -> None:
    """01:00 on 1 April in Berlin summer time is 23:00 UTC on 31 March: still March."""
    berlin = timezone(timedelta(hours=2))
    src = SimpleNamespace(data_until=datetime(2024, 4, 1, 1, tzinfo=berlin), data_from=None,
                          imported_at=datetime(2024, 4, 1, 1, tzinfo=berlin))
    partial, complete = covered([reading("2024-03", 40)], {1: src})
    assert "2024-03" not in complete
    assert partial["2024-03"] == datetime(2024, 3, 31, 23, tzinfo=UTC)


# -- the start of the data --------------------------------------------------------------

def test_december_starting_on_the_seventeenth_is_partial_from_that_day() -> None:
    found = covered([reading("2024-12", 60), reading("2025-01", 120)],
                    {1: source("2025-02-01 00:00", since="2024-12-17 09:00")})
    assert state("2024-12", found) == "2024-12 has data only from 2024-12-17"
    start = found[0]["2024-12"]
    assert isinstance(start, DataStart)
    assert start == datetime(2024, 12, 17, 9, tzinfo=UTC)
    assert state("2025-01", found) == "complete"


@pytest.mark.parametrize(("since", "tickets", "want"), [
    # exactly three days in: a quiet start, whatever the rate
    ("2024-04-04 00:00", 1000, "complete"),
    # a second later, at 1,000 tickets a month: cut at its start
    ("2024-04-04 00:00:01", 1000, "2024-04 has data only from 2024-04-04"),
    # 6 days missing at 12 tickets in the 24 days left = exactly 3 tickets' worth: cut
    ("2024-04-07 00:00", 12, "2024-04 has data only from 2024-04-07"),
    # 11 tickets in those 24 days = 2.75 tickets' worth: a quiet start
    ("2024-04-07 00:00", 11, "complete"),
])
def test_how_late_a_start_makes_a_partial_month(since: str, tickets: int, want: str) -> None:
    found = covered([reading("2024-04", tickets), reading("2024-05", 300)],
                    {1: source("2024-05-31 23:00", since=since)})
    assert state("2024-04", found) == want


def test_the_rate_is_of_the_days_the_data_covers_in_that_month() -> None:
    """Data from the 5th to the 6th of a month (1.2 days, 1 ticket): four days missing at
    that rate are 3.3 tickets' worth, so the start is cut; the same ticket over two days
    would be only 2 tickets' worth."""
    found = covered([reading("2024-04", 1)],
                    {1: source("2024-04-06 04:48", since="2024-04-05 00:00")})
    assert state("2024-04", found) == "2024-04 has data only from 2024-04-05"
    found = covered([reading("2024-04", 1)],
                    {1: source("2024-04-07 00:00", since="2024-04-05 00:00")})
    assert state("2024-04", found) == "2024-04 has data only to 2024-04-07"


def test_the_rate_is_of_the_whole_import_not_a_group() -> None:
    """The "all" reading counts the month's tickets; a category's reading is a share."""
    readings = [reading("2024-04", 1, kind="category"), reading("2024-04", 60),
                reading("2024-05", 60)]
    found = covered(readings, {1: source("2024-05-31 23:00", since="2024-04-20 00:00")})
    assert state("2024-04", found) == "2024-04 has data only from 2024-04-20"
    alone = covered([reading("2024-04", 1), reading("2024-05", 60)],
                    {1: source("2024-05-31 23:00", since="2024-04-20 00:00")})
    assert state("2024-04", alone) == "complete"


def test_a_month_known_only_by_its_groups_counts_no_tickets_of_its_own() -> None:
    """Without the month's "all" reading there is no rate to judge its start by: the
    month is judged by where its data ends."""
    found = covered([reading("2024-04", 50, kind="category")],
                    {1: source("2024-04-21 00:00", since="2024-04-20 00:00")})
    assert state("2024-04", found) == "2024-04 has data only to 2024-04-21"


def test_a_month_before_the_data_starts_is_not_cut_at_its_start() -> None:
    """Only the month the data starts in can be cut at its start: a month whose stated
    start is already past (a hand-edited backup) is judged by where its data ends."""
    for since in ("2024-05-01 00:00", "2024-05-09 00:00"):
        found = covered([reading("2024-04", 300)], {1: source("2024-06-01 00:00", since)})
        assert state("2024-04", found) == "complete"


def test_each_month_is_judged_by_the_first_import_that_counts_for_it() -> None:
    readings = [reading("2024-03", 40, source_id=2), reading("2024-03", 40, source_id=1),
                reading("2024-04", 40, source_id=1)]
    sources = {1: source("2024-04-10 00:00"), 2: source("2024-03-15 00:00")}
    found = covered(readings, sources)
    assert state("2024-03", found) == "2024-03 has data only to 2024-03-15"
    assert state("2024-04", found) == "2024-04 has data only to 2024-04-10"


def test_a_month_of_an_import_without_an_end_or_source_is_neither() -> None:
    readings = [reading("2024-03", 40, source_id=1), reading("2024-04", 40, source_id=9),
                reading("2024-05", 40, source_id=1)]
    unknown_end = SimpleNamespace(data_until=None, data_from=None, imported_at=IMPORTED)
    found = covered(readings, {1: unknown_end})
    assert found == ({}, set())
