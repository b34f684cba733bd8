"""The import's tickets as a polars frame, and its figures per group and period range.

Every table of ``metrics`` (and so every stored reading) is a ``grouped(first, last, key)``:
one polars ``group_by`` computes, for every group at once, the ticket count, the numerators
and denominators of the rates and the median and nearest-rank p90 of each duration. An
import's readings ask for each month and the whole span of each grouping, so the months of
a grouping come from one ``group_by`` over (month, value), and the span from one more; the
results are kept, so asking again costs nothing.

Medians are the middle value or the mean of the two middle ones, p90 the value at rank
ceil(0.9 n): the same float operations as ``statistics.median`` and a sorted list, so the
figures equal a brute-force computation exactly.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from models.tickets.answers import UNKNOWN_STATE
from models.tickets.fields import DIMENSIONS
from models.tickets.stats import COUNT_FIELDS, SERIES, WAIT_SERIES, Acc, Counts, Flags, Spread

# The key parts a table can group by, by index: 0 period, 1 category, 2 channel,
# 3 priority, 4 group (None: the totals only).
KEY_COLUMNS = ("month", *DIMENSIONS)  # a reading's period, then its grouping columns
__all__ = ["Cube", "Flags", "KEY_COLUMNS"]


def _sum(condition: pl.Expr) -> pl.Expr:
    return condition.fill_null(value=False).sum()


def _count_exprs() -> list[pl.Expr]:
    resolved = pl.col("state") == "resolved"
    reopens, reassigned = pl.col("reopens"), pl.col("reassigned")
    exprs = {
        "resolved": _sum(resolved),
        "open": _sum(pl.col("state") == "open"),
        "unknown": _sum(pl.col("state") == UNKNOWN_STATE),
        "reopen_known": reopens.count(),
        "reopened": _sum(reopens > 0),
        "reassign_known": reassigned.count(),
        "reassigned": _sum(reassigned),
        "fcr_known": pl.col("fcr").count(),
        "fcr_yes": _sum(pl.col("fcr")),
        "onetouch_known": _sum(resolved & pl.col("replies").is_not_null()),
        "onetouch_yes": _sum(resolved & (pl.col("replies") == 1)),
        "proxy_known": _sum(resolved & reopens.is_not_null() & reassigned.is_not_null()),
        "proxy_yes": _sum(resolved & (reopens == 0) & ~reassigned),
        "sla_known": pl.col("sla").count(),
        "sla_met": _sum(pl.col("sla")),
        "csat_answers": _sum(pl.col("csat_answered")),
        "csat_scored": pl.col("csat_score").count(),
        "csat_satisfied": _sum(pl.col("csat_satisfied")),
        "csat_sum": pl.col("csat_score").sum(),
    }
    return [e.alias(name) for name, e in exprs.items()]


def _spread_exprs(name: str) -> list[pl.Expr]:
    """n, median and p90 of ``name`` over a frame of its non-null values sorted by it (a
    group's values then come sorted: no sort per group)."""
    ordered = pl.col(name)
    n = pl.len()
    mid = (n // 2).cast(pl.Int64)
    median = (pl.when(n % 2 == 1).then(ordered.get(mid, null_on_oob=True))
              .otherwise((ordered.get(mid - 1, null_on_oob=True)
                          + ordered.get(mid, null_on_oob=True)) / 2))
    rank = ((n * 0.9).ceil().cast(pl.Int64) - 1).clip(lower_bound=0)
    return [n.alias("n"), median.alias("median"), ordered.get(rank, null_on_oob=True)
            .alias("p90")]


def _grouped(frame: pl.DataFrame, keys: list[str], aggs: list[pl.Expr]
             ) -> dict[tuple[str, ...], dict[str, Any]]:
    out = frame.select(aggs) if not keys else frame.group_by(keys).agg(aggs)
    if not keys and not frame.height:
        return {}
    return {tuple(str(row[k]) for k in keys): row for row in out.iter_rows(named=True)}


class Cube:
    """The tickets of one import (a polars frame, one row per ticket) and the export's
    latest timestamp (epoch seconds)."""

    def __init__(self, frame: pl.DataFrame, business: bool, as_of: float | None) -> None:
        # the key columns come from ``facts`` already categorical
        self.frame = frame
        self.business = business
        self.as_of = as_of
        self._series = (*(SERIES if business else SERIES[:3]),
                        *(s for s in WAIT_SERIES if s in frame.columns))
        self._counts = [pl.len().alias("tickets"), *_count_exprs()]
        # each duration's non-null values with their keys, sorted once by value
        self._sorted = {s: self.frame.select(*KEY_COLUMNS, s).drop_nulls(s).sort(s)
                        for s in self._series}
        self._months: dict[int | None, dict[tuple[str, str], Acc]] = {}
        self._spans: dict[tuple[str, str, int | None], tuple[Acc, dict[str, Acc]]] = {}
        self._periods: list[str] | None = None

    def _table(self, first: str, last: str, keys: list[str]) -> dict[tuple[str, ...], Acc]:
        """The figures of every value of ``keys`` among the tickets of months
        ``first``..``last`` (no filter when that is every month)."""
        months = self.periods()
        whole = not months or (first <= months[0] and months[-1] <= last)
        inside = pl.col("month").cast(pl.String).is_between(pl.lit(first), pl.lit(last))

        def part(frame: pl.DataFrame) -> pl.DataFrame:
            return frame if whole else frame.filter(inside)

        counts = _grouped(part(self.frame), keys, self._counts)
        spreads = {s: _grouped(part(self._sorted[s]), keys, _spread_exprs(s))
                   for s in self._series}
        found: dict[tuple[str, ...], Acc] = {}
        for key, row in counts.items():
            tally = Counts(**{f: row[f] or 0 for f in COUNT_FIELDS})
            tally.csat_sum = float(row["csat_sum"] or 0.0)
            acc = Acc(tickets=int(row["tickets"]), tally=tally)
            for s in self._series:
                got = spreads[s].get(key)
                if got is not None:
                    setattr(acc, s, Spread(int(got["n"]), got["median"], got["p90"]))
            found[key] = acc
        return found

    def _by_month(self, index: int | None) -> dict[tuple[str, str], Acc]:
        """Every (month, value of key part ``index``) of the import, from one ``group_by``
        (value "" for the month's total)."""
        found = self._months.get(index)
        if found is None:
            if index is None or index == 0:
                table = self._table("", "~", ["month"])
                found = {(k[0], "" if index is None else k[0]): a for k, a in table.items()}
            else:
                table = self._table("", "~", ["month", KEY_COLUMNS[index]])
                found = {(k[0], k[1]): a for k, a in table.items()}
            self._months[index] = found
        return found

    def grouped(self, first: str, last: str, index: int | None) -> tuple[Acc, dict[str, Acc]]:
        """The figures of the periods ``first``..``last`` in total and, when ``index`` names a
        key part, per value of it."""
        known = self._spans.get((first, last, index))
        if known is not None:
            return known
        if first == last:
            total = self._by_month(None).get((first, ""), Acc())
            groups = {} if index is None else {
                value: acc for (month, value), acc in self._by_month(index).items()
                if month == first}
        else:
            total = self._table(first, last, []).get((), Acc())
            groups = {} if index is None else {
                k[0]: a for k, a in self._table(first, last, [KEY_COLUMNS[index]]).items()}
        self._spans[(first, last, index)] = (total, groups)
        return total, groups

    @property
    def tickets(self) -> int:
        return self.frame.height

    def periods(self) -> list[str]:
        """The months that have tickets, in order."""
        if self._periods is None:
            self._periods = sorted(self.frame["month"].cast(pl.String).unique().to_list())
        return self._periods
