"""Keeping imports next to the map: a ticket source per import and its dated readings.

Why readings per month and per group: a KPI needs a history (baseline in weeks 1-2, measure
in weeks 5-6, the monthly review), and a card's signal is usually one category's volume.
Each import writes one ``TicketSource`` and all its ``Reading`` rows in one transaction, so
a refused or failed import leaves the workshop exactly as it was.  The column mapping and
the category links of the workshop's latest source are carried to the next one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from models.db.journey import Journey
from models.db.store import NotFound, Store
from models.db.tables import (
    HypothesisCard,
    PainPoint,
    Reading,
    Stage,
    TicketSource,
    Workshop,
)
from models.rules.measures import (
    COUNTS,
    RATES,
    coverage,
    evidence,
    format_value,
    kpi_metric,
    pain_volumes,
    periods,
    stage_kpi,
)
from models.rules.months import said
from models.tickets import checks, hours, metrics
from models.tickets.hours import Schedule
from models.tickets.metrics import GroupMetrics

if TYPE_CHECKING:
    from models.tickets.engine import TicketImport

GROUP_KINDS: tuple[str, ...] = ("category", "channel", "priority", "group")
METRICS: tuple[str, ...] = (
    "tickets", "reopened", "fcr_rate", "reopen_rate", "ttr_median_hours", "ttr_p90_hours",
    "first_response_median_hours", "csat_mean", "csat_responses", "csat_satisfied_share",
    "reassigned_rate", "sla_met_rate", "backlog_open", "backlog_median_age_hours",
    "ttr_business_median_hours", "ttr_business_p90_hours", "frt_business_median_hours",
)
_METRIC_FIELDS = METRICS[2:]


class EditorOnly(ValueError):
    """An observer tried to change the workshop's ticket data."""


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    imported: TicketImport
    readings: list[Reading]
    periods: tuple[str, ...]
    source_id: int | None
    columns: dict[str, str]
    filled: tuple[str, ...] = ()
    # the months this import left partial, said as sentences for the person importing
    partial: tuple[str, ...] = ()


def require_editor(store: Store, workshop_id: int) -> Workshop:
    """The workshop, when this store may change it.

    Who may edit is decided by ``models.db.access`` (the CLI asks it per OS account, the app
    per seat through ``tui.actions``); here only an observer's read-only store is refused,
    with a sentence rather than the store's generic one.
    """
    workshop = store.get_workshop(workshop_id)
    if store.read_only:
        raise EditorOnly(f"This seat is an observer of workshop {workshop_id} and cannot "
                         "change its ticket data.")
    return workshop


def schedule_of(workshop: Workshop) -> Schedule | None:
    """The workshop's business-hours schedule, or None when none is set."""
    return hours.stored(workshop.business_hours)


def set_hours(store: Store, workshop_id: int, *, days: str, start: str, end: str, tz: str,
              holidays: list[str] | None = None) -> str:
    """Store the workshop's business hours (ValueError in one sentence, nothing changed, when
    a value is wrong); the next import counts durations in them. Returns the summary."""
    require_editor(store, workshop_id)
    schedule = Schedule.parse(days, start, end, tz, holidays or [])
    store.update(Workshop, workshop_id, business_hours=schedule.to_json())
    return schedule.summary()


def clear_hours(store: Store, workshop_id: int) -> str:
    require_editor(store, workshop_id)
    store.update(Workshop, workshop_id, business_hours="")
    return "business hours cleared"


def latest_source(store: Store, workshop_id: int) -> TicketSource | None:
    with store.read() as s:
        return s.exec(select(TicketSource).where(TicketSource.workshop_id == workshop_id)
                      .order_by(TicketSource.id.desc())).first()  # type: ignore[union-attr]


def remembered_mapping(previous: TicketSource | None, header: tuple[str, ...],
                       source: str) -> dict[str, str]:
    """Last import's column mapping, for the columns this file has (same product or auto)."""
    if previous is None or source not in ("auto", previous.product):
        return {}
    names = set(header)
    columns: dict[str, str] = json.loads(previous.columns or "{}")
    return {f: c for f, c in columns.items() if c in names or checks.fits(c, header)}


def _explain(path: Path, imp: TicketImport, source: str, given: dict[str, str]) -> None:
    """Refuse a date column of mixed formats; name the repeated header and totals rows the
    engine left out (both only looked for when it reported unreadable or skipped rows)."""
    bad = checks.date_columns(imp.columns) & set(imp.bad_cells)
    if bad:
        from models.tickets import engine

        kinds = engine.inspect_export(path, source=source, mapping=given or None).date_kinds
        checks.refuse_mixed_dates(path, kinds, bad)
    if imp.skipped_rows:
        imp.notes = (*imp.notes, *checks.left_out(path, imp.columns["id"]))


def _reopened(imp: TicketImport, month: str, kind: str | None) -> dict[str, int | None]:
    """Tickets reopened at least once per group (None where no ticket has a reopen count)."""
    index = None if kind is None else metrics._KEY_INDEX[kind]
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


def import_file(store: Store, workshop_id: int, path: str | Path, *, source: str = "auto",
                mapping: dict[str, str] | None = None, period: str | None = None,
                dry_run: bool = False) -> ImportResult:
    """Import one export into the workshop: every reading or none (``TicketImportError``).

    The engine (and its data-frame library) is imported here, by the one command that reads
    a file, not by the commands that only show stored readings."""
    from models.tickets import engine

    if not dry_run:
        require_editor(store, workshop_id)
    else:
        store.get_workshop(workshop_id)
    if period:
        metrics.parse_period(period)
    previous = latest_source(store, workshop_id)
    given = dict(mapping or {})
    if previous is not None and source in ("auto", previous.product):
        header = engine.inspect_export(path, source=source, mapping=given or None).layout.header
        given = {**remembered_mapping(previous, header, source), **given}
    schedule = schedule_of(store.get_workshop(workshop_id))
    imp = engine.import_export(path, source=source, mapping=given or None, schedule=schedule)
    _explain(Path(path), imp, source, given)
    readings = build_readings(imp, period)
    if imp.as_of is not None and any(r.backlog_open for r in readings):
        imp.notes = (*imp.notes, checks.aged_to(imp.as_of))
    months = tuple(sorted({r.period for r in readings if ".." not in r.period}))
    if not months:
        raise ValueError(f"{Path(path).name}: no ticket was created in the period {period}.")
    shown = checks.as_chosen(imp.columns, given)
    if dry_run:
        return ImportResult(imp, readings, months, None, shown)
    links = previous.links if previous is not None else "{}"
    span = months[0] if len(months) == 1 else f"{months[0]}..{months[-1]}"
    with store.write() as s:
        src = TicketSource(workshop_id=workshop_id, file_name=Path(path).name,
                           product=imp.product,
                           columns=json.dumps(checks.remembered(imp.columns, given),
                                              ensure_ascii=False),
                           links=links, rows=imp.rows, tickets=imp.tickets, periods=span,
                           notes="\n".join(imp.notes), imported_by=store.who,
                           data_until=imp.as_of, data_from=imp.data_from)
        s.add(src)
        s.flush()
        for reading in readings:
            reading.source_id = int(src.id or 0)
            reading.workshop_id = workshop_id
            s.add(reading)
        store._touch(s, workshop_id)
        store._log(s, workshop_id, "ticketsource", src.id, "create",
                   summary=f"imported {src.file_name} ({imp.tickets} tickets, {span})")
        source_id = int(src.id or 0)
    _refresh_volumes(store, workshop_id)
    filled = apply_to_map(store, workshop_id)
    return ImportResult(imp, readings, months, source_id, shown, tuple(filled),
                        _partial_said(store.load(workshop_id), months))


def _partial_said(journey: Journey, months: tuple[str, ...]) -> tuple[str, ...]:
    """"2024-04 has data only to 2024-04-10, a partial month: ..." (or "only from", for a
    month the export starts inside of) for this import's months."""
    partial, _ = coverage(journey)
    whole = [m for m in periods(journey) if m not in partial]
    out = []
    for month in months:
        if month in partial:
            # the evidence comes from the latest complete month, before or after this one
            then = (f"the evidence comes from {whole[-1]}" if whole else
                    "no complete month yet, so no evidence is filled from it")
            out.append(f"{said(month, partial[month])}, a partial month: {then}")
    return tuple(out)


def set_link(store: Store, workshop_id: int, category: str, *, stage: str | None = None,
             pain_id: int | None = None, unmap_stage: bool = False,
             unmap_pain: bool = False) -> str:
    """Map a ticket category to a stage (by name or number) and/or a pain point, or undo
    either mapping; says what the category is mapped to afterwards."""
    require_editor(store, workshop_id)
    src = latest_source(store, workshop_id)
    if src is None:
        raise ValueError(f"Workshop {workshop_id} has no ticket data yet: run "
                         "`journeymap tickets import FILE --workshop ID` first.")
    journey = store.load(workshop_id)
    known = {r.group_value for r in journey.readings if r.group_kind == "category"}
    if category not in known:
        listed = ", ".join(sorted(known)[:8]) or "none"
        raise ValueError(f"There is no ticket category {category!r} in workshop "
                         f"{workshop_id}'s readings (categories: {listed}).")
    link: dict[str, Any] = json.loads(src.links or "{}").get(category, {})
    if stage is not None:
        link["stage"] = stage_id(journey.stages, stage, workshop_id)
    if pain_id is not None:
        if journey.pain_point(pain_id) is None:
            raise NotFound(f"Workshop {workshop_id} has no pain point {pain_id}.")
        link["pain"] = pain_id
    if unmap_stage:
        link.pop("stage", None)
    if unmap_pain:
        link.pop("pain", None)
    links = json.loads(src.links or "{}")
    links[category] = link
    if not link:
        del links[category]
    store.update(TicketSource, int(src.id or 0), links=json.dumps(links, ensure_ascii=False))
    _refresh_volumes(store, workshop_id)
    apply_to_map(store, workshop_id)
    journey = store.load(workshop_id)
    said = [f"stage {s.name!r}" for s in journey.stages if s.id == link.get("stage")]
    said += [f"pain point {p.id} ({p.ticket_volume:,} tickets/month)"
             for p in journey.pain_points if p.id == link.get("pain")]
    return f"{category!r} -> " + (", ".join(said) or "nothing (unmapped)")


def stage_id(stages: list[Stage], wanted: str, workshop_id: int) -> int:
    """The id of the stage named (or numbered, from 1) ``wanted``; NotFound lists the names."""
    for number, stage in enumerate(stages, start=1):
        if wanted.strip() == str(number) or stage.name.strip().casefold() == \
                wanted.strip().casefold():
            return int(stage.id or 0)
    names = ", ".join(s.name for s in stages)
    raise NotFound(f"Workshop {workshop_id} has no stage {wanted!r} (stages: {names}).")


def _refresh_volumes(store: Store, workshop_id: int) -> None:
    """A pain point's ticket volume follows its mapped categories' latest month."""
    journey = store.load(workshop_id)
    for pain_id, volume in pain_volumes(journey).items():
        pain = journey.pain_point(pain_id)
        if pain is not None and volume.value is not None and pain.ticket_volume != volume.value:
            store.update(PainPoint, pain_id, ticket_volume=int(volume.value))


def parse_target(text: str) -> tuple[float, bool]:
    """``-30%`` → (-0.3, relative); ``0.85`` or ``85%`` with ``=`` → absolute.

    A signed percentage is a change against the baseline reading; an unsigned number (or
    ``=85%``) is a value to reach.
    """
    raw = text.strip().replace("−", "-").replace(" ", "")
    absolute = raw.startswith("=")
    raw = raw.lstrip("=")
    percent = raw.endswith("%")
    number = raw.rstrip("%")
    try:
        value = float(number)
    except ValueError:
        raise ValueError(f"--target {text!r} is not a change such as -30% or a value such "
                         "as =0.85") from None
    if percent:
        value /= 100
    relative = not absolute and number[:1] in "+-" and number[:1] != ""
    return value, relative


def link_card(store: Store, workshop_id: int, card_id: int, *, metric: str, group: str,
              target: str) -> HypothesisCard:
    """Tie a card's signal to a metric of a group's readings and a target."""
    require_editor(store, workshop_id)
    if metric not in METRICS:
        raise ValueError(f"--metric {metric!r} is not a ticket metric; choose one of: "
                         f"{', '.join(METRICS)}.")
    journey = store.load(workshop_id)
    card = next((c for c in journey.cards if c.id == card_id), None)
    if card is None:
        raise NotFound(f"Workshop {workshop_id} has no card {card_id}.")
    kind, _, value = group.partition("=")
    if group != "all" and (kind not in GROUP_KINDS or not value):
        raise ValueError(f"--group {group!r} must be all or KIND=VALUE with KIND one of "
                         f"{', '.join(GROUP_KINDS)} (for example category=Login).")
    number, relative = parse_target(target)
    return store.update(HypothesisCard, card_id, signal_metric=metric, signal_group=group,
                        signal_target=number, signal_relative=relative)


def apply_to_map(store: Store, workshop_id: int, *, overwrite: bool = False) -> list[str]:
    """Fill the scope's evidence and the stage KPI baselines from the readings.

    Only empty fields unless ``overwrite``: what the room typed is not replaced silently.
    Each filled text carries its provenance; what was filled is returned, one line each.
    """
    require_editor(store, workshop_id)
    journey = store.load(workshop_id)
    ws = journey.workshop
    found = evidence(journey)
    done: list[str] = []
    changes: dict[str, Any] = {}
    volume = found["tickets per month"]
    if volume.value is not None and (overwrite or ws.evidence_ticket_volume is None):
        changes["evidence_ticket_volume"] = int(volume.value)
        done.append(f"evidence: {int(volume.value):,} tickets per month ({volume.provenance})")
    for key, field, metric in (
        ("resolution time (median hours)", "evidence_resolution_time", "ttr_median_hours"),
        ("transfer rate", "evidence_transfer_rate", "reassigned_rate"),
        ("CSAT (mean of answered)", "evidence_csat", "csat_mean"),
    ):
        figure = found[key]
        if figure.value is None or (getattr(ws, field) and not overwrite):
            continue
        text = f"{format_value(metric, figure.value)} ({figure.provenance})"
        changes[field] = text
        done.append(f"evidence: {key} {text}")
    if changes:
        store.update(Workshop, workshop_id, **changes)
    for stage in journey.stages:
        if stage.kpi_baseline is not None and not overwrite:
            continue
        base = baseline_from_data(journey, stage)
        if isinstance(base, str):
            continue
        done.append(_set_baseline(store, stage, *base))
    return done


def baseline_from_data(journey: Journey, stage: Stage,
                       metric: str | None = None) -> tuple[float, str, str] | str:
    """(value, unit, provenance) of the stage KPI's first reading, or why there is none.

    The first month is the baseline (weeks 1-2 of the plan).  The value follows the unit
    the stage states (percent unless "ratio"; hours, or days/minutes when the stage says
    so); a unit that cannot hold the metric (a "%" on a time) is replaced, not mislabelled.
    """
    base = stage_kpi(journey, stage, metric=metric)
    if base.value is None:
        return base.reason
    metric = metric or kpi_metric(stage.kpi_name) or ""
    value, unit = base.value, stage.kpi_unit
    said = unit.strip().casefold()
    if metric in COUNTS:
        unit = "answers" if metric == "csat_responses" else "tickets"
    elif metric in RATES:
        if said != "ratio":
            value, unit = value * 100, "%"
    elif metric.endswith("hours"):
        if said in ("days", "day"):
            value /= 24
        elif said in ("minutes", "min"):
            value *= 60
        else:
            unit = "hours"
    return value, unit, base.provenance


def _set_baseline(store: Store, stage: Stage, value: float, unit: str, provenance: str) -> str:
    store.update(Stage, int(stage.id or 0), kpi_baseline=round(value, 2), kpi_unit=unit)
    return f"stage {stage.name}: KPI baseline {value:.4g} {unit} ({provenance})"


def take_baseline(store: Store, workshop_id: int, stage_id: int, *,
                  metric: str | None = None) -> str:
    """Set one stage's KPI baseline from the readings, replacing a typed one; says what.

    The lead asked for this stage explicitly, so a typed baseline is replaced (the TUI
    asks first); ``metric`` names the reading when the KPI's name matches none.
    ValueError with the reason when the readings cannot give it.
    """
    require_editor(store, workshop_id)
    if metric is not None and metric not in METRICS:
        raise ValueError(f"{metric!r} is not a ticket metric; choose one of: "
                         f"{', '.join(METRICS)}.")
    journey = store.load(workshop_id)
    stage = next((s for s in journey.stages if s.id == stage_id), None)
    if stage is None:
        raise NotFound(f"Workshop {workshop_id} has no stage {stage_id}.")
    found = baseline_from_data(journey, stage, metric)
    if isinstance(found, str):
        raise ValueError(f"Stage {stage.name.strip()!r} gets no KPI baseline from the ticket "
                         f"data: {found}.")
    return _set_baseline(store, stage, *found)
