"""One CSV row → one ``Fact``: the hot loop of an import, kept flat on purpose.

Bad cells are counted per column with the first line they occur on, never raised one by one:
a row whose id or creation date cannot be read is skipped; an unreadable optional cell is left
blank (that ticket simply does not count for that metric). ``engine`` decides when the count
is too high to go on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from models.tickets import dates, values
from models.tickets.cube import NONE_LABEL, Fact
from models.tickets.mapping import ColumnPlan

_HOUR = 3600.0
_VALUE_PARSERS: dict[str, Callable[[str], Any]] = {
    "count": values.parse_count,
    "bool": values.parse_bool,
    "number": values.parse_number,
    "csat": values.parse_csat,
    "status": values.status_state,
}


def _count_or_flag(value: str) -> int | None:
    """A reopen/reassignment cell: a count (``2``) or a yes/no flag (``TRUE`` → 1)."""
    try:
        return values.parse_count(value)
    except ValueError:
        flag = values.parse_bool(value)
        return None if flag is None else int(flag)


class RowReader:
    """Turns rows into facts with the plan's columns and the decided date orders."""

    def __init__(self, plan: ColumnPlan, date_kinds: dict[str, str]) -> None:
        self.plan = plan
        self.bad: dict[str, list[int]] = {}  # column → [count, first line]
        self.skipped = 0
        self.as_of: float | None = None
        self._periods: dict[int, str] = {}
        self._labels: dict[str, str] = {}
        cols = plan.columns
        self._fields: list[tuple[str, int, Callable[[str], Any]]] = []
        for field, kind in (
            ("status", "status"), ("reopens", "count"), ("replies", "count"),
            ("reassignments", "count"), ("assignee_stations", "count"), ("fcr", "bool"),
            ("sla_met", "bool"), ("csat", "csat"), ("first_response_minutes", "number"),
            ("first_response_hours", "number"),
        ):
            if field in cols:
                parser = _VALUE_PARSERS[kind]
                if field in ("reopens", "reassignments"):
                    parser = _count_or_flag
                self._fields.append((field, cols[field], parser))
        self._dates: list[tuple[str, int, Callable[[str], datetime | None]]] = [
            (f, cols[f], dates.PARSERS[date_kinds.get(plan.headers[cols[f]], "iso")])
            for f in ("created", "resolved", "closed", "updated", "first_response_at")
            if f in cols
        ]
        self._id = cols["id"]
        self._dims = [cols.get(d) for d in ("category", "channel", "priority", "group")]

    def _flag(self, index: int, line: int) -> None:
        name = self.plan.headers[index]
        entry = self.bad.get(name)
        if entry is None:
            self.bad[name] = [1, line]
        else:
            entry[0] += 1

    def _label(self, raw: str) -> str:
        text = raw.strip() or NONE_LABEL
        return self._labels.setdefault(text, text)

    def read(self, line: int, row: list[str]) -> tuple[str, float | None, Fact] | None:
        """(ticket id, updated epoch, fact), or None when the row is skipped."""
        ticket = row[self._id].strip()
        if not ticket:
            self._flag(self._id, line)
            self.skipped += 1
            return None
        stamps: dict[str, float] = {}
        created_dt: datetime | None = None
        for field, index, parse in self._dates:
            try:
                moment = parse(row[index])
            except ValueError:
                self._flag(index, line)
                moment = None
                if field == "created":
                    continue
            if moment is None:
                if field == "created":
                    self._flag(index, line)
                continue
            if field == "created":
                created_dt = moment
            stamps[field] = dates.to_epoch(moment)
        if created_dt is None:
            self.skipped += 1
            return None
        latest = max(stamps.values())
        if self.as_of is None or latest > self.as_of:
            self.as_of = latest
        got: dict[str, Any] = {}
        for field, index, parse in self._fields:
            try:
                got[field] = parse(row[index])
            except ValueError:
                self._flag(index, line)
        return ticket, stamps.get("updated"), self._fact(created_dt, stamps, got, row)

    def _fact(
        self, created_dt: datetime, stamps: dict[str, float], got: dict[str, Any], row: list[str]
    ) -> Fact:
        ym = created_dt.year * 100 + created_dt.month
        period = self._periods.get(ym)
        if period is None:
            period = self._periods[ym] = f"{created_dt.year:04d}-{created_dt.month:02d}"
        dims = [NONE_LABEL if i is None else self._label(row[i]) for i in self._dims]
        key = (period, dims[0], dims[1], dims[2], dims[3])
        created = stamps["created"]
        done = stamps.get("resolved", stamps.get("closed"))
        state = got.get("status")
        if state is None:
            state = "open" if done is None else "resolved"
        ttr = None
        if state == "resolved" and done is not None and done >= created:
            ttr = (done - created) / _HOUR
        frt = None
        if "first_response_at" in stamps and stamps["first_response_at"] >= created:
            frt = (stamps["first_response_at"] - created) / _HOUR
        elif got.get("first_response_minutes") is not None:
            frt = got["first_response_minutes"] / 60.0
        elif got.get("first_response_hours") is not None:
            frt = got["first_response_hours"]
        reassigned: bool | None = None
        if got.get("reassignments") is not None:
            reassigned = got["reassignments"] > 0
        if got.get("assignee_stations") is not None:
            reassigned = bool(reassigned) or got["assignee_stations"] > 1
        return Fact(
            key, created, state, ttr, frt, got.get("reopens"), reassigned,
            got.get("replies"), got.get("fcr"), got.get("sla_met"), got.get("csat"),
        )
