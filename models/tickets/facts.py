"""One CSV row → one ``Fact``: the hot loop of an import, kept flat on purpose.

Speed comes from caching, not from cleverness per cell: the grouping columns and the
low-cardinality answer columns (status, counts, flags, CSAT) are fetched with one
``itemgetter`` each and parsed once per distinct combination; durations in minutes/hours once
per distinct text. Only timestamps are parsed per row, through ``datetime.fromisoformat`` for
ISO columns.

Bad cells are counted per column with the first line they occur on, never raised one by one:
a row whose id or creation date cannot be read is skipped; an unreadable optional cell is left
blank (that ticket simply does not count for that metric). ``engine`` decides when the count
is too high to go on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from models.tickets import dates, values
from models.tickets.cube import NONE_LABEL, Fact, Flags, Key
from models.tickets.mapping import ColumnPlan

_HOUR = 3600.0
_EPOCH = datetime(1970, 1, 1)
_FLAG_FIELDS: tuple[tuple[str, Callable[[str], Any]], ...] = (
    ("status", values.status_state),
    ("reopens", lambda v: _count_or_flag(v)),
    ("replies", values.parse_count),
    ("reassignments", lambda v: _count_or_flag(v)),
    ("assignee_stations", values.parse_count),
    ("fcr", values.parse_bool),
    ("sla_met", values.parse_bool),
    ("csat", values.parse_csat),
)
_CACHE_LIMIT = 50_000
DateParser = Callable[[str], datetime | None]


def _count_or_flag(value: str) -> int | None:
    """A reopen/reassignment cell: a count (``2``) or a yes/no flag (``TRUE`` → 1)."""
    try:
        return values.parse_count(value)
    except ValueError:
        flag = values.parse_bool(value)
        return None if flag is None else int(flag)


def _getter(indexes: Sequence[int]) -> Callable[[list[str]], tuple[str, ...]]:
    if len(indexes) >= 2:
        return itemgetter(*indexes)  # type: ignore[return-value]
    if indexes:
        only = indexes[0]
        return lambda row: (row[only],)
    return lambda row: ()


def _naive_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


class RowReader:
    """Turns rows into facts with the plan's columns and the decided date orders."""

    def __init__(self, plan: ColumnPlan, date_kinds: dict[str, str]) -> None:
        self.plan = plan
        self.bad: dict[str, list[int]] = {}  # column → [count, first line]
        self.skipped = 0
        self.as_of: datetime | None = None
        cols = plan.columns
        self._id = cols["id"]
        self._dims = [cols.get(d) for d in ("category", "channel", "priority", "group")]
        self._dim_get = _getter([i for i in self._dims if i is not None])
        self._dim_cache: dict[tuple[str, ...], tuple[str, str, str, str]] = {}
        present = [(f, p) for f, p in _FLAG_FIELDS if f in cols]
        self._flag_names = [f for f, _ in present]
        self._flag_parsers = [p for _, p in present]
        self._flag_cols = [cols[f] for f, _ in present]
        self._flag_get = _getter(self._flag_cols)
        self._flag_cache: dict[tuple[str, ...], tuple[Flags, Flags, str | None, list[int]]] = {}
        frt = next((f for f in ("first_response_minutes", "first_response_hours") if f in cols),
                   None)
        self._frt_col = None if frt is None else cols[frt]
        self._frt_scale = 60.0 if frt == "first_response_minutes" else 1.0
        self._frt_cache: dict[str, float | None] = {}

        def parser(field: str) -> tuple[int, DateParser] | None:
            if field not in cols:
                return None
            kind = date_kinds.get(plan.headers[cols[field]], "iso")
            return cols[field], dates.PARSERS[kind]

        created = parser("created")
        assert created is not None, "the plan always maps created"
        self._created: tuple[int, DateParser] = created
        self._resolved = parser("resolved")
        self._closed = parser("closed")
        self._updated = parser("updated")
        self._first = parser("first_response_at")

    def _flag(self, index: int, line: int) -> None:
        name = self.plan.headers[index]
        entry = self.bad.get(name)
        if entry is None:
            self.bad[name] = [1, line]
        else:
            entry[0] += 1

    def _date(self, spec: tuple[int, DateParser] | None, row: list[str], line: int
              ) -> datetime | None:
        if spec is None:
            return None
        index, parse = spec
        try:
            moment = parse(row[index])
        except ValueError:
            self._flag(index, line)
            return None
        return None if moment is None else _naive_utc(moment)

    def _dims_of(self, raw: tuple[str, ...]) -> tuple[str, str, str, str]:
        it = iter(raw)
        labels = [NONE_LABEL if i is None else (next(it).strip() or NONE_LABEL)
                  for i in self._dims]
        return labels[0], labels[1], labels[2], labels[3]

    def _flags_of(self, raw: tuple[str, ...]) -> tuple[Flags, Flags, str | None, list[int]]:
        got: dict[str, Any] = {}
        failed: list[int] = []
        for name, parse, col, text in zip(
            self._flag_names, self._flag_parsers, self._flag_cols, raw, strict=True
        ):
            try:
                got[name] = parse(text)
            except ValueError:
                failed.append(col)
        reassigned: bool | None = None
        if got.get("reassignments") is not None:
            reassigned = got["reassignments"] > 0
        if got.get("assignee_stations") is not None:
            reassigned = bool(reassigned) or got["assignee_stations"] > 1
        rest = (got.get("reopens"), reassigned, got.get("replies"), got.get("fcr"),
                got.get("sla_met"), got.get("csat"))
        state = got.get("status")
        return Flags("resolved", *rest), Flags("open", *rest), state, failed

    def read(self, line: int, row: list[str]) -> tuple[str, datetime | None, Fact] | None:
        """(ticket id, updated timestamp, fact), or None when the row is skipped."""
        ticket = row[self._id].strip()
        if not ticket:
            self._flag(self._id, line)
            self.skipped += 1
            return None
        c_index, c_parse = self._created
        try:
            parsed_created = c_parse(row[c_index])
        except ValueError:
            parsed_created = None
        if parsed_created is None:
            self._flag(c_index, line)
            self.skipped += 1
            return None
        created = _naive_utc(parsed_created)
        done = self._date(self._resolved, row, line)
        if done is None:
            done = self._date(self._closed, row, line)
        updated = self._date(self._updated, row, line)
        first = self._date(self._first, row, line)
        latest = created
        for moment in (done, updated, first):
            if moment is not None and moment > latest:
                latest = moment
        if self.as_of is None or latest > self.as_of:
            self.as_of = latest

        raw_dims = self._dim_get(row)
        dims = self._dim_cache.get(raw_dims)
        if dims is None:
            dims = self._dims_of(raw_dims)
            if len(self._dim_cache) < _CACHE_LIMIT:
                self._dim_cache[raw_dims] = dims
        raw_flags = self._flag_get(row)
        parsed = self._flag_cache.get(raw_flags)
        if parsed is None:
            parsed = self._flags_of(raw_flags)
            if len(self._flag_cache) < _CACHE_LIMIT:
                self._flag_cache[raw_flags] = parsed
        if_resolved, if_open, state, failed = parsed
        for col in failed:
            self._flag(col, line)
        if state is None:
            state = "open" if done is None else "resolved"
        if state == "resolved":
            flags = if_resolved
        elif state == "open":
            flags = if_open
        else:
            flags = if_open._replace(state=state)

        ttr = None
        if state == "resolved" and done is not None and done >= created:
            ttr = (done - created).total_seconds() / _HOUR
        frt = self._frt(row, line, created, first)
        key: Key = (f"{created.year:04d}-{created.month:02d}", *dims)
        stamp = (created - _EPOCH).total_seconds() if state == "open" else 0.0
        return ticket, updated, Fact(key, flags, stamp, ttr, frt)

    def _frt(self, row: list[str], line: int, created: datetime, first: datetime | None
             ) -> float | None:
        if first is not None and first >= created:
            return (first - created).total_seconds() / _HOUR
        if self._frt_col is None:
            return None
        text = row[self._frt_col]
        if text in self._frt_cache:
            return self._frt_cache[text]
        try:
            number = values.parse_number(text)
        except ValueError:
            self._flag(self._frt_col, line)
            return None
        hours = None if number is None else number / self._frt_scale
        if len(self._frt_cache) < _CACHE_LIMIT:
            self._frt_cache[text] = hours
        return hours
