"""The metrics table as plain data: the JSON list of ``tickets show --format json``; its CSV
is written by ``models.export.spreadsheet`` like every CSV of the app.

Keys are fixed and documented in docs/tickets.md; rates stay fractions 0-1, hours stay hours,
and an unavailable metric is ``null`` with its reason under ``unavailable``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from models.tickets.metrics import GroupMetrics
from models.tickets.stats import WAIT_SERIES

KEYS = (
    "group", "period", "tickets", "fcr_rate", "fcr_is_proxy", "fcr_method", "reopen_rate",
    "ttr_median_hours", "ttr_p90_hours", "first_response_median_hours", "csat_mean",
    "csat_responses", "csat_satisfied_share", "reassigned_rate", "sla_met_rate",
    "backlog_open", "backlog_median_age_hours", "ttr_business_median_hours",
    "ttr_business_p90_hours", "frt_business_median_hours",
    *(f"{s}_{stat}_hours" for s in WAIT_SERIES for stat in ("median", "p90")),
)


def _round(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value


def metrics_records(rows: list[GroupMetrics]) -> list[dict[str, Any]]:
    """One dict per row in KEYS order, plus ``unavailable`` {metric: reason}."""
    out = []
    for row in rows:
        data = asdict(row)
        record = {k: _round(data[k]) for k in KEYS}
        record["unavailable"] = dict(row.unavailable)
        out.append(record)
    return out


def metrics_json(rows: list[GroupMetrics]) -> str:
    """The JSON text: a list with one object per group and one whose group is "all"."""
    from models.export.json_text import dumps

    return dumps(metrics_records(rows), indent=2)

