"""Which months of the ticket readings are complete: an export taken on 10 April holds ten
days of April, and ten days are not a month's volume, resolution time or signal.

Each import keeps the export's latest timestamp (``TicketSource.data_until``). A month is
complete when the export that counts for it reaches into a later month, or ends in the
month's last days and was imported after the month was over (a quiet last day or two has no
timestamps to show for it); otherwise it is partial. A month of an import that did not
record where its data ends is in neither set, and is used as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables import Reading, TicketSource

QUIET_END = dt.timedelta(days=3)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def next_month(month: str) -> dt.datetime:
    """The first instant (UTC) after the ``YYYY-MM`` month."""
    year, number = int(month[:4]), int(month[5:7])
    return dt.datetime(year + number // 12, number % 12 + 1, 1, tzinfo=dt.UTC)


def months_covered(readings: Iterable[Reading], sources: Mapping[int, TicketSource]
                   ) -> tuple[dict[str, dt.datetime], set[str]]:
    """(partial months with the moment their data ends, months known to be complete), for
    the readings that count for each month (one import per month)."""
    partial: dict[str, dt.datetime] = {}
    complete: set[str] = set()
    for r in readings:
        src = sources.get(r.source_id)
        until = getattr(src, "data_until", None)
        if src is None or until is None or r.period in partial or r.period in complete:
            continue
        until, end = _utc(until), next_month(r.period)
        if until >= end or (until >= end - QUIET_END and _utc(src.imported_at) >= end):
            complete.add(r.period)
        else:
            partial[r.period] = until
    return partial, complete
