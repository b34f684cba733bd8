"""What the imported ticket readings say about the map: evidence, baselines, volumes, signals.

Pure functions of a ``Journey`` (its ``ticket_sources`` and ``readings``).  Every figure
carries its provenance (file, period, n) so a room can see where a number came from, and a
figure the readings cannot support is ``None`` with the reason: never zero, never invented.

A month can be imported twice (a corrected export); the latest import of a month wins.
A month the export ends inside of (its latest timestamp falls before the month is over) is
partial: the scope's evidence, pain point volumes, repeat contacts and a card's volume
signal come from the latest complete month, and the provenance says which it was.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from models.db.journey import Journey
from models.rules.months import months_covered, said

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import HypothesisCard
    from models.db.tables.tickets import Reading, TicketSource
    from models.db.tables.workshop import Stage

# Stage KPI names (as people write them) -> the reading metric that measures them.
KPI_METRICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("first contact resolution", "fcr"), "fcr_rate"),
    (("reopen",), "reopen_rate"),
    (("time to resolution", "resolution time", "ttr"), "ttr_median_hours"),
    (("first response",), "first_response_median_hours"),
    (("csat", "satisfaction"), "csat_mean"),
    (("reassign", "transfer"), "reassigned_rate"),
    (("sla",), "sla_met_rate"),
    (("backlog",), "backlog_open"),
    (("ticket volume", "tickets", "contacts"), "tickets"),
)
RATES = frozenset({"fcr_rate", "reopen_rate", "reassigned_rate", "sla_met_rate",
                   "csat_satisfied_share"})
COUNTS = frozenset({"tickets", "reopened", "backlog_open", "csat_responses"})
# The metrics a larger value of which is better (all others: smaller is better).  A target
# that names no direction itself (equal to the baseline, or a change of 0) means "no worse".
HIGHER_IS_BETTER = frozenset({"fcr_rate", "csat_mean", "csat_satisfied_share", "csat_responses",
                              "sla_met_rate"})
MET, NOT_YET, NO_DATA = "met", "not yet", "no data"
_BARS = "▁▂▃▄▅▆▇█"
# What each metric's n counts, for the provenance of a figure that is not a ticket count.
UNITS: dict[str, str] = {
    "fcr_rate": "resolved tickets", "reopen_rate": "tickets with a reopen count",
    "reopened": "tickets with a reopen count", "ttr_median_hours": "resolved tickets",
    "ttr_p90_hours": "resolved tickets", "first_response_median_hours": "first responses",
    "csat_mean": "answered surveys", "csat_responses": "answered surveys",
    "csat_satisfied_share": "answered surveys",
    "reassigned_rate": "tickets with a reassignment count",
    "sla_met_rate": "tickets with an SLA value", "backlog_open": "open tickets",
    "backlog_median_age_hours": "open tickets", "ttr_business_median_hours": "resolved tickets",
    "ttr_business_p90_hours": "resolved tickets", "frt_business_median_hours": "first responses",
}


class Measured(NamedTuple):
    """One figure from the readings, or None with the reason."""

    value: float | None
    provenance: str = ""
    reason: str = ""
    n: int | None = None  # how many tickets the figure was computed from, when known


class Judgement(NamedTuple):
    """A card's signal against its readings: met / not yet / no data, and why."""

    status: str
    baseline: Measured
    latest: Measured
    text: str


def _source_names(journey: Journey) -> dict[int, TicketSource]:
    return {int(s.id or 0): s for s in journey.ticket_sources}


def current(journey: Journey) -> list[Reading]:
    """The readings that count: for each month, those of the latest import covering it."""
    newest: dict[str, int] = {}
    monthly = [r for r in journey.readings if ".." not in r.period]
    for r in monthly:
        newest[r.period] = max(newest.get(r.period, 0), r.source_id)
    return [r for r in monthly if newest.get(r.period) == r.source_id]


def periods(journey: Journey) -> list[str]:
    """The months that have readings."""
    return sorted({r.period for r in journey.readings if ".." not in r.period})


def _stored(text: str | None) -> dict[str, Any]:
    """A JSON object a ticket import stored with its readings ({} when none was stored).

    ``json`` is imported here, where a ticket import's figures are read: a map without
    one never parses JSON, and its export does not pay for the module (issue 18).
    """
    import json

    data: dict[str, Any] = json.loads(text or "{}")
    return data


def links(journey: Journey) -> dict[str, dict[str, int]]:
    """{category: {"stage": id, "pain": id}} of the latest import (the workshop's mapping)."""
    if not journey.ticket_sources:
        return {}
    data: dict[str, dict[str, int]] = _stored(journey.ticket_sources[-1].links)
    return data


def _counted(count: int, unit: str) -> str:
    """``3 tickets with a reopen count``, ``1 ticket with a reopen count``: a unit of
    ``UNITS`` is plural, and its noun is its first word ending in "s"."""
    if count != 1:
        return f"{count:,} {unit}"
    words = unit.split(" ")
    noun = next(i for i, w in enumerate(words) if w.endswith("s"))
    return " ".join(["1", *words[:noun], words[noun][:-1], *words[noun + 1:]])


def _n(rows: list[Reading], metric: str) -> int | None:
    """How many tickets ``metric`` of these readings was computed from (None: not recorded,
    as in readings imported before the counts were kept)."""
    sizes: list[Any] = [_stored(r.counts).get(metric) for r in rows]
    return None if not sizes or None in sizes else sum(sizes)


def _provenance(journey: Journey, rows: list[Reading], metric: str = "tickets") -> str:
    names = _source_names(journey)
    files = sorted({names[r.source_id].file_name for r in rows if r.source_id in names})
    months = sorted({r.period for r in rows})
    span = months[0] if len(months) == 1 else f"{months[0]}..{months[-1]}"
    n = sum(r.tickets for r in rows)
    own = _n(rows, metric) if metric in UNITS else None
    of = f" ({_counted(own, UNITS[metric])})" if own is not None else ""
    return f"{', '.join(files)}, {span}, n={n}{of}"


def _combine(journey: Journey, rows: list[Reading], metric: str) -> Measured:
    """One figure from one month's readings of one or several groups.

    Counts add up; a rate or duration of several groups is their ticket-weighted mean
    (said in the provenance), over the groups that have it.  ``rows`` is never empty
    (``series`` combines only the months that have readings).
    """
    have = [r for r in rows if getattr(r, metric) is not None]
    if not have:
        why = _stored(rows[0].unavailable).get(metric, "not in the readings")
        return Measured(None, _provenance(journey, rows), why)
    if metric in COUNTS:
        return Measured(float(sum(getattr(r, metric) for r in have)),
                        _provenance(journey, rows, metric), n=_n(have, metric))
    weight = sum(r.tickets for r in have)
    if len(have) == 1 or not weight:
        return Measured(float(getattr(have[0], metric)),
                        _provenance(journey, have[:1], metric), n=_n(have[:1], metric))
    value = sum(getattr(r, metric) * r.tickets for r in have) / weight
    return Measured(value, _provenance(journey, have, metric) + ", ticket-weighted over "
                    f"{len(have)} groups", n=_n(have, metric))


def group_rows(journey: Journey, kind: str, values: set[str] | None = None) -> list[Reading]:
    """Current readings of one group kind (``all``, ``category``...), optionally some values."""
    return [r for r in current(journey) if r.group_kind == kind
            and (values is None or r.group_value in values)]


def series(journey: Journey, metric: str, kind: str = "all",
           values: set[str] | None = None) -> list[tuple[str, Measured]]:
    """(month, figure) in month order: a KPI's history."""
    by_month: dict[str, list[Reading]] = {}
    for r in group_rows(journey, kind, values):
        by_month.setdefault(r.period, []).append(r)
    return [(m, _combine(journey, by_month[m], metric)) for m in sorted(by_month)]


def latest(journey: Journey, metric: str, kind: str = "all",
           values: set[str] | None = None) -> Measured:
    history = series(journey, metric, kind, values)
    return history[-1][1] if history else Measured(None, reason="no ticket data imported")


def coverage(journey: Journey) -> tuple[dict[str, dt.datetime], set[str]]:
    """(partial months with the moment their data ends, months known to be complete) of the
    readings that count (``rules.months`` says when a month is complete)."""
    return months_covered(current(journey), _source_names(journey))


def complete_series(journey: Journey, metric: str, kind: str,
                    values: set[str] | None) -> list[tuple[str, Measured]]:
    """``series`` without the partial months (``judge``'s, for a volume)."""
    partial, _ = coverage(journey)
    return [(m, v) for m, v in series(journey, metric, kind, values) if m not in partial]


def latest_complete(journey: Journey, metric: str, kind: str = "all",
                    values: set[str] | None = None) -> Measured:
    """The figure of the latest complete month, its provenance saying so (and which later
    month was left out as partial); None with the reason when every month is partial."""
    history = series(journey, metric, kind, values)
    if not history:
        return Measured(None, reason="no ticket data imported")
    partial, complete = coverage(journey)
    whole = [(m, v) for m, v in history if m not in partial]
    if not whole:
        month = history[-1][0]
        cut = "; ".join(said(m, partial[m]) for m, _ in history if m in partial)
        return Measured(None, reason=f"only partial months in the data ({cut})"
                        if len(history) > 1 else
                        f"only a partial month in the data ({said(month, partial[month])})")
    month, figure = whole[-1]
    if figure.value is None:
        return figure
    later = [m for m, _ in history if m > month]
    if later:
        note = f"latest complete month; {said(later[-1], partial[later[-1]])}"
    else:
        note = "a complete month" if month in complete else ""
    provenance = f"{figure.provenance}, {note}" if note else figure.provenance
    return Measured(figure.value, provenance, n=figure.n)


def sparkline(values: list[float | None]) -> str:
    """A small trend in block characters; a gap (no value) is a space."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    low, high = min(known), max(known)
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            out.append(_BARS[0 if not span else round((v - low) / span * (len(_BARS) - 1))])
    return "".join(out)


def categories(journey: Journey) -> list[tuple[str, str, Measured]]:
    """(category, its latest month, that month's tickets) for every category of the
    readings, most tickets first: what a lead maps to stages and pain points."""
    out = []
    for name in {r.group_value for r in current(journey) if r.group_kind == "category"}:
        history = series(journey, "tickets", "category", {name})
        month, figure = history[-1]
        out.append((name, month, figure))
    return sorted(out, key=lambda row: (-(row[2].value or 0), row[0].casefold(), row[0]))


def kpi_metric(kpi_name: str) -> str | None:
    """The reading metric a stage KPI is measured by, or None when none matches its name."""
    name = kpi_name.casefold()
    for words, metric in KPI_METRICS:
        if any(w in name for w in words):
            return metric
    return None


def stage_categories(journey: Journey, stage: Stage) -> set[str]:
    return {c for c, link in links(journey).items() if link.get("stage") == stage.id}


def stage_kpi(journey: Journey, stage: Stage, *, first: bool = True,
              metric: str | None = None) -> Measured:
    """The stage KPI from its mapped categories' readings (the first month = its baseline);
    ``metric`` when the lead names it, else the one the KPI's name matches."""
    metric = metric or kpi_metric(stage.kpi_name)
    if metric is None:
        return Measured(None, reason=f"no ticket metric measures {stage.kpi_name!r}")
    cats = stage_categories(journey, stage)
    if not cats:
        return Measured(None, reason="no ticket category is mapped to this stage")
    history = series(journey, metric, "category", cats)
    if not history:
        return Measured(None, reason="the mapped categories have no readings")
    return history[0 if first else -1][1]


def pain_volumes(journey: Journey) -> dict[int, Measured]:
    """Tickets per month of each pain point's mapped categories, latest month."""
    by_pain: dict[int, set[str]] = {}
    for category, link in links(journey).items():
        if "pain" in link:
            by_pain.setdefault(int(link["pain"]), set()).add(category)
    return {pid: latest_complete(journey, "tickets", "category", cats)
            for pid, cats in by_pain.items()}


def evidence(journey: Journey) -> dict[str, Measured]:
    """The scope's evidence from the latest complete month of all tickets."""
    return {
        "tickets per month": latest_complete(journey, "tickets"),
        "resolution time (median hours)": latest_complete(journey, "ttr_median_hours"),
        "transfer rate": latest_complete(journey, "reassigned_rate"),
        "CSAT (mean of answered)": latest_complete(journey, "csat_mean"),
    }


def card_group(card: HypothesisCard) -> tuple[str, set[str] | None]:
    kind, _, value = card.signal_group.partition("=")
    return ("all", None) if card.signal_group in ("", "all") else (kind, {value})


def judge(journey: Journey, card: HypothesisCard) -> Judgement | None:
    """Met / not yet / no data for a card tied to a metric (None when it is not tied)."""
    if not card.signal_metric or card.signal_target is None:
        return None
    kind, values = card_group(card)
    # A volume in a month the export ends inside of is not a month's volume.
    months = complete_series if card.signal_metric in COUNTS else series
    history = [(m, v) for m, v in months(journey, card.signal_metric, kind, values)
               if v.value is not None]
    empty = Measured(None, reason="no reading")
    if len(history) < 2:
        partial, _ = coverage(journey)
        cut = [m for m, _ in series(journey, card.signal_metric, kind, values) if m in partial]
        later = (f"; {said(cut[-1], partial[cut[-1]])}"
                 if months is complete_series and cut else "")
        why = ("no reading of this metric yet" if not history else
               f"only the baseline ({history[0][0]}){later}; import a later month to "
               "measure")
        first = history[0][1] if history else empty
        return Judgement(NO_DATA, first, empty, why)
    (m0, base), (m1, last) = history[0], history[-1]
    b, v, target = float(base.value or 0.0), float(last.value or 0.0), card.signal_target
    lower = card.signal_metric not in HIGHER_IS_BETTER
    if card.signal_relative:
        if b == 0:
            return Judgement(NO_DATA, base, last, f"baseline {m0} is 0: a change cannot be "
                             "measured against it")
        change = (v - b) / b
        met = change <= target if target < 0 or (target == 0 and lower) else change >= target
        text = (f"{format_value(card.signal_metric, v)} in {m1} vs "
                f"{format_value(card.signal_metric, b)} in {m0}: {change:+.0%} "
                f"(target {target:+.0%})")
    else:
        # the metric says which side of a value is better, not the baseline: a baseline
        # already past the target (0.75 h against "at most 1 h") does not turn it around
        met = v <= target if lower else v >= target
        text = (f"{format_value(card.signal_metric, v)} in {m1} (baseline "
                f"{format_value(card.signal_metric, b)} in {m0}, target "
                f"{format_value(card.signal_metric, target)})")
    return Judgement(MET if met else NOT_YET, base, last, text)


def repeat_contacts_by_stage(journey: Journey) -> list[tuple[Stage, Measured]]:
    """Reopened tickets per stage in the latest month, most first (the review's question)."""
    out = []
    for stage in journey.stages:
        cats = stage_categories(journey, stage)
        if cats:
            out.append((stage, latest_complete(journey, "reopened", "category", cats)))
    return sorted(out, key=lambda pair: -(pair[1].value or -1))


def format_value(metric: str, value: float | None) -> str:
    """A reading as people read it: rates as percentages, hours with one decimal."""
    if value is None:
        return "n/a"
    if metric in RATES:
        return f"{value:.0%}"
    if metric in COUNTS:
        return f"{value:,.0f}"
    if metric.endswith("hours"):
        return f"{value:.1f} h"
    return f"{value:.2f}"


def signal_status(journey: Journey, card: HypothesisCard) -> str:
    """"met", "not yet", "no data" for a card tied to a metric; "" when it is not tied."""
    verdict = judge(journey, card)
    return verdict.status if verdict is not None else ""


def measure_detail(journey: Journey, card: HypothesisCard | None) -> str:
    """The plan's "measure" weeks: what the readings say about the fixed card's signal."""
    verdict = judge(journey, card) if card is not None else None
    if verdict is None:
        return ""
    return f"Signal from ticket readings: {verdict.status} ({verdict.text})."
