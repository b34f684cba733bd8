"""An import's tickets → its dated readings: one per month and group, and the span's.

Why readings per month and per group: a KPI needs a history (baseline in weeks 1-2, measure
in weeks 5-6, the monthly review), and a card's signal is usually one category's volume.
Building them stores nothing (a dry run shows them; ``storage`` writes them).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from models.db.tables.tickets import Reading
from models.tickets import metrics
from models.tickets.fields import DIMENSIONS
from models.tickets.metrics import GroupMetrics
from models.tickets.stats import WAIT_SERIES

if TYPE_CHECKING:
    from models.tickets.engine import TicketImport

GROUP_KINDS: tuple[str, ...] = DIMENSIONS
METRICS: tuple[str, ...] = (
    "tickets", "reopened", "fcr_rate", "reopen_rate", "ttr_median_hours", "ttr_p90_hours",
    "first_response_median_hours", "csat_mean", "csat_responses", "csat_satisfied_share",
    "reassigned_rate", "sla_met_rate", "backlog_open", "backlog_median_age_hours",
    "ttr_business_median_hours", "ttr_business_p90_hours", "frt_business_median_hours",
    *(f"{s}_{stat}_hours" for s in WAIT_SERIES for stat in ("median", "p90")),
)
_METRIC_FIELDS = METRICS[2:]


def _reopened(imp: TicketImport, month: str, kind: str | None) -> dict[str, int | None]:
    """Tickets reopened at least once per group (None where no ticket has a reopen count)."""
    index = None if kind is None else metrics.KEY_INDEX[kind]
    lo, _, hi = month.partition("..")
    total, groups = imp.cube.grouped(lo, hi or lo, index)
    out: dict[str, int | None] = {}
    for name, acc in [*groups.items(), ("all", total)]:
        counts = acc.counts()
        out[name] = counts.reopened if counts.reopen_known else None
    return out


def build_readings(imp: TicketImport, period: str | None = None) -> list[Reading]:
    """One reading per month and group (and the month's ``all``), unsaved.

    A file spanning several months also gets one set for the whole span (period
    ``first..last``): medians and p90s cannot be combined from monthly figures, so the
    span's table is computed from the tickets themselves.
    """
    months = imp.cube.periods()
    if period:
        first, last = metrics.parse_period(period)
        months = [m for m in months if first <= m <= last]
    kinds: list[str | None] = [None, *(k for k in GROUP_KINDS if k in imp.columns)]
    spans = [(m, m) for m in months]
    if len(months) > 1:
        spans.append((months[0], months[-1]))
    # Kinds outer: the cube keeps one grouping's monthly accumulators at a time, so every
    # month and the span of a grouping are merges of them; stored in the order shown.
    found: dict[tuple[str, str | None], list[Reading]] = {}
    for kind in kinds:
        for lo, hi in spans:
            month = lo if lo == hi else f"{lo}..{hi}"
            reopened = _reopened(imp, month, kind)
            found[month, kind] = [
                _reading(row, "all" if row.group == "all" else str(kind),
                         reopened.get(row.group))
                for row in metrics.table(imp, by=kind, period=month)
                if (row.group == "all") == (kind is None)
            ]
    return [r for lo, hi in spans for kind in kinds
            for r in found[lo if lo == hi else f"{lo}..{hi}", kind]]


def _reading(row: GroupMetrics, kind: str, reopened: int | None) -> Reading:
    values: dict[str, Any] = {f: getattr(row, f) for f in _METRIC_FIELDS if f != "reopened"}
    why = dict(row.unavailable)
    if reopened is None:
        why.setdefault("reopened", why.get("reopen_rate", "no ticket has a reopen count"))
    return Reading(period=row.period, group_kind=kind,
                   group_value="" if kind == "all" else row.group, tickets=row.tickets,
                   reopened=reopened, fcr_is_proxy=row.fcr_is_proxy, fcr_method=row.fcr_method,
                   unavailable=json.dumps(why, ensure_ascii=False, sort_keys=True),
                   counts=json.dumps({k: v for k, v in row.n.items()
                                      if k != "reopened" or reopened is not None},
                                     sort_keys=True), **values)
