"""Per-ticket facts and the accumulators they are summed into.

An import stores each ticket as one code (its cell: period, category, channel, priority,
group; and its ``Flags``: the low-cardinality answers state, reopens, reassigned, replies,
fcr, SLA, CSAT) plus its durations in flat float arrays (medians need them one by one).
A grouping is computed once per key part: one C-level ``Counter`` pass over the codes gives
each (month, value) its counts, and the durations, split by cell and sorted once, are
concatenated per group. Every month and period range of that grouping is then a merge of
months (counts add up; durations concatenate into a few sorted runs that sort in about one
pass), which is what an import's readings ask for, a table per month and per span.
"""

from __future__ import annotations

import struct
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import compress, repeat
from operator import and_, lshift, or_, rshift, sub
from typing import Any, NamedTuple

NONE_LABEL = "(none)"

Key = tuple[str, str, str, str, str]
_EPOCH = datetime(1970, 1, 1)
_SHIFT = 24
_MASK = (1 << _SHIFT) - 1


class Flags(NamedTuple):
    """The counted answers of one ticket."""

    state: str
    reopens: int | None
    reassigned: bool | None
    replies: int | None
    fcr: bool | None
    sla_met: bool | None
    csat: tuple[float | None, bool] | None


def append(target: array[Any], items: Iterable[float]) -> None:
    """``target.extend(items)`` through ``struct``: ``array.extend`` converts each Python
    number with a format parse (measured 4x slower; the stores were ~5 % of an import)."""
    values = items if isinstance(items, list) else list(items)
    target.frombytes(struct.pack(f"{len(values)}{target.typecode}", *values))


class Acc:
    """Counts and durations of one group of tickets (a month's group, or a merge of them)."""

    __slots__ = ("tickets", "tally", "ttr", "frt", "open_created", "ttr_business",
                 "frt_business")

    def __init__(self) -> None:
        self.tickets = 0
        self.tally = Counts()
        # lists, not arrays: a group is built by extending with whole cells, which for lists
        # is a copy of pointers (array.extend from Python floats parses each one)
        self.ttr: list[float] = []
        self.frt: list[float] = []
        self.open_created: list[float] = []
        self.ttr_business: list[float] = []
        self.frt_business: list[float] = []

    def merge(self, other: Acc) -> None:
        """Add another group's counts and durations into this one."""
        self.tickets += other.tickets
        self.tally.merge(other.tally)
        self.ttr.extend(other.ttr)
        self.frt.extend(other.frt)
        self.open_created.extend(other.open_created)
        self.ttr_business.extend(other.ttr_business)
        self.frt_business.extend(other.frt_business)

    def counts(self) -> Counts:
        """The numerators and denominators of the rates."""
        return self.tally


@dataclass
class Counts:
    """Numerators and denominators of one group's rates."""

    resolved: int = 0
    open: int = 0
    reopen_known: int = 0
    reopened: int = 0
    reassign_known: int = 0
    reassigned: int = 0
    fcr_known: int = 0
    fcr_yes: int = 0
    onetouch_known: int = 0
    onetouch_yes: int = 0
    proxy_known: int = 0
    proxy_yes: int = 0
    sla_known: int = 0
    sla_met: int = 0
    csat_answers: int = 0
    csat_scored: int = 0
    csat_satisfied: int = 0
    csat_sum: float = 0.0

    def add(self, f: Flags, n: int) -> None:
        """Count ``n`` tickets whose answers are ``f``."""
        if f.state == "resolved":
            self.resolved += n
            if f.replies is not None:
                self.onetouch_known += n
                self.onetouch_yes += n * (f.replies == 1)
            if f.reopens is not None and f.reassigned is not None:
                self.proxy_known += n
                self.proxy_yes += n * (f.reopens == 0 and not f.reassigned)
        elif f.state == "open":
            self.open += n
        if f.reopens is not None:
            self.reopen_known += n
            self.reopened += n * (f.reopens > 0)
        if f.reassigned is not None:
            self.reassign_known += n
            self.reassigned += n * f.reassigned
        if f.fcr is not None:
            self.fcr_known += n
            self.fcr_yes += n * f.fcr
        if f.sla_met is not None:
            self.sla_known += n
            self.sla_met += n * f.sla_met
        if f.csat is not None:
            score, satisfied = f.csat
            self.csat_answers += n
            self.csat_satisfied += n * satisfied
            if score is not None:
                self.csat_scored += n
                self.csat_sum += n * score

    def merge(self, other: Counts) -> None:
        """Add another group's counts (they are plain sums, so months merge exactly)."""
        for name in _COUNT_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


_COUNT_FIELDS = tuple(Counts.__dataclass_fields__)


class Series:
    """One duration of every ticket that has it, with the cell (key index) it belongs to."""

    __slots__ = ("values", "cells", "_by_cell")

    def __init__(self) -> None:
        self.values: array[float] = array("d")
        self.cells: array[int] = array("q")
        self._by_cell: list[list[float]] | None = None

    def extend(self, cell_ids: list[int], has: list[bool], values: Iterable[float]) -> None:
        """Add the values of the rows flagged in ``has`` (``values`` holds only those)."""
        append(self.values, values)
        append(self.cells, compress(cell_ids, has))
        self._by_cell = None

    def by_cell(self, cells: int) -> list[list[float]]:
        """The values of each of ``cells`` cells, each in ascending order, made once.

        Every grouping is then a concatenation of whole cells (no pass over the tickets per
        grouping), and a group made of a few sorted runs sorts in about one pass for its
        median and p90."""
        if self._by_cell is not None and len(self._by_cell) >= cells:
            return self._by_cell
        parts: list[list[float]] = [[] for _ in range(cells)]
        adders = [p.append for p in parts]
        for value, cell in zip(self.values, self.cells, strict=True):
            adders[cell](value)
        for part in parts:
            part.sort()
        self._by_cell = parts
        return parts


_SERIES = ("ttr", "frt", "open_created", "ttr_business", "frt_business")
# a grouping's accumulators: month → (the month's total, one per group value)
Months = dict[str, tuple[Acc, dict[str, Acc]]]


class Cube:
    """The import's tickets, one 8-byte code each, plus the export's latest timestamp.

    A ticket is stored as (cell key index << 24 | flag tuple index) in an ``array``, its
    durations in three flat ``Series`` (hours to resolution, hours to first response, creation
    of open tickets) tagged with the key index. Nothing is summed per cell at import time:
    real exports have nearly as many (cell, flags) combinations as rows, so per-row Python work
    there cost more than the reading; a table does the grouping with C-level ``map`` and
    ``Counter`` over the codes instead.
    """

    def __init__(self) -> None:
        self.key_table: list[Key] = []
        self.flag_table: list[Flags] = []
        self.codes: array[int] = array("q")
        self.ttr = Series()
        self.frt = Series()
        self.open_created = Series()
        # business-hours durations, only filled when the import had a schedule
        self.ttr_business = Series()
        self.frt_business = Series()
        self.business = False
        self.as_of: float | None = None
        self._months: tuple[int | None, Months] | None = None
        self._periods: list[str] | None = None

    def add_columns(
        self,
        keys: list[int],
        flags: list[int],
        key_table: list[Key],
        flag_table: list[Flags],
        created: list[datetime],
        ttr: tuple[list[bool], list[float]],
        frt: tuple[list[bool], list[float]],
        ttr_business: list[float] | None = None,
        frt_business: list[float] | None = None,
    ) -> None:
        """Add tickets given column-wise (equal lengths); ``keys`` and ``flags`` index
        ``key_table`` and ``flag_table`` (the reader's, which only ever grow); a duration is
        (a flag per ticket: has it, the values of the flagged tickets)."""
        self.key_table = key_table
        self.flag_table = flag_table
        self._months = None
        self._periods = None
        append(self.codes, map(or_, map(lshift, keys, repeat(_SHIFT)), flags))
        self.ttr.extend(keys, *ttr)
        self.frt.extend(keys, *frt)
        if ttr_business is not None and frt_business is not None:
            self.business = True
            self.ttr_business.extend(keys, ttr[0], ttr_business)
            self.frt_business.extend(keys, frt[0], frt_business)
        is_open = [f.state == "open" for f in flag_table]
        still_open = list(map(is_open.__getitem__, flags))
        since = map(sub, compress(created, still_open), repeat(_EPOCH))
        self.open_created.extend(keys, still_open, map(timedelta.total_seconds, since))

    def _by_month(self, index: int | None) -> Months:
        """One accumulator per (month, value of key part ``index``) and per month, from one
        pass over the tickets; kept for the next call with the same ``index`` (an import's
        readings ask for every month and the span of one grouping in a row)."""
        if self._months is not None and self._months[0] == index:
            return self._months[1]
        names: dict[tuple[str, str], int] = {}
        group_of = [names.setdefault((key[0], "" if index is None else key[index]), len(names))
                    for key in self.key_table]
        accs = [Acc() for _ in range(max(len(names), 1))]
        kid = map(rshift, self.codes, repeat(_SHIFT))
        fid = map(and_, self.codes, repeat(_MASK))
        pairs = map(or_, map(lshift, map(group_of.__getitem__, kid), repeat(_SHIFT)), fid)
        flag_table = self.flag_table
        for code, n in Counter(pairs).items():
            acc = accs[code >> _SHIFT]
            acc.tickets += n
            acc.tally.add(flag_table[code & _MASK], n)
        for attr in _SERIES:
            by_cell = getattr(self, attr).by_cell(len(self.key_table))
            for g, part in zip(group_of, by_cell, strict=False):
                if part:
                    getattr(accs[g], attr).extend(part)
        months: Months = {}
        for (month, value), g in names.items():
            total, groups = months.setdefault(month, (Acc(), {}))
            total.merge(accs[g])
            if index is not None:
                groups[value] = accs[g]
        self._months = (index, months)
        return months

    def grouped(self, first: str, last: str, index: int | None) -> tuple[Acc, dict[str, Acc]]:
        """The total of the periods ``first``..``last`` and, when ``index`` names a key part
        (0 period, 1 category, 2 channel, 3 priority, 4 group), one accumulator per value:
        merges of the months' accumulators (counts add up; durations are concatenated)."""
        total = Acc()
        groups: dict[str, Acc] = {}
        for month, (month_total, month_groups) in sorted(self._by_month(index).items()):
            if not first <= month <= last:
                continue
            total.merge(month_total)
            for value, acc in month_groups.items():
                mine = groups.get(value)
                if mine is None:
                    mine = groups[value] = Acc()
                mine.merge(acc)
        return total, groups

    @property
    def tickets(self) -> int:
        return len(self.codes)

    def periods(self) -> list[str]:
        """The months that have tickets, in order."""
        if self._periods is None:
            used = set(map(rshift, self.codes, repeat(_SHIFT)))
            self._periods = sorted({self.key_table[k][0] for k in used})
        return self._periods
