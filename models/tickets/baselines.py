"""The map filled from the readings: the scope's evidence and the stages' KPI baselines,
each with its provenance (file, month, n).

Only empty fields are filled after an import: what the room typed is not replaced silently;
``take_baseline`` replaces one stage's on the lead's explicit request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.db.journey import Journey
from models.db.store import NotFound, Store
from models.db.store_edits import ChangedMeanwhile
from models.db.tables.workshop import Stage, Workshop
from models.rules.measures import (
    COUNTS,
    RATES,
    evidence,
    format_value,
    kpi_metric,
    stage_kpi,
)
from models.rules.numbers import fmt_number
from models.tickets.editing import require_editor
from models.tickets.readings import METRICS


@dataclass(frozen=True)
class Applied:
    """What a fill from the readings wrote (``filled``) and what it left because a seat
    changed it after the fill's read (``kept``), one line each."""

    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def apply_to_map(store: Store, workshop_id: int, *, overwrite: bool = False) -> Applied:
    """Fill the scope's evidence and the stage KPI baselines from the readings.

    Only empty fields unless ``overwrite``: what the room typed is not replaced silently.
    Each filled text carries its provenance; what was filled is returned, one line each.

    The figures come from a read made before the write (the readings cannot be read
    inside it on a file), so each field is written only over the value that read found
    (``update``'s ``expect``, checked under the write's lock).  A value a seat set after
    the read, such as a baseline typed by hand while an import ran, is the newer one and
    the lead's: it is kept and said in ``kept`` with who set it, never replaced by a
    measured figure the lead did not see it against.  That also holds with ``overwrite``,
    whose consent was to replace the values shown then.  It is never an error either: an
    import calls this after its source is saved.  A stage deleted meanwhile is skipped.
    """
    require_editor(store, workshop_id)
    journey = store.load(workshop_id)
    ws = journey.workshop
    found = evidence(journey)
    wanted: list[_Fill] = []
    volume = found["tickets per month"]
    if volume.value is not None and (overwrite or ws.evidence_ticket_volume is None):
        wanted.append(_Fill(Workshop, workshop_id, {"evidence_ticket_volume": int(volume.value)},
                            {"evidence_ticket_volume": ws.evidence_ticket_volume},
                            f"evidence: {int(volume.value):,} tickets per month",
                            volume.provenance))
    for key, name, metric in (
        ("resolution time (median hours)", "evidence_resolution_time", "ttr_median_hours"),
        ("transfer rate", "evidence_transfer_rate", "reassigned_rate"),
        ("CSAT (mean of answered)", "evidence_csat", "csat_mean"),
    ):
        figure = found[key]
        if figure.value is None or (getattr(ws, name) and not overwrite):
            continue
        shown = format_value(metric, figure.value)
        wanted.append(_Fill(Workshop, workshop_id, {name: f"{shown} ({figure.provenance})"},
                            {name: getattr(ws, name)}, f"evidence: {key} {shown}",
                            figure.provenance))
    for stage in journey.stages:
        if stage.kpi_baseline is not None and not overwrite:
            continue
        base = baseline_from_data(journey, stage)
        if isinstance(base, str):
            continue
        value, unit, provenance = base
        wanted.append(_Fill(Stage, int(stage.id or 0),
                            {"kpi_baseline": round(value, 2), "kpi_unit": unit},
                            {"kpi_baseline": stage.kpi_baseline, "kpi_unit": stage.kpi_unit,
                             "kpi_name": stage.kpi_name},
                            _baseline_said(stage, value, unit), provenance))
    return _write_fills(store, wanted)


@dataclass(frozen=True)
class _Fill:
    """One row's fields to fill, the values they held at the read, and the figure said."""

    model: type[Workshop] | type[Stage]
    row_id: int
    values: dict[str, Any]
    seen: dict[str, Any]
    what: str
    provenance: str


def _write_fills(store: Store, wanted: list[_Fill]) -> Applied:
    """Each fill over the value its read found, in one write; the rest kept and said."""
    done = Applied()
    if not wanted:
        return done
    with store.write():
        for fill in wanted:
            try:
                store.update(fill.model, fill.row_id, expect=fill.seen, **fill.values)
            except ChangedMeanwhile as exc:
                words = exc.field.replace("_", " ").replace("kpi", "KPI")
                done.kept.append(f"{fill.what}: not written, {exc.who or 'someone else'} "
                                 f"changed the {words} meanwhile (now {_shown(exc.theirs)})")
                continue
            except NotFound:
                continue  # the stage was deleted meanwhile: nothing of it to fill
            done.filled.append(f"{fill.what} ({fill.provenance})")
    return done


def _shown(value: Any) -> str:
    return "empty" if value in (None, "") else (fmt_number(value) if isinstance(
        value, float) else str(value))


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


def _baseline_said(stage: Stage, value: float, unit: str) -> str:
    return f"stage {stage.name}: KPI baseline {fmt_number(round(value, 2))} {unit}"


def _set_baseline(store: Store, stage: Stage, value: float, unit: str, provenance: str) -> str:
    store.update(Stage, int(stage.id or 0), kpi_baseline=round(value, 2), kpi_unit=unit)
    return f"{_baseline_said(stage, value, unit)} ({provenance})"


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
