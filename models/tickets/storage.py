"""Keeping imports next to the map: a ticket source per import and its dated readings.

Each import writes one ``TicketSource`` and all its ``Reading`` rows (``readings``) in one
transaction, so a refused or failed import leaves the workshop exactly as it was; then the
pain volumes follow (``links``) and the empty evidence and baselines are filled
(``baselines``). The column mapping and the category links of the workshop's latest source
are carried to the next one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import select

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.tickets import Reading, TicketSource
from models.rules.measures import coverage, periods
from models.rules.months import said
from models.tickets import checks, metrics
from models.tickets.baselines import apply_to_map
from models.tickets.editing import (
    latest_source,
    latest_source_in,
    require_editor,
    schedule_of,
)
from models.tickets.json_export import readable
from models.tickets.links import refresh_volumes
from models.tickets.readings import build_readings

if TYPE_CHECKING:
    from models.tickets.engine import Progress, TicketImport


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
    # the evidence and baselines left because a seat set them while the import ran
    kept: tuple[str, ...] = ()


def remembered_mapping(previous: TicketSource | None, header: tuple[str, ...],
                       source: str) -> dict[str, str]:
    """Last import's column mapping, for the columns this file has (same product or auto)."""
    if previous is None or source not in ("auto", previous.product):
        return {}
    names = set(header)
    columns: dict[str, str] = json.loads(previous.columns or "{}")
    return {f: c for f, c in columns.items() if c in names or checks.fits(c, header)}


def lost_columns(previous: TicketSource, kept: dict[str, str], columns: dict[str, str]
                 ) -> list[str]:
    """The fields last import read from a column this file does not have (renamed in the
    product, or dropped from the export's view) and this import reads from none, said in
    one note: their metrics, and the cards measured by them, would otherwise stop without a
    word. A field found again under another name loses nothing and is not said."""
    before: dict[str, str] = json.loads(previous.columns or "{}")
    lost = [f"{field} from {column!r}" for field, column in before.items()
            if field not in kept and field not in columns]
    if not lost:
        return []
    which = "it is" if len(lost) == 1 else "they are"
    return [f"{previous.file_name} read {', '.join(lost)}, which this file does not have: "
            f"{which} not read this time (--map FIELD=COLUMN names the new column)"]


def _refuse_mixed_dates(path: Path, imp: TicketImport, source: str,
                        given: dict[str, str]) -> None:
    """Refuse a date column of mixed formats (only looked for when the engine reported
    unreadable date cells)."""
    bad = checks.date_columns(imp.columns) & set(imp.bad_cells)
    if bad:
        from models.tickets import engine

        kinds = engine.inspect_export(path, source=source, mapping=given or None).date_kinds
        checks.refuse_mixed_dates(path, kinds, bad)


def import_file(store: Store, workshop_id: int, path: str | Path, *, source: str = "auto",
                mapping: dict[str, str] | None = None, period: str | None = None,
                dry_run: bool = False, progress: Progress | None = None,
                zone: str | None = None) -> ImportResult:
    """Import one export into the workshop: every reading or none (``TicketImportError``).

    The engine (and its data-frame library) is imported here, by the one command that reads
    a file, not by the commands that only show stored readings. ``progress`` is told the
    rows read after each batch; an exception it raises stops the import before anything is
    written. ``zone``: the IANA zone of the export's times without one (``engine``); the
    zone used is stored with the import and said with its figures. It is not carried to
    next month's import as the columns are: without one, the workshop's schedule gives it
    again, and a carried guess would outlive a change of schedule."""
    from models.tickets import engine

    if not dry_run:
        require_editor(store, workshop_id)
    else:
        store.get_workshop(workshop_id)
    if period:
        metrics.parse_period(period)
    previous = latest_source(store, workshop_id)
    given = dict(mapping or {})
    schedule = schedule_of(store.get_workshop(workshop_id))
    # a JSON export is converted once, and every read below (the engine's, the checks') is
    # of its CSV copy; places are said in the JSON file's terms
    with readable(Path(path)) as copy:
        if previous is not None and source in ("auto", previous.product):
            header = engine.inspect_export(copy.path, source=source,
                                           mapping=given or None).layout.header
            given = {**remembered_mapping(previous, header, source), **given}
        imp = engine.import_export(copy.path, source=source, mapping=given or None,
                                   schedule=schedule, progress=progress, zone=zone,
                                   events="updated" in (mapping or {}))
        _refuse_mixed_dates(copy.path, imp, source, given)
        # another product's file (the chat tool's after the email tool's) is not last
        # month's export renamed: its columns are its own
        lost = (lost_columns(previous, given, imp.columns)
                if previous is not None and imp.product == previous.product else [])
        imp.notes = copy.said((*copy.notes, *imp.notes, *lost))
    readings = build_readings(imp, period)
    if imp.as_of is not None and any(r.backlog_open for r in readings):
        imp.notes = (*imp.notes, checks.aged_to(imp.as_of))
    months = tuple(sorted({r.period for r in readings if ".." not in r.period}))
    if not months:
        raise ValueError(f"{Path(path).name}: no ticket was created in the period {period}.")
    shown = checks.as_chosen(imp.columns, given)
    imp.notes = (*imp.notes, *replaced(store, workshop_id, months))
    if dry_run:
        return ImportResult(imp, readings, months, None, shown)
    span = months[0] if len(months) == 1 else f"{months[0]}..{months[-1]}"
    with store.write() as s:
        # read again under the write's lock: a category mapped while the file was read
        # is carried too (``previous`` was read before it)
        latest = latest_source_in(s, workshop_id)
        links = latest.links if latest is not None else "{}"
        src = TicketSource(workshop_id=workshop_id, file_name=Path(path).name,
                           product=imp.product,
                           columns=json.dumps(checks.remembered(imp.columns, given),
                                              ensure_ascii=False),
                           links=links, rows=imp.rows, tickets=imp.tickets, periods=span,
                           notes="\n".join(imp.notes), imported_by=store.who,
                           data_until=imp.as_of, data_from=imp.data_from, zone=imp.zone)
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
    refresh_volumes(store, workshop_id)
    applied = apply_to_map(store, workshop_id)
    return ImportResult(imp, readings, months, source_id, shown, tuple(applied.filled),
                        _partial_said(store.load(workshop_id), months), tuple(applied.kept))


def replaced(store: Store, workshop_id: int, months: tuple[str, ...]) -> list[str]:
    """Which earlier import each of ``months`` was read from, said per file.

    A month's readings come from its latest import, whole: a second file for the same month
    (the chat tool's export after the email tool's) replaces the first one's figures rather
    than adding to them, which the person importing must be told."""
    with store.read() as s:
        found = s.exec(
            select(Reading.period, TicketSource.id, TicketSource.file_name, TicketSource.product)
            .join(TicketSource, Reading.source_id == TicketSource.id)  # type: ignore[arg-type]
            .where(Reading.workshop_id == workshop_id, Reading.group_kind == "all",
                   Reading.period.in_(months))  # type: ignore[attr-defined]
        ).all()
    latest: dict[str, tuple[int, str, str]] = {}
    for month, source_id, name, product in found:
        number = int(source_id or 0)
        if month not in latest or latest[month][0] < number:
            latest[month] = (number, name, product)
    by_file: dict[tuple[int, str, str], list[str]] = {}
    for month in sorted(latest):
        by_file.setdefault(latest[month], []).append(month)
    out = []
    for (_, name, product), taken in sorted(by_file.items()):
        said = taken[0] if len(taken) == 1 else f"{', '.join(taken[:-1])} and {taken[-1]}"
        verb = "was" if len(taken) == 1 else "were"
        whose = "that month" if len(taken) == 1 else "those months"
        article = "an" if product[:1] in "aeiou" else "a"
        out.append(f"{said} {verb} imported before from {name} ({article} {product} export): this "
                   f"import's figures replace its figures for {whose}, they are not added "
                   "to them")
    return out


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
