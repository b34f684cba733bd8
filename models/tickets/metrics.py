"""The metrics table: one ``GroupMetrics`` per group plus ``"all"``, for a period range.

A metric the file cannot support is None with the reason in ``unavailable``: never zero,
never invented. Rates are fractions 0-1 over the tickets that have a value for them; medians
are ``statistics.median``; p90 is the nearest-rank 90th percentile (the smallest value with at
least 90 % of the values at or below it), which a person can check by hand.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.rules.counts import plural
from models.tickets.fields import DIMENSIONS, GROUPINGS
from models.tickets.stats import WAIT_SERIES, Acc, Counts, Spread, wait_words

if TYPE_CHECKING:
    from models.tickets.engine import TicketImport

# each grouping's place among ``cube.KEY_COLUMNS`` (the month is the period's)
KEY_INDEX = {g: i for i, g in enumerate(("period", *DIMENSIONS))}
_PERIOD = re.compile(r"^(\d{4}-\d{2})(?:\.\.(\d{4}-\d{2}))?$")


@dataclass(frozen=True)
class GroupMetrics:
    """One row of ``journeymap tickets show``."""

    group: str
    period: str
    tickets: int
    fcr_rate: float | None
    fcr_is_proxy: bool
    fcr_method: str
    reopen_rate: float | None
    ttr_median_hours: float | None
    ttr_p90_hours: float | None
    first_response_median_hours: float | None
    csat_mean: float | None
    csat_responses: int | None
    csat_satisfied_share: float | None
    reassigned_rate: float | None
    sla_met_rate: float | None
    backlog_open: int | None
    backlog_median_age_hours: float | None
    ttr_business_median_hours: float | None = None
    ttr_business_p90_hours: float | None = None
    frt_business_median_hours: float | None = None
    # the waits of resolved tickets, as the export counts them (stats.WAITS)
    requester_wait_median_hours: float | None = None
    requester_wait_p90_hours: float | None = None
    requester_wait_business_median_hours: float | None = None
    requester_wait_business_p90_hours: float | None = None
    agent_wait_median_hours: float | None = None
    agent_wait_p90_hours: float | None = None
    agent_wait_business_median_hours: float | None = None
    agent_wait_business_p90_hours: float | None = None
    on_hold_median_hours: float | None = None
    on_hold_p90_hours: float | None = None
    on_hold_business_median_hours: float | None = None
    on_hold_business_p90_hours: float | None = None
    unavailable: dict[str, str] = field(default_factory=dict)
    # how many tickets each available metric was computed from
    n: dict[str, int] = field(default_factory=dict)


def parse_period(text: str) -> tuple[str, str]:
    """``2024-01`` or ``2024-01..2024-03`` → (first, last) month; ValueError in one sentence."""
    m = _PERIOD.match(text.strip())
    if m is None or not all(1 <= int(p[5:]) <= 12 for p in m.groups() if p):
        raise ValueError(f"period {text!r} is not YYYY-MM or YYYY-MM..YYYY-MM")
    first, last = m.group(1), m.group(2) or m.group(1)
    if last < first:
        raise ValueError(f"period {text!r} ends before it starts")
    return first, last


def p90(values: Iterable[float]) -> float:
    """Nearest-rank 90th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def _rate(yes: int, known: int) -> float | None:
    return yes / known if known else None


def _fcr(acc: Counts, cols: dict[str, str]) -> tuple[float | None, bool, str, str]:
    """(rate, is_proxy, method, reason when unavailable)."""
    if "fcr" in cols:
        return _rate(acc.fcr_yes, acc.fcr_known), False, "fcr column", "no ticket has a value"
    if "replies" in cols:
        return (_rate(acc.onetouch_yes, acc.onetouch_known), True,
                "one-touch: resolved with exactly one agent reply", "no resolved ticket")
    if "reopens" in cols and ("reassignments" in cols or "assignee_stations" in cols):
        return (_rate(acc.proxy_yes, acc.proxy_known), True,
                "resolved with no reopen and no reassignment", "no resolved ticket")
    return None, False, "", (
        "the export has no first-contact-resolution column, no agent-replies count and "
        "no reopen and reassignment counts"
    )


def _date_only(imp: TicketImport, fields: tuple[str, ...]) -> str | None:
    """The first of ``fields``' columns that holds dates without a time of day, if any."""
    return next((c for f in fields if (c := imp.columns.get(f)) in imp.date_only), None)


def _metrics(name: str, period: str, cell: Acc, imp: TicketImport) -> GroupMetrics:
    cols = imp.columns
    acc = cell.counts()
    why: dict[str, str] = {}

    def need(metric: str, present: bool, absent: str, value: float | None, empty: str) -> None:
        if value is None:
            why[metric] = empty if present else absent

    fcr, proxy, method, fcr_why = _fcr(acc, cols)
    if fcr is None:
        why["fcr_rate"] = fcr_why
    reopen = _rate(acc.reopened, acc.reopen_known)
    need("reopen_rate", "reopens" in cols, "the export has no reopen count", reopen,
         "no ticket has a reopen count")
    timed = "resolved" in cols or "closed" in cols
    ttr_med, ttr_hi = cell.ttr.median, cell.ttr.p90
    coarse = _date_only(imp, ("created", "resolved", "closed")) if timed else None
    for metric in ("ttr_median_hours", "ttr_p90_hours"):
        need(metric, timed, "the export has no resolution timestamp", ttr_med,
             "no resolved ticket with both creation and resolution timestamps")
    if coarse is not None:
        ttr_med = ttr_hi = None
        why["ttr_median_hours"] = why["ttr_p90_hours"] = (
            f"{coarse!r} holds dates without a time of day, so hours to resolution cannot be "
            "derived from it")
    frt_cols = {"first_response_at", "first_response_minutes", "first_response_hours"}
    frt = cell.frt.median
    need("first_response_median_hours", bool(frt_cols & set(cols)),
         "the export has no first-response column", frt, "no ticket has a first response")
    rough = _date_only(imp, ("created", "first_response_at"))
    if rough is not None and "first_response_at" in cols and not (
            {"first_response_minutes", "first_response_hours"} & set(cols)):
        frt = None
        why["first_response_median_hours"] = (
            f"{rough!r} holds dates without a time of day, so hours to first response "
            "cannot be derived from it")
    has_csat = "csat" in cols
    csat_mean = acc.csat_sum / acc.csat_scored if acc.csat_scored else None
    need("csat_mean", has_csat, "the export has no satisfaction column", csat_mean,
         "answers are words (such as Good/Bad), not 1-5 scores: see the satisfied share"
         if acc.csat_answers else "no answered survey")
    share = _rate(acc.csat_satisfied, acc.csat_answers)
    need("csat_satisfied_share", has_csat, "the export has no satisfaction column", share,
         "no answered survey")
    responses = acc.csat_answers if has_csat else None
    need("csat_responses", has_csat, "the export has no satisfaction column",
         responses, "")
    reassigned = _rate(acc.reassigned, acc.reassign_known)
    need("reassigned_rate", "reassignments" in cols or "assignee_stations" in cols,
         "the export has no reassignment count", reassigned,
         "no ticket has a reassignment count")
    sla = _rate(acc.sla_met, acc.sla_known)
    need("sla_met_rate", "sla_met" in cols or "sla_remaining" in cols,
         "the export has no SLA column", sla,
         "no ticket has an SLA value")
    stateful = "status" in cols or timed
    backlog = acc.open if stateful else None
    no_state = ("the export has neither a status nor a resolution timestamp, so open "
                "tickets cannot be told apart")
    if backlog == 0 and acc.unknown:
        # Not one open ticket, but tickets whose status word is not known (a language or a
        # team's own word): a backlog of 0 would be a claim the file does not make.
        backlog = None
    need("backlog_open", stateful, no_state, backlog,
         f"{plural(acc.unknown, 'ticket')} with a status word it does not know and none "
         "known to be open, so the open backlog cannot be counted")
    age = None
    created = cell.open_created.median  # None exactly when no ticket is open
    if stateful and created is not None and imp.cube.as_of is not None:
        # median(as_of - c) == as_of - median(c): ages are a reflection of creation times.
        age = (imp.cube.as_of - created) / 3600.0
    need("backlog_median_age_hours", stateful, no_state, age,
         "no open ticket")
    scheduled = imp.cube.business
    no_schedule = ("no business-hours schedule was set for this import "
                   "(journeymap tickets hours ID --tz ZONE, then import again)")
    bh_med, bh_hi = cell.ttr_business.median, cell.ttr_business.p90
    if coarse is not None:
        bh_med = bh_hi = None
    for metric in ("ttr_business_median_hours", "ttr_business_p90_hours"):
        if scheduled:
            need(metric, timed and coarse is None, why.get("ttr_median_hours", ""), bh_med,
                 "no resolved ticket with both creation and resolution timestamps")
        else:
            why[metric] = no_schedule
    bh_frt = None if frt is None else cell.frt_business.median
    if scheduled:
        if bh_frt is None:
            why["frt_business_median_hours"] = why.get("first_response_median_hours",
                                                       "no ticket has a first response")
    else:
        why["frt_business_median_hours"] = no_schedule
    fcr_n = (acc.fcr_known if "fcr" in cols else acc.onetouch_known if "replies" in cols
             else acc.proxy_known)
    sizes = {
        "tickets": cell.tickets, "fcr_rate": fcr_n, "reopen_rate": acc.reopen_known,
        "reopened": acc.reopen_known, "ttr_median_hours": cell.ttr.n,
        "ttr_p90_hours": cell.ttr.n, "first_response_median_hours": cell.frt.n,
        "csat_mean": acc.csat_scored, "csat_responses": acc.csat_answers,
        "csat_satisfied_share": acc.csat_answers, "reassigned_rate": acc.reassign_known,
        "sla_met_rate": acc.sla_known, "backlog_open": acc.open,
        "backlog_median_age_hours": acc.open,
        "ttr_business_median_hours": cell.ttr_business.n,
        "ttr_business_p90_hours": cell.ttr_business.n,
        "frt_business_median_hours": cell.frt_business.n,
    }
    waits: dict[str, float | None] = {}
    for series in WAIT_SERIES:
        spread: Spread = getattr(cell, series)
        words = wait_words(series)
        for stat, value in (("median", spread.median), ("p90", spread.p90)):
            metric = f"{series}_{stat}_hours"
            waits[metric] = value
            sizes[metric] = spread.n
            need(metric, f"{series}_minutes" in cols, f"the export has no {words} column",
                 value, f"no resolved ticket has a {words}")
    n = {k: v for k, v in sizes.items() if k == "tickets" or k not in why}
    return GroupMetrics(**waits,
        group=name, period=period, tickets=cell.tickets, fcr_rate=fcr, fcr_is_proxy=proxy,
        fcr_method=method, reopen_rate=reopen, ttr_median_hours=ttr_med, ttr_p90_hours=ttr_hi,
        first_response_median_hours=frt, csat_mean=csat_mean, csat_responses=responses,
        csat_satisfied_share=share, reassigned_rate=reassigned, sla_met_rate=sla,
        backlog_open=backlog, backlog_median_age_hours=age,
        ttr_business_median_hours=bh_med if scheduled else None,
        ttr_business_p90_hours=bh_hi if scheduled else None,
        frt_business_median_hours=bh_frt if scheduled else None, unavailable=why, n=n,
    )


def table(
    imported: TicketImport, by: str | None = "category", period: str | None = None
) -> list[GroupMetrics]:
    """One row per value of ``by`` (largest first) and a last row ``"all"``.

    Raises ValueError (one sentence) for an unknown ``by``, a column the export does not
    have, or a malformed period.
    """
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"cannot group by {by!r}: choose one of {', '.join(GROUPINGS)}")
    if by not in (None, "period") and by not in imported.columns:
        raise ValueError(f"the export has no {by} column, so tickets cannot be grouped by it")
    periods = imported.cube.periods()
    first, last = parse_period(period) if period else (
        (periods[0], periods[-1]) if periods else ("", "")
    )
    label = first if first == last else f"{first}..{last}"
    index = None if by is None else KEY_INDEX[by]
    total, groups = imported.cube.grouped(first, last, index)
    order = sorted(groups.items(), key=lambda kv: (-kv[1].tickets, kv[0]))
    if by == "period":
        order = sorted(groups.items())
    rows = [
        _metrics(name, name if by == "period" else label, acc, imported) for name, acc in order
    ]
    rows.append(_metrics("all", label, total, imported))
    return rows
