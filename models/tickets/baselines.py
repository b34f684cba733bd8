"""The map filled from the readings: the scope's evidence and the stages' KPI baselines,
each with its provenance (file, month, n).

Only empty fields are filled after an import: what the room typed is not replaced silently;
``take_baseline`` replaces one stage's on the lead's explicit request.
"""

from __future__ import annotations

from typing import Any

from models.db.journey import Journey
from models.db.store import NotFound, Store
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
    return f"stage {stage.name}: KPI baseline {fmt_number(round(value, 2))} {unit} ({provenance})"


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
