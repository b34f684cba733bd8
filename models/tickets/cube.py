"""Per-ticket facts and the accumulators they are summed into.

What a ticket contributes, already parsed, is summed at once into one
``Acc`` per combination of (period, category, channel, priority, group), the "cube": one dict
lookup per ticket whatever the later ``--by``, and any grouping or period filter is a merge of
cells. Within a cell, the low-cardinality answers of a ticket (state, reopens, reassigned,
replies, fcr, SLA, CSAT) are counted as one ``Flags`` tuple, so a row costs one counter bump
instead of a dozen; only durations are kept one by one, as float arrays (medians need them).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import compress, repeat
from operator import and_, lshift, or_, rshift, sub
from typing import NamedTuple

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


class Acc:
    """Flag counts and durations of one cube cell (or of a merge of cells)."""

    __slots__ = ("tickets", "flags", "ttr", "frt", "open_created", "ttr_business",
                 "frt_business")

    def __init__(self) -> None:
        self.tickets = 0
        self.flags: dict[Flags, int] = {}
        self.ttr: array[float] = array("d")
        self.frt: array[float] = array("d")
        self.open_created: array[float] = array("d")
        self.ttr_business: array[float] = array("d")
        self.frt_business: array[float] = array("d")

    def merge(self, other: Acc) -> None:
        """Add another cell's counts and durations into this one."""
        self.tickets += other.tickets
        for flags, n in other.flags.items():
            self.flags[flags] = self.flags.get(flags, 0) + n
        self.ttr.extend(other.ttr)
        self.frt.extend(other.frt)
        self.open_created.extend(other.open_created)
        self.ttr_business.extend(other.ttr_business)
        self.frt_business.extend(other.frt_business)

    def counts(self) -> Counts:
        """The flag counts summed into the numerators and denominators of the rates."""
        c = Counts()
        for f, n in self.flags.items():
            if f.state == "resolved":
                c.resolved += n
                if f.replies is not None:
                    c.onetouch_known += n
                    c.onetouch_yes += n * (f.replies == 1)
                if f.reopens is not None and f.reassigned is not None:
                    c.proxy_known += n
                    c.proxy_yes += n * (f.reopens == 0 and not f.reassigned)
            elif f.state == "open":
                c.open += n
            if f.reopens is not None:
                c.reopen_known += n
                c.reopened += n * (f.reopens > 0)
            if f.reassigned is not None:
                c.reassign_known += n
                c.reassigned += n * f.reassigned
            if f.fcr is not None:
                c.fcr_known += n
                c.fcr_yes += n * f.fcr
            if f.sla_met is not None:
                c.sla_known += n
                c.sla_met += n * f.sla_met
            if f.csat is not None:
                score, satisfied = f.csat
                c.csat_answers += n
                c.csat_satisfied += n * satisfied
                if score is not None:
                    c.csat_scored += n
                    c.csat_sum += n * score
        return c


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


class Series:
    """One duration of every ticket that has it, with the cell (key index) it belongs to."""

    __slots__ = ("values", "cells")

    def __init__(self) -> None:
        self.values: array[float] = array("d")
        self.cells: array[int] = array("q")

    def extend(self, cell_ids: list[int], has: list[bool], values: Iterable[float]) -> None:
        """Add the values of the rows flagged in ``has`` (``values`` holds only those)."""
        self.values.extend(values)
        self.cells.extend(compress(cell_ids, has))

    def split(self, group_of: list[int], count: int) -> tuple[list[float], list[list[float]]]:
        """The values kept (group ≥ 0) and the values of each of ``count`` groups, in one
        pass (a pass per group cost more as soon as there were a few groups)."""
        gids = list(map(group_of.__getitem__, self.cells))
        everything = not gids or min(gids) >= 0
        kept = list(self.values) if everything else [
            v for v, g in zip(self.values, gids, strict=True) if g >= 0
        ]
        parts: list[list[float]] = [[] for _ in range(count)]
        if count > 1:
            adders = [p.append for p in parts]
            if everything:
                for v, g in zip(self.values, gids, strict=True):
                    adders[g](v)
            else:
                for v, g in zip(self.values, gids, strict=True):
                    if g >= 0:
                        adders[g](v)
        elif count == 1:
            parts[0] = kept
        return kept, parts


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
        self.codes.extend(map(or_, map(lshift, keys, repeat(_SHIFT)), flags))
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

    def grouped(self, first: str, last: str, index: int | None) -> tuple[Acc, dict[str, Acc]]:
        """The total of the periods ``first``..``last`` and, when ``index`` names a key part
        (0 period, 1 category, 2 channel, 3 priority, 4 group), one accumulator per value."""
        names: dict[str, int] = {}
        group_of: list[int] = []
        for key in self.key_table:
            if not first <= key[0] <= last:
                group_of.append(-1)
            elif index is None:
                group_of.append(0)
            else:
                group_of.append(names.setdefault(key[index], len(names)))
        count = max(len(names), 1)
        accs = [Acc() for _ in range(count)]
        total = Acc()
        kid = map(rshift, self.codes, repeat(_SHIFT))
        fid = map(and_, self.codes, repeat(_MASK))
        pairs = map(or_, map(lshift, map(group_of.__getitem__, kid), repeat(_SHIFT)), fid)
        for code, n in Counter(pairs).items():
            g = code >> _SHIFT
            if g < 0:
                continue
            fl = self.flag_table[code & _MASK]
            for acc in (accs[g], total):
                acc.tickets += n
                acc.flags[fl] = acc.flags.get(fl, 0) + n
        for attr in ("ttr", "frt", "open_created", "ttr_business", "frt_business"):
            kept, parts = getattr(self, attr).split(group_of, count)
            getattr(total, attr).extend(kept)
            for acc, part in zip(accs, parts, strict=False):
                getattr(acc, attr).extend(part)
        groups = {name: accs[i] for name, i in names.items()} if index is not None else {}
        return total, groups

    @property
    def tickets(self) -> int:
        return len(self.codes)

    def periods(self) -> list[str]:
        used = set(map(rshift, self.codes, repeat(_SHIFT)))
        return sorted({self.key_table[k][0] for k in used})
