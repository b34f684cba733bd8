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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import repeat
from operator import is_not
from typing import Any

from models.tickets import dates, values
from models.tickets.answers import ANSWER_FIELDS, flags_of
from models.tickets.cube import NONE_LABEL, Flags, Key
from models.tickets.mapping import ColumnPlan

_fromiso = datetime.fromisoformat
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
DateParser = Callable[[str], datetime | None]


def _naive_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is None else moment.astimezone(UTC).replace(tzinfo=None)


class _Parsed(dict[Any, Any]):
    """A memo: missing keys are parsed once by ``fn`` and kept."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.fn(key)
        return value


@dataclass
class Chunk:
    """The kept rows of one chunk, column by column (equal lengths)."""

    lines: Sequence[int]  # record numbers (reading.physical_lines turns them into lines)
    ids: list[str]
    keys: list[int]  # index into RowReader.key_table
    flags: list[int]  # index into RowReader.flag_table
    created: list[datetime]
    ttr: list[float | None]
    frt: list[float | None]
    updated: list[datetime | None]


class RowReader:
    """Turns chunks of rows into facts with the plan's columns and the decided date orders."""

    def __init__(self, plan: ColumnPlan, date_kinds: dict[str, str]) -> None:
        self.plan = plan
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
        self._answers = [(f, p, cols[f]) for f, p in ANSWER_FIELDS if f in cols]
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

    def _key_of(self, raw: tuple[str, ...]) -> Key:
        period, *rest = raw
        it = iter(rest)
        labels = [NONE_LABEL if i is None else (next(it).strip() or NONE_LABEL)
                  for i in self._dims]
        return period, labels[0], labels[1], labels[2], labels[3]

    def _key_code(self, raw: tuple[str, ...]) -> int:
        self.key_table.append(self._key_of(raw))
        return len(self.key_table) - 1

    def _flag_code(self, raw: tuple[Any, ...]) -> int:
        *texts, done_known = raw
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
               flag_missing: bool = False) -> list[datetime | None] | None:
        """One date column parsed; bad cells flagged, placeholders and sentinels None
        (and flagged too when ``flag_missing``: a ticket needs its creation date)."""
        kind = self._kinds.get(field)
        if kind is None:
            return None
        if kind == "iso":
            try:
                fast: list[datetime | None]
                try:
                    fast = list(map(_fromiso, column))  # all filled: no Python per cell
                except ValueError:
                    fast = [_fromiso(v) if v else None for v in column]
                present = [d for d in fast if d is not None]
                clean = not present or (min(present).year >= 1901
                                        and present[0].tzinfo is None
                                        and present[-1].tzinfo is None)
                if clean and not (flag_missing and None in fast):
                    return fast
            except (ValueError, TypeError):
                pass
        parse = dates.PARSERS[kind]
        index = self.plan.columns[field]
        out: list[datetime | None] = []
        for value, line in zip(column, lines, strict=True):
            try:
                moment = parse(value)
            except ValueError:
                self._flag(index, line)
                out.append(None)
                continue
            if moment is None and flag_missing:
                self._flag(index, line)
            out.append(None if moment is None else _naive_utc(moment))
        return out

    def read_chunk(self, lines: Sequence[int], rows: list[list[str]]) -> Chunk:
        """The facts of ``rows`` (``lines``: their record numbers); skipped rows counted."""
        cols: list[Sequence[str]] = list(zip(*rows, strict=True))
        ids = list(map(str.strip, cols[self._id]))
        created = self._dates("created", cols[self.plan.columns["created"]], lines, True)
        assert created is not None, "the plan always maps created"
        if "" in ids or None in created:
            keep = [i for i, (t, c) in enumerate(zip(ids, created, strict=True))
                    if t and c is not None]
            blank = 0
            for i, t in enumerate(ids):
                if not t and not any(rows[i]):
                    blank += 1
                elif not t:
                    self._flag(self._id, lines[i])
            self.blank += blank
            self.skipped += len(ids) - len(keep) - blank
            cols = [[col[i] for i in keep] for col in cols]
            ids = [ids[i] for i in keep]
            created = [created[i] for i in keep]
            lines = [lines[i] for i in keep]
        born: list[datetime] = [c for c in created if c is not None]
        return self._facts(lines, cols, ids, born)

    def _facts(self, lines: Sequence[int], cols: list[Sequence[str]], ids: list[str],
               created: list[datetime]) -> Chunk:
        cmap = self.plan.columns
        n = len(ids)
        none: list[datetime | None] = [None] * n

        def column(field: str) -> list[datetime | None] | None:
            return None if field not in cmap else self._dates(field, cols[cmap[field]], lines)

        done = column("resolved")
        closed = column("closed")
        if done is None:
            done = closed or none
        elif closed is not None and None in done:
            done = [d if d is not None else c for d, c in zip(done, closed, strict=True)]
        if self.plan.event_log:
            updated = column("updated") or none
        else:
            updated = none
            top_updated = self._latest_only("updated", cols, lines)
            if top_updated is not None:
                self._bump(top_updated)
        first = column("first_response_at")
        latest = max(created, default=None)
        for extra in (done, updated, first):
            top = max(filter(None, extra or ()), default=None)
            if top is not None and (latest is None or top > latest):
                latest = top
        if latest is not None:
            self._bump(latest)

        periods = self._periods(cols[cmap["created"]], created)
        dims = [cols[i] for i in self._dims if i is not None]
        keys = list(map(self._keys.__getitem__, zip(periods, *dims, strict=True)))
        raw_flags = zip(*(cols[i] for i in self._flag_cols), map(is_not, done, repeat(None)),
                        strict=True)
        flags = list(map(self._flags.__getitem__, raw_flags))
        if self._flag_failed:
            for code, line in zip(flags, lines, strict=True):
                for col in self._flag_failed.get(code, ()):
                    self._flag(col, line)
        resolved = map(self._resolved.__getitem__, flags)
        ttr = [(d - c).total_seconds() / 3600.0 if r and d is not None and d >= c else None
               for c, d, r in zip(created, done, resolved, strict=True)]
        frt: list[float | None]
        if first is not None:
            frt = [(r - c).total_seconds() / 3600.0 if r is not None and r >= c else None
                   for c, r in zip(created, first, strict=True)]
        else:
            frt = [None] * n
        if self._frt_col is not None and None in frt:
            texts = cols[self._frt_col]
            try:
                numbers = list(map(self._frt_numbers.__getitem__, texts))
            except ValueError:
                numbers = [self._number(text, line)
                           for text, line in zip(texts, lines, strict=True)]
            frt = numbers if first is None else [
                f if f is not None else m for f, m in zip(frt, numbers, strict=True)
            ]
        return Chunk(lines, ids, keys, flags, created, ttr, frt, updated)

    def _bump(self, moment: datetime) -> None:
        if self.as_of is None or moment > self.as_of:
            self.as_of = moment

    def _latest_only(self, field: str, cols: list[Sequence[str]], lines: Sequence[int]
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
        parsed = self._dates(field, column, lines)
        return max(filter(None, parsed or ()), default=None)

    def _periods(self, raw: Sequence[str], created: list[datetime]) -> list[str]:
        """YYYY-MM of each creation: sliced from ISO text (as written), else from the date."""
        if self._kinds.get("created") == "iso":
            periods = [v[:7] for v in raw]
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
