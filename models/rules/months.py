"""Which months of the ticket readings are complete: an export taken on 10 April holds ten
days of April, and ten days are not a month's volume, resolution time or signal. The same
goes for the other end: an export that starts on 17 January holds half of January.

Each import keeps the export's earliest and latest timestamps (``TicketSource.data_from``,
``data_until``). A month is complete when the export that counts for it reaches into a later
month, or ends in the month's last days and was imported after the month was over (a quiet
last day or two has no timestamps to show for it); otherwise it is partial. The month the
export starts in is partial when its data starts more than three days in *and* the days
before would, at that month's own rate, have held at least three tickets: a few late
tickets in a quiet month, or a holiday on the 1st, are not a missing start. A month of an
import that did not record where its data ends is in neither set, and is used as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.tickets import Reading, TicketSource

QUIET_END = dt.timedelta(days=3)
QUIET_START = dt.timedelta(days=3)
# Tickets the days before an export's first timestamp would have held, at the month's rate,
# for that month to count as cut at its start.
MISSED = 3.0


class DataStart(dt.datetime):
    """Where an export's data starts, inside the month it makes partial (a partial month is
    otherwise known by where its data ends)."""


def said(month: str, moment: dt.datetime) -> str:
    """"2024-01 has data only from 2024-01-17" or "2024-03 has data only to 2024-03-02"."""
    side = "from" if isinstance(moment, DataStart) else "to"
    return f"{month} has data only {side} {moment:%Y-%m-%d}"


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def month_start(month: str) -> dt.datetime:
    """The first instant (UTC) of the ``YYYY-MM`` month."""
    return dt.datetime(int(month[:4]), int(month[5:]), 1, tzinfo=dt.UTC)


def next_month(month: str) -> dt.datetime:
    """The first instant (UTC) after the ``YYYY-MM`` month."""
    year, number = int(month[:4]), int(month[5:])
    return dt.datetime(year + number // 12, number % 12 + 1, 1, tzinfo=dt.UTC)


def started_late(month: str, since: dt.datetime, until: dt.datetime, tickets: int) -> bool:
    """Whether data starting at ``since`` leaves out the start of ``month``: more than
    ``QUIET_START`` in, and at least ``MISSED`` tickets' worth of days at the month's rate."""
    start, end = month_start(month), min(next_month(month), until)
    gap, span = since - start, end - since
    if gap <= QUIET_START or since >= next_month(month):  # a start before the month: gap < 0
        return False
    per_day = tickets / max(span / dt.timedelta(days=1), 1.0)
    return gap / dt.timedelta(days=1) * per_day >= MISSED


def _month_totals(readings: Iterable[Reading]) -> dict[tuple[int, str], int]:
    """Tickets of each (import, month) from its "all" reading."""
    return {(r.source_id, r.period): r.tickets for r in readings if r.group_kind == "all"}


def months_covered(readings: Iterable[Reading], sources: Mapping[int, TicketSource]
                   ) -> tuple[dict[str, dt.datetime], set[str]]:
    """(partial months with the moment their data ends, or starts as a ``DataStart``;
    months known to be complete), for the readings that count for each month (one import
    per month)."""
    readings = list(readings)
    totals = _month_totals(readings)
    partial: dict[str, dt.datetime] = {}
    complete: set[str] = set()
    for r in readings:
        src = sources.get(r.source_id)
        if src is None or src.data_until is None or r.period in partial or r.period in complete:
            continue
        until, end = _utc(src.data_until), next_month(r.period)
        since = src.data_from
        tickets = totals.get((r.source_id, r.period), 0)
        if since is not None and started_late(r.period, _utc(since), until, tickets):
            since = _utc(since)
            partial[r.period] = DataStart.combine(since.date(), since.timetz())
        elif until >= end or (until >= end - QUIET_END and _utc(src.imported_at) >= end):
            complete.add(r.period)
        else:
            partial[r.period] = until
    return partial, complete
