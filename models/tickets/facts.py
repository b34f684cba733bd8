"""CSV rows → facts, a chunk of rows at a time: the hot loop of an import.

Per-row Python work is what makes an import slow, so a chunk is transposed into columns
(``zip(*rows)``, C speed) and each column is handled in bulk: ISO timestamps through
``map(datetime.fromisoformat, ...)``; the grouping columns and the low-cardinality answer
columns (status, counts, flags, CSAT) through a dict whose ``__missing__`` parses each
distinct combination once. The per-row fallbacks (bad cells, placeholders, other date
shapes) are only taken by the chunks that need them.

Bad cells are counted per column with the first line they occur on, never raised one by one:
a row whose id or creation date cannot be read is skipped; an unreadable optional cell is left
blank (that ticket simply does not count for that metric). ``engine`` decides when the count
is too high to go on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import compress, repeat
from operator import add, and_, ge, getitem, is_not, itemgetter, mul, sub, truediv
from typing import Any

from models.tickets import dates, values
from models.tickets.answers import ANSWER_FIELDS, flags_of
from models.tickets.cube import NONE_LABEL, Flags, Key
from models.tickets.hours import BusinessClock, epochs
from models.tickets.mapping import ColumnPlan

_fromiso = datetime.fromisoformat
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_YEAR_MONTH = slice(0, 7)
DateParser = Callable[[str], datetime | None]
# A missing timestamp inside a parsed column: earlier than any real one, so ``d >= created``
# is False for it and C-level comparisons need no None checks. Exports' own "no date"
# sentinels (1900-01-01, 0001-01-01) are before ``REAL`` too, hence missing as well.
NEVER = datetime(1, 1, 1)
REAL = datetime(dates.SENTINEL_BEFORE, 1, 1)
_BLANK_AS_NEVER = {"": "0001-01-01"}
# (a flag per row: has the duration, the durations of the flagged rows in hours)
Durations = tuple[list[bool], list[float]]


def _hours(ends: Iterable[datetime], starts: Iterable[datetime]) -> list[float]:
    """Hours from each start to its end, without a Python loop."""
    spans = map(timedelta.total_seconds, map(sub, ends, starts))
    return list(map(truediv, spans, repeat(3600.0)))


def aligned(durations: Durations) -> list[float | None]:
    """One duration or None per row (the event log keeps tickets one by one)."""
    flags, values = durations
    it = iter(values)
    return [next(it) if flag else None for flag in flags]


def _naive_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


def _coded(parse: Callable[[str], Any], codes: dict[str, str]) -> Callable[[str], Any]:
    """The status parser reading an export's raw codes (ServiceNow ``6``) as their words."""
    if not codes:
        return parse
    return lambda text: parse(codes.get(text.strip(), text))


class _Parsed(dict[Any, Any]):
    """A memo: missing keys are parsed once by ``fn`` and kept."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.fn(key)
        return value


class _Columns:
    """The columns of a block that a metric uses, each taken once and only when asked
    (transposing the whole block cost more than reading it)."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.rows = rows
        self._taken: dict[int, list[str]] = {}

    def __getitem__(self, index: int) -> list[str]:
        column = self._taken.get(index)
        if column is None:
            column = self._taken[index] = list(map(itemgetter(index), self.rows))
        return column

    def tuples(self, indices: Sequence[int]) -> Iterable[tuple[str, ...]]:
        """The cells of ``indices`` of each row, as one tuple per row."""
        if len(indices) > 1:
            return map(itemgetter(*indices), self.rows)
        if indices:
            return zip(self[indices[0]])
        return repeat((), len(self.rows))


@dataclass
class Chunk:
    """The kept rows of one chunk, column by column (equal lengths)."""

    lines: Sequence[int]  # record numbers (reading.physical_lines turns them into lines)
    ids: list[str]
    keys: list[int]  # index into RowReader.key_table
    flags: list[int]  # index into RowReader.flag_table
    created: list[datetime]
    ttr: Durations
    frt: Durations
    updated: list[datetime | None]
    # business hours of the rows that have ttr / frt, when a schedule is set
    ttr_business: list[float] | None = None
    frt_business: list[float] | None = None


class RowReader:
    """Turns chunks of rows into facts with the plan's columns and the decided date orders."""

    def __init__(self, plan: ColumnPlan, date_kinds: dict[str, str],
                 clock: BusinessClock | None = None) -> None:
        self.plan = plan
        self._clock = clock
        self.bad: dict[str, list[int]] = {}  # column → [count, first record number]
        self.skipped = 0
        self.blank = 0  # rows of empty cells only (spreadsheets pad exports with them)
        self.as_of: datetime | None = None
        cols = plan.columns
        self._id = cols["id"]
        self._kinds = {f: date_kinds.get(plan.headers[cols[f]], "iso") for f in cols
                       if f in ("created", "resolved", "closed", "updated", "first_response_at")}
        self._dims = [cols.get(d) for d in ("category", "channel", "priority", "group")]
        # Distinct cell keys and flag tuples, numbered: rows carry small ints, which the
        # cube counts far faster than tuples (a tuple's hash is recomputed at every use).
        self.key_table: list[Key] = []
        self.flag_table: list[Flags] = []
        self._flag_failed: dict[int, list[int]] = {}
        self._resolved: list[bool] = []
        self._keys = _Parsed(self._key_code)
        self._answers = [(f, _coded(p, plan.status_codes) if f == "status" else p, cols[f])
                         for f, p in ANSWER_FIELDS if f in cols]
        self._flag_cols = [col for _, _, col in self._answers]
        self._flags = _Parsed(self._flag_code)
        frt = next((f for f in ("first_response_minutes", "first_response_hours") if f in cols),
                   None)
        self._frt_col = None if frt is None else cols[frt]
        self._frt_scale = 60.0 if frt == "first_response_minutes" else 1.0
        self._frt_numbers = _Parsed(self._frt_of)

    def _flag(self, index: int, line: int) -> None:
        name = self.plan.headers[index]
        entry = self.bad.get(name)
        if entry is None:
            self.bad[name] = [1, line]
        else:
            entry[0] += 1

    def _key_of(self, raw: tuple[str, tuple[str, ...]]) -> Key:
        period, rest = raw
        it = iter(rest)
        labels = [NONE_LABEL if i is None else (next(it).strip() or NONE_LABEL)
                  for i in self._dims]
        return period, labels[0], labels[1], labels[2], labels[3]

    def _key_code(self, raw: tuple[str, tuple[str, ...]]) -> int:
        self.key_table.append(self._key_of(raw))
        return len(self.key_table) - 1

    def _flag_code(self, raw: tuple[tuple[str, ...], bool]) -> int:
        texts, done_known = raw
        flags, failed = flags_of(self._answers, texts, done_known)
        self.flag_table.append(flags)
        self._resolved.append(flags.state == "resolved")
        code = len(self.flag_table) - 1
        if failed:
            self._flag_failed[code] = failed
        return code

    def _frt_of(self, text: str) -> float | None:
        number = values.parse_number(text)
        return None if number is None else number / self._frt_scale

    def _dates(self, field: str, column: Sequence[str], lines: Sequence[int],
               flag_missing: bool = False) -> list[datetime] | None:
        """One date column parsed, missing cells as ``NEVER`` (so the column stays a list of
        datetimes that C-level ``map``/``compress`` can compare); bad cells flagged,
        placeholders and sentinels missing (and flagged too when ``flag_missing``: a ticket
        needs its creation date). ISO text takes one C-level pass; the per-cell parser
        only runs for the columns that need it."""
        kind = self._kinds.get(field)
        if kind is None:
            return None
        if kind == "iso":
            try:
                filled = map(_BLANK_AS_NEVER.get, column, column) if "" in column else column
                fast = list(map(_fromiso, filled))
                lo = min(fast, default=None)  # TypeError when naive and aware are mixed
                if lo is None or (lo.tzinfo is None and max(fast).tzinfo is None
                                  and not (flag_missing and lo < REAL)):
                    return fast
            except (ValueError, TypeError):
                pass
        parse = dates.PARSERS[kind]
        index = self.plan.columns[field]
        out: list[datetime] = []
        for value, line in zip(column, lines, strict=True):
            try:
                moment = parse(value)
            except ValueError:
                self._flag(index, line)
                out.append(NEVER)
                continue
            if moment is None:
                if flag_missing:
                    self._flag(index, line)
                out.append(NEVER)
            else:
                out.append(_naive_utc(moment))
        return out

    def read_chunk(self, lines: Sequence[int], rows: list[list[str]]) -> Chunk:
        """The facts of ``rows`` (``lines``: their record numbers); skipped rows counted."""
        cols = _Columns(rows)
        ids = list(map(str.strip, cols[self._id]))
        created = self._dates("created", cols[self.plan.columns["created"]], lines, True)
        assert created is not None, "the plan always maps created"
        if "" in ids or min(created, default=REAL) < REAL:
            keep = [i for i, (t, c) in enumerate(zip(ids, created, strict=True))
                    if t and c >= REAL]
            blank = 0
            for i, t in enumerate(ids):
                if not t and not any(rows[i]):
                    blank += 1
                elif not t:
                    self._flag(self._id, lines[i])
            self.blank += blank
            self.skipped += len(ids) - len(keep) - blank
            cols = _Columns([rows[i] for i in keep])
            ids = [ids[i] for i in keep]
            created = [created[i] for i in keep]
            lines = [lines[i] for i in keep]
        return self._facts(lines, cols, ids, created)

    def _facts(self, lines: Sequence[int], cols: _Columns, ids: list[str],
               created: list[datetime]) -> Chunk:
        cmap = self.plan.columns
        n = len(ids)
        never = [NEVER] * n

        def column(field: str) -> list[datetime] | None:
            return None if field not in cmap else self._dates(field, cols[cmap[field]], lines)

        done = column("resolved")
        closed = column("closed")
        if done is None:
            done = closed or never
        elif closed is not None and min(done, default=REAL) < REAL:
            done = [d if d >= REAL else c for d, c in zip(done, closed, strict=True)]
        updated: list[datetime | None]
        if self.plan.event_log:
            updated = [d if d >= REAL else None for d in column("updated") or never]
        else:
            updated = [None] * n
            top_updated = self._latest_only("updated", cols, lines)
            if top_updated is not None:
                self._bump(top_updated)
        first = column("first_response_at")
        for extra in (created, done, first or ()):
            top = max(extra, default=NEVER)
            if top >= REAL:
                self._bump(top)

        periods = self._periods(cols[cmap["created"]], created)
        dims = cols.tuples([i for i in self._dims if i is not None])
        keys = list(map(self._keys.__getitem__, zip(periods, dims, strict=True)))
        done_known = map(ge, done, repeat(REAL))
        raw_flags = zip(cols.tuples(self._flag_cols), done_known, strict=True)
        flags = list(map(self._flags.__getitem__, raw_flags))
        if self._flag_failed:
            for code, line in zip(flags, lines, strict=True):
                for col in self._flag_failed.get(code, ()):
                    self._flag(col, line)
        # Resolved, with a resolution at or after the creation (a missing one is NEVER).
        solved = list(map(and_, map(self._resolved.__getitem__, flags),
                          map(ge, done, created)))
        ttr = (solved, _hours(compress(done, solved), compress(created, solved)))
        frt: Durations
        if first is not None:
            answered = list(map(ge, first, created))
            frt = (answered, _hours(compress(first, answered), compress(created, answered)))
        else:
            frt = ([False] * n, [])
        if self._frt_col is not None and not all(frt[0]):
            texts = cols[self._frt_col]
            try:
                numbers = list(map(self._frt_numbers.__getitem__, texts))
            except ValueError:
                numbers = [self._number(text, line)
                           for text, line in zip(texts, lines, strict=True)]
            if first is not None:
                numbers = [f if f is not None else m
                           for f, m in zip(aligned(frt), numbers, strict=True)]
            known = list(map(is_not, numbers, repeat(None)))
            frt = (known, list(compress(numbers, known)))  # type: ignore[arg-type]
        chunk = Chunk(lines, ids, keys, flags, created, ttr, frt, updated)
        if self._clock is not None:
            self._business(chunk, done)
        return chunk

    def _business(self, chunk: Chunk, done: list[datetime]) -> None:
        """Business hours of the same durations: resolution from the two timestamps, first
        response up to the moment it was given (creation + its calendar hours, which is the
        exported first-response timestamp itself when there is one). The creations' worked
        seconds are counted once for both."""
        clock = self._clock
        assert clock is not None
        created = epochs(chunk.created)
        at_created = clock.worked_all(created)
        solved, _ = chunk.ttr
        at_done = clock.worked_all(epochs(compress(done, solved)))
        chunk.ttr_business = clock.spans(compress(at_created, solved), at_done)
        answered, hours = chunk.frt
        replies = map(add, compress(created, answered), map(mul, hours, repeat(3600.0)))
        chunk.frt_business = clock.spans(compress(at_created, answered),
                                         clock.worked_all(list(replies)))

    def _bump(self, moment: datetime) -> None:
        if self.as_of is None or moment > self.as_of:
            self.as_of = moment

    def _latest_only(self, field: str, cols: _Columns, lines: Sequence[int]
                     ) -> datetime | None:
        """The latest value of a column only needed for the export's latest timestamp: for ISO
        text the greatest string is the latest moment, so one value is parsed, not all."""
        cmap = self.plan.columns
        if field not in cmap:
            return None
        column = cols[cmap[field]]
        if self._kinds.get(field) == "iso":
            try:
                top = max(column, default="")
                return None if not top else _naive_utc(_fromiso(top))
            except ValueError:
                pass
        top_parsed = max(self._dates(field, column, lines) or (), default=NEVER)
        return top_parsed if top_parsed >= REAL else None

    def _periods(self, raw: Sequence[str], created: list[datetime]) -> list[str]:
        """YYYY-MM of each creation: sliced from ISO text (as written), else from the date."""
        if self._kinds.get("created") == "iso":
            periods: list[str] = list(map(getitem, raw, repeat(_YEAR_MONTH)))
            if all(_MONTH.match(p) for p in set(periods)):
                return periods
        return [f"{c.year:04d}-{c.month:02d}" for c in created]

    def _number(self, text: str, line: int) -> float | None:
        try:
            number: float | None = self._frt_numbers[text]
        except ValueError:
            assert self._frt_col is not None
            self._flag(self._frt_col, line)
            return None
        return number
