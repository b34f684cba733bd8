"""Inspect and import a ticket export in one streaming pass: the functions the CLI and TUI call.

``inspect_export`` reads the header and the first rows only, and returns the plan with its
ambiguities instead of raising on them, so a mapping dialog can ask. ``import_export`` refuses
(``TicketImportError``) anything it cannot import whole, and otherwise returns the cube of
metrics accumulators; it writes nothing anywhere, so a refused import changes nothing.

Bad rows: a row whose id or creation date is unreadable is skipped and counted, an unreadable
optional cell is left blank and counted; both are reported with the first line. More than half
of the rows skipped means the column is not what it was taken for, and the import is refused.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from models.tickets import dates
from models.tickets.cube import Cube
from models.tickets.errors import TicketImportError
from models.tickets.facts import Chunk, Durations, RowReader, aligned
from models.tickets.hours import Schedule
from models.tickets.mapping import ColumnPlan, plan_columns
from models.tickets.profiles import FIELDS
from models.tickets.reading import CsvLayout, iter_chunks, physical_lines, sniff

# The first block is also the sample that decides date orders and guesses columns; the
# later blocks are smaller because their cells then stay in the CPU caches (measured:
# reading 2,000-row blocks cost 1.25x the bare csv.reader, 10,000-row blocks 1.6x).
SAMPLE_ROWS = 10_000
CHUNK_ROWS = 2_000
_EPOCH = datetime(1970, 1, 1)
_LABELS = {"id": "the ticket id", "created": "the creation date"}


@dataclass(frozen=True)
class Inspection:
    """What a file looks like before importing it: layout, column plan, date orders, notes."""

    path: Path
    layout: CsvLayout
    plan: ColumnPlan
    date_kinds: dict[str, str]
    notes: tuple[str, ...]


@dataclass
class TicketImport:
    """A whole import: the metric accumulators and everything said about the file."""

    path: Path
    product: str
    columns: dict[str, str]
    rows: int
    tickets: int
    skipped_rows: int
    bad_cells: dict[str, tuple[int, int]]
    event_log: bool
    as_of: datetime | None
    cube: Cube
    notes: tuple[str, ...] = field(default=())
    schedule: Schedule | None = None


Blocks = Iterator[tuple[Sequence[int], list[list[str]]]]


def _prepare(
    path: Path, source: str, mapping: dict[str, str] | None, footer: list[int] | None = None
) -> tuple[Inspection, Blocks]:
    layout = sniff(path)
    chunks = iter_chunks(path, layout, CHUNK_ROWS, SAMPLE_ROWS, footer)
    head = next(chunks, None)
    if head is None:
        raise TicketImportError(path, "the file has a header but no data rows", line=2)
    sample_lines, sample_rows = head
    sample = list(zip(sample_lines, sample_rows, strict=True))
    plan = plan_columns(path, layout.header, sample_rows, source, mapping)
    if not plan.columns and not plan.candidates:
        raise TicketImportError(
            path, "no usable columns: none is a ticket id, a date, a status or a metric",
            line=1, column=layout.header[0], hint="columns: " + ", ".join(layout.header),
        )
    date_cols = [plan.columns[f] for f, k in FIELDS.items() if k == "date" and f in plan.columns]
    samples = {layout.header[i]: [r[i] for r in sample_rows] for i in date_cols}
    reason = f"{plan.product} default" + (", ';'-delimited" if layout.delimiter == ";" else "")
    day_first = plan.day_first or (plan.product == "generic" and layout.delimiter == ";")
    try:
        kinds, date_notes = dates.decide_orders(samples, day_first, reason)
    except ValueError as exc:
        column = str(exc)
        record = next(
            (n for n, r in sample if dates.evidence([r[layout.header.index(column)]])[1]), 0
        )
        line = physical_lines(path, layout, {record}).get(record, 2)
        raise TicketImportError(
            path, "the dates mix day-first and month-first values", line=line, column=column,
        ) from None
    notes = (*layout.notes, *plan.notes, *date_notes)
    inspection = Inspection(path, layout, plan, kinds, notes)
    return inspection, itertools.chain([head], chunks)


def inspect_export(
    path: Path | str, source: str = "auto", mapping: dict[str, str] | None = None
) -> Inspection:
    """The plan for ``path`` (ambiguous fields listed in ``plan.candidates``, not raised)."""
    inspection, _ = _prepare(Path(path), source, mapping)
    return inspection


def _require(path: Path, plan: ColumnPlan) -> None:
    for name, options in plan.candidates.items():
        raise TicketImportError(
            path, f"several columns could be {_LABELS.get(name, name)}: "
            + ", ".join(repr(o) for o in options),
            line=1, column=options[0], hint=f"choose one with --map {name}=COLUMN",
        )
    for name in plan.missing:
        raise TicketImportError(
            path, f"no column holds {_LABELS.get(name, name)}", line=1,
            column=plan.headers[0], hint=f"choose one with --map {name}=COLUMN",
        )


def import_export(
    path: Path | str, source: str = "auto", mapping: dict[str, str] | None = None,
    schedule: Schedule | None = None,
) -> TicketImport:
    """Read the whole export and accumulate its metrics, or refuse it in one sentence.

    With a ``schedule`` the durations are also counted in business hours (a cost per ticket
    that an import without one does not pay)."""
    path = Path(path)
    # An import allocates millions of small acyclic objects (cells, rows); cyclic GC passes
    # over the blocks held in memory are pure overhead, so it is paused for the import only.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        footer: list[int] = []
        inspection, blocks = _prepare(path, source, mapping, footer)
        plan = inspection.plan
        _require(path, plan)
        clock = None if schedule is None else schedule.clock()
        reader = RowReader(plan, inspection.date_kinds, clock)
        cube = Cube()
        latest: dict[str, _Kept] = {}
        count = _consume(path, blocks, reader, cube, plan, latest, inspection.layout)
    finally:
        if gc_was_on:
            gc.enable()
    if latest:
        kept = list(latest.values())
        ttr, frt = masked([k[5] for k in kept]), masked([k[6] for k in kept])
        business = [k[7] for k in kept if k[5] is not None], [
            k[8] for k in kept if k[6] is not None]
        cube.add_columns([k[2] for k in kept], [k[3] for k in kept], reader.key_table,
                         reader.flag_table, [k[4] for k in kept], ttr, frt,
                         *(business if clock is not None else (None, None)))
    _refuse_if_mostly_bad(path, inspection.layout, reader, count - reader.blank)
    notes = list(inspection.notes)
    if schedule is not None:
        notes.append(f"business hours: {schedule.summary()}")
    if plan.event_log:
        notes.append(f"event log: {count} rows for {len(latest)} tickets, latest update kept")
    named = {first for _, first in reader.bad.values()} | set(footer[:1])
    where = physical_lines(path, inspection.layout, named)
    if footer:
        notes.append(f"{len(footer)} line(s) of a single cell left out as a report footer "
                     f"(such as Salesforce's title and copyright), first on line "
                     f"{where.get(footer[0], 0)}")
    bad_cells = {c: (n, where.get(first, 0)) for c, (n, first) in reader.bad.items()}
    for column, (n, line) in bad_cells.items():
        notes.append(f"{n} unreadable value(s) in {column!r}, first on line {line}")
    if reader.skipped:
        notes.append(f"{reader.skipped} row(s) skipped: no readable id or creation date")
    as_of = None if reader.as_of is None else reader.as_of.replace(tzinfo=UTC)
    cube.as_of = None if reader.as_of is None else (reader.as_of - _EPOCH).total_seconds()
    return TicketImport(
        path=path,
        product=plan.product,
        columns={f: plan.headers[i] for f, i in plan.columns.items()},
        rows=count - reader.blank,
        tickets=cube.tickets,
        skipped_rows=reader.skipped,
        bad_cells=bad_cells,
        event_log=plan.event_log,
        as_of=as_of,
        cube=cube,
        notes=tuple(notes),
        schedule=schedule,
    )


def _refuse_if_mostly_bad(path: Path, layout: CsvLayout, reader: RowReader, rows: int) -> None:
    if reader.skipped * 2 <= rows and reader.skipped < rows:
        return
    plan = reader.plan
    needed = [plan.headers[plan.columns[f]] for f in ("created", "id")]
    column = next((c for c in needed if c in reader.bad), needed[0])
    n, record = reader.bad.get(column, [reader.skipped, 0])
    first = physical_lines(path, layout, {record}).get(record, 2)
    raise TicketImportError(
        path, f"{reader.skipped} of {rows} rows have no readable id or creation date "
        f"({n} unreadable in this column)", line=first, column=column,
        hint="check the column or choose another with --map created=COLUMN",
    )


# (rank, line, key index, flags index, created, hours to resolution, hours to first reply,
# the same two in business hours)
_Kept = tuple[float, int, int, int, datetime, "float | None", "float | None", "float | None",
              "float | None"]


def _consume(
    path: Path,
    blocks: Blocks,
    reader: RowReader,
    cube: Cube,
    plan: ColumnPlan,
    latest: dict[str, _Kept],
    layout: CsvLayout,
) -> int:
    """Feed the rows to the reader a chunk at a time; count them into the cube (one row per
    ticket) or keep the latest update of each ticket (event log). Returns the rows read."""
    count = 0
    seen: set[str] = set()
    id_column = plan.headers[plan.columns["id"]]
    for lines, rows in blocks:
        count += len(rows)
        chunk = reader.read_chunk(lines, rows)
        del rows
        if plan.event_log:
            _keep_latest(chunk, latest)
            continue
        before = len(seen)
        seen.update(chunk.ids)
        if len(seen) - before != len(chunk.ids):
            _refuse_duplicate(path, layout, chunk, seen, id_column)
        cube.add_columns(chunk.keys, chunk.flags, reader.key_table, reader.flag_table,
                         chunk.created, chunk.ttr, chunk.frt, chunk.ttr_business,
                         chunk.frt_business)
    return count


def masked(column: list[float | None]) -> Durations:
    """Per-ticket durations (None = none) as the cube takes them."""
    has = [v is not None for v in column]
    return has, [v for v in column if v is not None]


def _keep_latest(chunk: Chunk, latest: dict[str, _Kept]) -> None:
    ttr, frt = aligned(chunk.ttr), aligned(chunk.frt)
    none: list[float | None] = [None] * len(chunk.ids)
    ttr_b = none if chunk.ttr_business is None else aligned((chunk.ttr[0], chunk.ttr_business))
    frt_b = none if chunk.frt_business is None else aligned((chunk.frt[0], chunk.frt_business))
    for i, ticket in enumerate(chunk.ids):
        updated = chunk.updated[i]
        rank = float("-inf") if updated is None else (updated - _EPOCH).total_seconds()
        line = chunk.lines[i]
        kept = latest.get(ticket)
        if kept is None or (rank, line) >= (kept[0], kept[1]):
            latest[ticket] = (rank, line, chunk.keys[i], chunk.flags[i], chunk.created[i],
                              ttr[i], frt[i], ttr_b[i], frt_b[i])


def _refuse_duplicate(
    path: Path, layout: CsvLayout, chunk: Chunk, seen: set[str], id_column: str
) -> None:
    """Name the first row whose ticket id was already seen (in this chunk or earlier)."""
    earlier = seen.difference(chunk.ids)
    mine: set[str] = set()
    for ticket, line in zip(chunk.ids, chunk.lines, strict=True):
        if ticket in mine or ticket in earlier:
            line = physical_lines(path, layout, {line})[line]
            raise TicketImportError(
                path, f"ticket {ticket!r} appears on more than one row", line=line,
                column=id_column, hint="for one row per update use --source generic "
                "with --map updated=COLUMN",
            )
        mine.add(ticket)
