"""Inspect and import a ticket export: the functions the CLI and TUI call.

``inspect_export`` reads the header and the first rows only (the stdlib reader: this sample
decides the columns and the date orders), and returns the plan with its ambiguities instead
of raising on them, so a mapping dialog can ask. ``import_export`` refuses
(``TicketImportError``) anything it cannot import whole, and otherwise returns the cube of
the tickets' facts (read and computed by polars: ``load``, ``facts``, ``cube``); it writes
nothing anywhere, so a refused import changes nothing.

Bad rows: a row whose id or creation date is unreadable is skipped and counted, an unreadable
optional cell is left blank and counted; both are reported with the first line. More than half
of the rows skipped means the column is not what it was taken for, and the import is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from models.rules.counts import plural
from models.tickets import checks, dates, values, zones
from models.tickets.cube import Cube
from models.tickets.errors import TicketImportError
from models.tickets.facts import Facts, build
from models.tickets.fields import FIELDS
from models.tickets.hours import Schedule
from models.tickets.json_export import readable
from models.tickets.load import Unreadable, iter_frames
from models.tickets.mapping import ColumnPlan, plan_columns
from models.tickets.reading import CsvLayout, iter_chunks, physical_lines, sniff

if TYPE_CHECKING:
    import polars as pl

# The rows that decide date orders and guess columns.
SAMPLE_ROWS = 10_000
_EPOCH = datetime(1970, 1, 1)
_LABELS = {"id": "the ticket id", "created": "the creation date"}
# the kinds of cell whose decimal mark shows the file's locale (values.decimal_comma_of)
_NUMERIC = frozenset({"number", "csat", "count"})


@dataclass(frozen=True)
class Inspection:
    """What a file looks like before importing it: layout, column plan, date orders, notes."""

    layout: CsvLayout
    plan: ColumnPlan
    date_kinds: dict[str, str]
    notes: tuple[str, ...]
    # date columns whose cells have no time of day: no duration in hours is taken from them
    date_only: tuple[str, ...] = ()
    # date columns whose times name no zone (neither in the cells nor in the header)
    zoneless: tuple[str, ...] = ()


@dataclass
class TicketImport:
    """A whole import: the tickets' facts and everything said about the file."""

    product: str
    columns: dict[str, str]
    rows: int
    tickets: int
    skipped_rows: int
    bad_cells: dict[str, tuple[int, int]]
    event_log: bool
    as_of: datetime | None
    cube: Cube
    # The earliest creation (UTC): a first month that starts late is partial, like a last
    # month that ends early (``as_of``).
    data_from: datetime | None = None
    notes: tuple[str, ...] = field(default=())
    date_only: tuple[str, ...] = ()
    # the IANA zone the times without one were read in (UTC when none was given or implied)
    zone: str = "UTC"


def _prepare(path: Path, source: str, mapping: dict[str, str] | None,
             scheduled: bool = False, events: bool | None = None) -> Inspection:
    layout = sniff(path)
    head = next(iter_chunks(path, layout, SAMPLE_ROWS), None)
    if head is None:
        raise TicketImportError(path, "the file has a header but no data rows", line=2)
    sample_lines, sample_rows = head
    plan = plan_columns(path, layout.header, sample_rows, source, mapping, events)
    if not plan.columns and not plan.candidates:
        raise TicketImportError(
            path, "no usable columns: none is a ticket id, a date, a status or a metric",
            line=1, column=layout.header[0], hint="columns: " + ", ".join(layout.header),
        )
    date_cols = [plan.columns[f] for f, k in FIELDS.items() if k == "date" and f in plan.columns]
    samples = {layout.header[i]: [r[i] for r in sample_rows] for i in date_cols}
    # No product writes ';' between fields: a spreadsheet re-saved the file in a locale whose
    # decimal mark is a comma, and every such locale writes the day first (Excel re-writes
    # the dates in the locale's order, whatever order the product exported).
    resaved = layout.delimiter == ";"
    reason = ("';'-delimited, as a spreadsheet saves it where the day is written first"
              if resaved else f"{plan.product} default")
    day_first = plan.day_first or resaved
    numbers = {layout.header[i]: [r[i] for r in sample_rows]
               for f, i in plan.columns.items() if FIELDS[f] in _NUMERIC}
    decimal_comma, mark_note = values.decimal_comma_of(numbers, samples, resaved)
    plan = replace(plan, decimal_comma=decimal_comma)
    try:
        kinds, date_notes = dates.decide_orders(samples, day_first, reason)
    except ValueError as exc:
        # The refused column has a day-first value in the sample (that is why it is mixed).
        column = str(exc)
        at = layout.header.index(column)
        record = next(
            sample_lines[i] for i, r in enumerate(sample_rows) if dates.evidence([r[at]])[1]
        )
        line = physical_lines(path, layout, {record})[record]
        raise TicketImportError(
            path, "the dates mix day-first and month-first values", line=line, column=column,
        ) from None
    zoned = [(h, z) for h in samples if (z := zones.header_zone(h)) is not None]
    date_notes += [f"{h!r}: times read in {z}, the zone its name gives" for h, z in zoned]
    date_only = tuple(h for h, cells in samples.items() if dates.without_time(cells))
    date_notes += [f"{h!r} holds dates without a time of day: no duration in hours is taken "
                   "from it" for h in date_only]
    notes = (*layout.notes, *plan.notes, *date_notes, *([mark_note] if mark_note else []))
    # only an import with business hours or a zone says it (every sample cell is looked
    # at: not free)
    zoneless = tuple(h for h, cells in samples.items() if scheduled and
                     zones.header_zone(h) is None and dates.without_zone(cells))
    return Inspection(layout, plan, kinds, notes, date_only, zoneless)


def inspect_export(
    path: Path | str, source: str = "auto", mapping: dict[str, str] | None = None
) -> Inspection:
    """The plan for ``path`` (ambiguous fields listed in ``plan.candidates``, not raised); a
    JSON export is read as its CSV copy (``json_export``)."""
    with readable(Path(path)) as copy:
        found = _prepare(copy.path, source, mapping)
        return replace(found, notes=copy.said((*copy.notes, *found.notes)))


def _require(path: Path, plan: ColumnPlan) -> None:
    for name, options in plan.candidates.items():
        raise TicketImportError(
            path, f"several columns could be {_LABELS[name]}: "
            + ", ".join(repr(o) for o in options),
            line=1, column=options[0], hint=f"choose one with --map {name}=COLUMN",
        )
    for name in plan.missing:
        raise TicketImportError(
            path, f"no column holds {_LABELS[name]}", line=1,
            column=plan.headers[0], hint=f"choose one with --map {name}=COLUMN",
        )


Progress = Callable[[int], None]


def _counted(frames: Iterable[pl.DataFrame], progress: Progress | None
             ) -> Iterator[pl.DataFrame]:
    """The batches, telling ``progress`` the rows read so far after each one (it may raise
    to stop the import: nothing has been stored yet)."""
    read = 0
    for frame in frames:
        yield frame
        read += frame.height
        if progress is not None:
            progress(read)



def _one_row_per_update(plan: ColumnPlan) -> str:
    """The way out of a repeated id: an update column, in the product's own reading (a
    product export read as generic loses it: Freshdesk's business-hours columns are read
    as calendar hours), naming the export's update column when it has one."""
    if plan.product == "generic":
        return "for one row per update use --source generic with --map updated=COLUMN"
    named = plan.column_name("updated")
    return "for one row per update use --map updated=COLUMN" + (
        f" ({named!r} here)" if named else "")


def import_export(
    path: Path | str, source: str = "auto", mapping: dict[str, str] | None = None,
    schedule: Schedule | None = None, progress: Progress | None = None,
    zone: str | None = None, events: bool | None = None,
) -> TicketImport:
    """Read the whole export and compute its tickets' facts, or refuse it in one sentence.

    With a ``schedule`` the durations are also counted in business hours (a cost per ticket
    that an import without one does not pay). ``progress`` is told the rows read after each
    batch (``load.BATCH_ROWS`` records), for a long import to show it is moving, or to stop
    it. A JSON export is read as its CSV copy (``json_export``): the same mapping and definitions.
    ``zone`` (an IANA name) is the zone the export wrote its times without one in; without
    it, a schedule's zone is taken (``_zone_for`` says why), else UTC."""
    if zone is not None:
        zones.typed_zone(zone)
    with readable(Path(path)) as copy:
        found = _import(copy.path, source, mapping, schedule, progress, zone, events)
        found.notes = copy.said((*copy.notes, *found.notes))
        return found


def _import(path: Path, source: str, mapping: dict[str, str] | None,
            schedule: Schedule | None, progress: Progress | None, zone: str | None,
            events: bool | None = None) -> TicketImport:
    inspection = _prepare(path, source, mapping,
                          scheduled=schedule is not None or zone is not None, events=events)
    plan, layout = inspection.plan, inspection.layout
    _require(path, plan)
    zone, zone_note = _zone_for(inspection.zoneless, schedule, zone)
    plan = replace(plan, zone=None if zone in _UTC else zone)
    footer: list[int] = []
    used = sorted(set(plan.columns.values()))
    clock = None if schedule is None else schedule.clock()
    try:
        facts = build(_counted(iter_frames(path, layout, used, footer), progress), plan,
                      inspection.date_kinds, clock)
    except Unreadable:
        footer.clear()
        facts = build(_counted(iter_frames(path, layout, used, footer, normalise=True),
                               progress), plan, inspection.date_kinds, clock)
    if facts.duplicate is not None:
        ticket, record = facts.duplicate
        line = physical_lines(path, layout, {record})[record]
        raise TicketImportError(
            path, f"ticket {ticket!r} appears on more than one row", line=line,
            column=plan.headers[plan.columns["id"]], hint=_one_row_per_update(plan),
            ask="updated",
        )
    _refuse_if_mostly_bad(path, layout, plan, facts)
    # At least half of the rows (one or more) were kept, each with a readable creation date.
    as_of, data_from = facts.as_of, facts.data_from
    assert as_of is not None
    assert data_from is not None
    cube = Cube(facts.frame, clock is not None, (as_of - _EPOCH).total_seconds())
    notes = list(inspection.notes)
    if schedule is not None:
        notes.append(f"business hours: {schedule.summary()}")
    notes += zone_note
    if plan.event_log and facts.rows > cube.tickets:
        # an incident list with its sys_updated_on is read the same way, but has one row
        # per ticket: nothing was left out, so nothing is said
        notes.append(f"event log: {facts.rows} rows for {cube.tickets} tickets, "
                     "latest update kept")
    report = facts.report_rows[:1]
    where = physical_lines(path, layout, {first for _, first in facts.bad.values()} | set(footer)
                           | set(report)
                           | {record for record, _ in facts.left_out})
    if report:
        notes.append(f"{plural(len(facts.report_rows), 'row')} with neither "
                     f"{plan.headers[plan.columns['id']]!r} nor "
                     f"{plan.headers[plan.columns['created']]!r} left out (a report's group "
                     f"headings, subtotals and totals), first on line {where[report[0]]}")
    if footer:
        notes.append(f"{plural(len(footer), 'line')} of a single cell left out as a report footer "
                     f"(such as Salesforce's title and copyright), first on line "
                     f"{where[footer[0]]}")
    bad_cells = {c: (n, where[first]) for c, (n, first) in facts.bad.items()}
    status = plan.headers[plan.columns["status"]] if "status" in plan.columns else None
    for column, (n, line) in bad_cells.items():
        notes.append(f"{plural(n, 'unreadable value')} in {column!r}, first on line {line}")
        if column == status:
            notes.append(f"a status word it does not know (as on line {line}) is neither open "
                         "nor resolved: such a ticket is resolved only when it has a "
                         "resolution time, and never counted in the backlog")
    if facts.skipped:
        notes.append(f"{plural(facts.skipped, 'row')} skipped: no readable id or creation date")
    notes += [checks.left_out(where[record], first) for record, first in facts.left_out]
    return TicketImport(
        product=plan.product,
        columns={f: plan.headers[i] for f, i in plan.columns.items()},
        rows=facts.rows,
        tickets=cube.tickets,
        skipped_rows=facts.skipped,
        bad_cells=bad_cells,
        event_log=plan.event_log,
        as_of=as_of.replace(tzinfo=UTC),
        cube=cube,
        data_from=data_from.replace(tzinfo=UTC),
        notes=tuple(notes),
        date_only=inspection.date_only,
        zone=zone,
    )


_UTC = ("UTC", "Etc/UTC")


def _zone_for(zoneless: tuple[str, ...], schedule: Schedule | None, given: str | None
              ) -> tuple[str, list[str]]:
    """The zone the times without one are read in, and the note that says so.

    Given, it is used. Without it, under a business-hours schedule, the schedule's zone:
    products write such times in a local zone, not UTC (Zendesk's CSV in the account's
    zone, ServiceNow's list in the exporting user's, HubSpot's in the user's), and the
    schedule is the working week of the team whose account or person exported the file,
    so its zone is the likelier one; read as UTC, every business-hours figure was off by
    the offset (session 12: a Berlin 1.0 h median came out 1.75 h). It stays a guess,
    so the note names the columns and the way to say otherwise. Without either, UTC: no
    zone is known, and calendar durations are off only across a clock change."""
    named = ", ".join(repr(c) for c in zoneless)
    if given is not None:
        said = [f"{named} give no time zone: read in {given}, the zone given for the "
                "import"] if zoneless else []
        return given, said
    if schedule is None or schedule.tz in _UTC:
        return "UTC", []
    said = [f"{named} give no time zone: read in {schedule.tz}, the business hours' zone "
            "(products write local times: Zendesk's CSV the account's zone, ServiceNow the "
            "exporting user's); if the export was written in another zone, import it "
            "again with --zone"] if zoneless else []
    return schedule.tz, said


def _refuse_if_mostly_bad(path: Path, layout: CsvLayout, plan: ColumnPlan, facts: Facts
                          ) -> None:
    # A file of no data rows is refused before it is read, so ``rows`` is never 0 here, and
    # a skipped row is one whose id or creation cell is unreadable: that cell is in
    # ``facts.bad``.
    rows, skipped = facts.rows, facts.skipped
    if skipped * 2 <= rows:
        return
    needed = [plan.headers[plan.columns[f]] for f in ("created", "id")]
    column = next(c for c in needed if c in facts.bad)
    n, record = facts.bad[column]
    first = physical_lines(path, layout, {record})[record]
    raise TicketImportError(
        path, f"{skipped} of {rows} rows have no readable id or creation date "
        f"({n} unreadable in this column)", line=first, column=column,
        hint="check the column or choose another with --map created=COLUMN",
    )
