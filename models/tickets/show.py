"""The rows ``journeymap tickets show`` prints, from the stored readings: which import and
period answer the question, and the JSON objects of ``--format json``.

Apart from ``storage`` because it only reads what an import stored (no store, no writes).
"""

from __future__ import annotations

import json
from typing import Any

from models.db.tables.tickets import Reading, TicketSource
from models.tickets import metrics, output
from models.tickets.fields import GROUPINGS


def records(rows: list[Reading]) -> list[dict[str, Any]]:
    """Readings as the ``tickets show --format json`` objects (``output.KEYS`` + reopened)."""
    out = []
    for r in rows:
        record: dict[str, Any] = {"group": "all" if r.group_kind == "all" else r.group_value}
        for key in output.KEYS[1:]:
            value = getattr(r, key)
            record[key] = round(value, 4) if isinstance(value, float) else value
        record["reopened"] = r.reopened
        record["unavailable"] = json.loads(r.unavailable or "{}")
        record["n"] = json.loads(getattr(r, "counts", None) or "{}")
        out.append(record)
    return out


def zone_said(rows: list[Reading], sources: list[TicketSource]) -> str:
    """The sentence saying which zone the shown import read its times without one in
    ("" for an import stored before schema 14, which read them as UTC unsaid)."""
    src = next((s for s in sources if rows and s.id == rows[-1].source_id), None)
    if src is None or not src.zone:
        return ""
    return f"Times without a zone in {src.file_name} were read in {src.zone}."


def table_rows(journey_readings: list[Reading], sources: list[TicketSource], *,
               by: str | None = None, period: str | None = None) -> list[Reading]:
    """The readings of ``tickets show``: one period of the latest import that has it, groups
    largest first (``period``: each month of it, in order), ``all`` last.  ValueError (one
    sentence) when the period was not imported.

    ``by=None`` is the categories when the export has them, else the whole alone: many real
    exports (Front's, Kustomer's, a Salesforce "Details Only" report) have no category
    column, and their metrics are still worth seeing. A grouping asked for by name that the
    export lacks is refused, since the table would not be what was asked.
    """
    asked = by is not None
    by = by or "category"
    if by not in GROUPINGS:
        raise ValueError(f"--by must be one of {', '.join(GROUPINGS)}.")
    if not sources:
        raise ValueError("This workshop has no ticket data yet: run `journeymap tickets "
                         "import FILE --workshop ID` first.")
    if period:
        first, last = metrics.parse_period(period)
        wanted = first if first == last else f"{first}..{last}"
        pool = [r for r in journey_readings if r.period == wanted]
        if not pool:
            have = sorted({r.period for r in journey_readings})
            raise ValueError(f"No import covers the period {wanted} as a whole (imported: "
                             f"{', '.join(have)}); import that file with --period {wanted}.")
    else:
        newest = max(r.source_id for r in journey_readings)
        pool = [r for r in journey_readings if r.source_id == newest]
        spans = sorted({r.period for r in pool}, key=lambda p: (".." in p, p))
        wanted = spans[-1]
        pool = [r for r in pool if r.period == wanted]
    newest = max(r.source_id for r in pool)
    pool = [r for r in pool if r.source_id == newest]
    total = [r for r in pool if r.group_kind == "all"]
    if by == "period":
        return [*_months(journey_readings, newest, wanted), *total]
    groups = [r for r in pool if r.group_kind == by]
    if not groups and total and asked:
        src = next((s for s in sources if s.id == newest), None)
        raise ValueError(f"The export {src.file_name if src else ''} has no {by} column, so "
                         "tickets cannot be grouped by it.")
    groups.sort(key=lambda r: (-r.tickets, r.group_value))
    return [*groups, *total]


def groupings(journey_readings: list[Reading], rows: list[Reading]) -> list[str]:
    """The ``--by`` names the import behind ``rows`` can answer, in ``GROUPINGS`` order.

    Why: an export without a category column is shown as its totals, and the sentence
    under them offers another grouping; offering a column the export lacks sends the
    lead to a refusal.  Every import stores its months, so ``period`` always answers.
    """
    if not rows:
        return []
    source = rows[-1].source_id
    kinds = {r.group_kind for r in journey_readings if r.source_id == source}
    return [g for g in GROUPINGS if g in kinds or g == "period"]


def _months(journey_readings: list[Reading], source_id: int, span: str) -> list[Reading]:
    """The ``all`` reading of each month of ``span`` that import ``source_id`` stored, as
    unsaved rows grouped by period (the month is the group), oldest first."""
    first, last = metrics.parse_period(span)
    months = sorted((r for r in journey_readings if r.source_id == source_id
                     and r.group_kind == "all" and ".." not in r.period
                     and first <= r.period <= last), key=lambda r: r.period)
    return [Reading.model_validate({**r.model_dump(), "id": None, "group_kind": "period",
                                    "group_value": r.period}) for r in months]
