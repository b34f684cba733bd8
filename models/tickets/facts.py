"""The export's text columns → one row of facts per ticket, column-wise in polars.

A fact row is the ticket's cell (month, category, channel, priority, group), its answers
(state, reopens, reassigned, replies, FCR, SLA, CSAT) and its durations in hours (to
resolution, to first response, the same in business hours) plus the creation of an open
ticket. The meaning of every cell comes from ``dates``, ``values`` and ``answers`` (through
``cells``); this module only decides which rows are tickets:

- a row whose id or creation date is unreadable (a blank, a placeholder, a 1900 sentinel)
  is left out: a repeated header row or a totals row (``checks.TOTALS``) is kept by record
  to be named once as what it is, any other is skipped and counted; an unreadable optional
  cell is left blank and counted, each with the first record it occurs on, so the engine can
  name its line;
- an event log keeps the latest update of each ticket (ties: the later line);
- a ticket id on two rows of a file that is not an event log is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

import polars as pl

from models.tickets import cells, checks, values, worked, zones
from models.tickets.answers import ANSWER_FIELDS
from models.tickets.fields import DIMENSIONS
from models.tickets.hours import BusinessClock
from models.tickets.load import REC
from models.tickets.mapping import ColumnPlan
from models.tickets.stats import NONE_LABEL, WAIT_SERIES

DATE_FIELDS = ("created", "resolved", "closed", "updated", "first_response_at")
_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
_HOUR_US = 3_600_000_000.0


@dataclass
class Facts:
    """The tickets, one row each, and what was said about the rows on the way."""

    frame: pl.DataFrame
    rows: int  # records read (blank ones and a footer excepted)
    bad: dict[str, list[int]] = field(default_factory=dict)  # column → [count, first record]
    skipped: int = 0
    # (record, its first cell or checks.HEADER_AGAIN) of each totals and repeated header row
    left_out: list[tuple[int, str]] = field(default_factory=list)
    as_of: datetime | None = None
    data_from: datetime | None = None  # the earliest creation: where the export's data starts
    duplicate: tuple[str, int] | None = None  # (ticket id, record) of a repeated id
    # records with neither an id nor a creation date: a report's group headings, subtotals
    # and totals, not tickets (left out before counting, so they never refuse a file)
    report_rows: list[int] = field(default_factory=list)


class _Bad:
    """Unreadable cells per column: how many, and the first record."""

    def __init__(self, plan: ColumnPlan) -> None:
        self.plan = plan
        self.found: dict[str, list[int]] = {}

    def add(self, index: int, mask: pl.Series, records: pl.Series) -> None:
        hits = records.filter(mask)
        if not len(hits):
            return
        name = self.plan.headers[index]
        first = int(hits.min())  # type: ignore[arg-type]
        entry = self.found.get(name)
        if entry is None:
            self.found[name] = [len(hits), first]
        else:
            entry[0] += len(hits)
            entry[1] = min(entry[1], first)


def _hours(end: pl.Expr, start: pl.Expr) -> pl.Expr:
    # seconds first, then hours: the same float steps as timedelta.total_seconds() / 3600
    return (end - start).dt.total_microseconds() / 1_000_000 / 3600.0


def _epoch(column: str) -> pl.Expr:
    return pl.col(column).dt.epoch("us") / 1_000_000


def _parse(frame: pl.DataFrame, plan: ColumnPlan, index: int, kind: str
           ) -> tuple[pl.Series, pl.Series]:
    """Column ``index``'s dates as naive UTC, read in the zone its header names if any,
    else in the import's zone."""
    zone = zones.header_zone(plan.headers[index]) or plan.zone
    return cells.parse_dates(frame[f"c{index}"], kind, zone)


def _latest_of(frame: pl.DataFrame, plan: ColumnPlan, kind: str, bad: _Bad
               ) -> datetime | None:
    """The latest ``updated`` of a file that is not an event log (only the export's newest
    timestamp needs it). Every cell is parsed: the greatest ISO text is not the latest moment
    when offsets differ (an autumn clock change), and an unreadable cell is counted."""
    index = plan.columns["updated"]
    moments, unreadable = _parse(frame, plan, index, kind)
    bad.add(index, unreadable, frame[REC])
    latest = moments.max()
    return latest if isinstance(latest, datetime) else None


def build(frames: Iterable[pl.DataFrame], plan: ColumnPlan, kinds: dict[str, str],
          clock: BusinessClock | None) -> Facts:
    """The facts of every ticket of ``frames`` (batches of text cells ``c<index>`` with their
    record ``REC``): each batch is reduced to its facts before the next is read."""
    bad = _Bad(plan)
    # every mapped date column has its kind (engine.inspect_export decides them all)
    kind = {f: kinds[plan.headers[plan.columns[f]]] for f in DATE_FIELDS if f in plan.columns}
    parts: list[pl.DataFrame] = []
    rows = skipped = 0
    left_out: list[tuple[int, str]] = []
    as_of: datetime | None = None
    since: datetime | None = None
    report_rows: list[int] = []
    for frame in frames:
        frame = _without_report_rows(frame, plan, report_rows)
        part, dropped, top, first = _batch(frame, plan, kind, bad, clock is not None,
                                           left_out)
        parts.append(part)
        rows += frame.height
        skipped += dropped
        if top is not None and (as_of is None or top > as_of):
            as_of = top
        if first is not None and (since is None or first < since):
            since = first
    facts = pl.concat(parts, how="vertical", rechunk=False)
    duplicate = None
    if plan.event_log:
        facts = facts.sort(["updated", REC], nulls_last=False).unique(
            subset="id", keep="last", maintain_order=False).sort(REC).drop("updated")
    else:
        # a row that is not its id's first is a repeat: one hash table of the ids, not the
        # two that is_duplicated() & ~is_first_distinct() build (measured at 1,000,000
        # tickets: +70 MB instead of +171 MB at the peak)
        again = facts.filter(~pl.col("id").is_first_distinct())
        if again.height:
            duplicate = (str(again["id"][0]), int(again[REC][0]))
    if clock is not None:
        facts = _business(facts, clock)
    return Facts(_kept(facts), rows,
                 bad.found, skipped, left_out, as_of, since, duplicate, report_rows)


def _kept(facts: pl.DataFrame) -> pl.DataFrame:
    """Only what a metric reads, narrowed (at 1,000,000 tickets, 16 MB less): the record
    number and the id are done with once the duplicates are known, and a count of reopens
    or replies is only compared with 0 and 1, so capping it at 32 bits keeps every figure."""
    counts = [pl.col(c).clip(upper_bound=2**31 - 1).cast(pl.Int32) for c in ("reopens", "replies")]
    return facts.drop("id", REC).with_columns(counts)


def _without_report_rows(frame: pl.DataFrame, plan: ColumnPlan, found: list[int]
                         ) -> pl.DataFrame:
    """``frame`` less the records whose id and creation cells are both blank, whose record
    numbers are added to ``found``. A grouped report saved as CSV (Salesforce's summary
    report, a pivot copied into a sheet) has a heading row per group, a subtotal row and a
    grand total among its tickets: nothing in them could be a ticket, and counted as
    unreadable tickets they refused the file once there were more of them than tickets."""
    empty = [pl.col(f"c{plan.columns[f]}").str.strip_chars() == "" for f in ("id", "created")]
    structure = frame.select(pl.all_horizontal(empty)).to_series()
    if not structure.any():
        return frame
    found.extend(frame.filter(structure)[REC].to_list())
    return frame.filter(~structure)


def _not_tickets(frame: pl.DataFrame, plan: ColumnPlan, ids: pl.Series, skip: pl.Series,
                 left_out: list[tuple[int, str]]) -> pl.Series:
    """Which skipped rows are a repeated header or a totals row (their records and first
    cells are added to ``left_out``): the first cell read is the id, else the first column.
    Only the skipped rows are looked at, so a clean batch pays one ``any``."""
    if not skip.any():
        return skip
    again = pl.all_horizontal([
        pl.col(c).str.strip_chars().str.to_lowercase() == plan.headers[int(c[1:])].strip().lower()
        for c in frame.columns if c != REC])
    first = pl.when(pl.col("i") != "").then(pl.col("i")).otherwise(
        pl.col("c0").str.strip_chars())
    shown = frame.with_columns(ids.alias("i")).filter(skip).select(
        REC, again.alias("again"), first.alias("first")).filter(
        pl.col("again") | pl.col("first").str.contains(checks.TOTALS))
    left_out += [(r, checks.HEADER_AGAIN if a else t)
                 for r, a, t in zip(shown[REC], shown["again"], shown["first"], strict=True)]
    return frame[REC].is_in(shown[REC].implode())


def _batch(frame: pl.DataFrame, plan: ColumnPlan, kind: dict[str, str], bad: _Bad,
           timed: bool, left_out: list[tuple[int, str]]
           ) -> tuple[pl.DataFrame, int, datetime | None, datetime | None]:
    """One batch's tickets (only the columns the cube and the merge need), the rows skipped,
    the batch's latest timestamp and its earliest creation; a repeated header or a totals
    row is added to ``left_out`` instead of being counted as skipped or unreadable."""
    cols = plan.columns
    id_col = f"c{cols['id']}"
    created, unreadable = _parse(frame, plan, cols["created"], kind["created"])
    ids = frame[id_col].str.strip_chars()
    keep = (ids != "") & created.is_not_null()
    counted = ~_not_tickets(frame, plan, ids, ~keep, left_out)
    rows = int(counted.sum())
    bad.add(cols["created"], (unreadable | created.is_null()) & counted, frame[REC])
    bad.add(cols["id"], (ids == "") & counted, frame[REC])
    frame = frame.with_columns(ids.alias("id"), created.alias("created")).filter(keep)
    earliest = frame["created"].min()

    def dates(name: str) -> pl.Series | None:
        if name not in cols:
            return None
        moments, unreadable = _parse(frame, plan, cols[name], kind[name])
        bad.add(cols[name], unreadable, frame[REC])
        return moments.alias(name)

    resolved, closed = dates("resolved"), dates("closed")
    done = resolved if resolved is not None else closed
    if done is None:
        done = pl.Series([None] * frame.height, dtype=pl.Datetime("us"))
    elif resolved is not None and closed is not None:
        done = resolved.fill_null(closed)
    first = dates("first_response_at")
    frame = frame.with_columns(done.alias("done"))
    if first is not None:
        frame = frame.with_columns(first.alias("first"))
    as_of = _as_of(frame, first is not None)
    top = None
    if plan.event_log:
        updated = dates("updated")  # an event log always has one (mapping.plan_columns)
        if updated is not None:
            frame = frame.with_columns(updated)
            top = updated.max()
    elif "updated" in cols:
        top = _latest_of(frame, plan, kind["updated"], bad)
    # the latest update is the export's latest timestamp too (an event log's as well)
    if isinstance(top, datetime) and top >= cells.SENTINEL and (as_of is None or top > as_of):
        as_of = top
    frame = _answers(frame, plan, bad)
    frame = _durations(frame, plan, bad, first is not None)
    frame = frame.with_columns(_cell(frame, plan, kind["created"]))
    keys = [pl.col(c).cast(pl.Categorical) for c in ("month", *DIMENSIONS, "state")]
    needed = [REC, "id", "ttr", "frt", "open_created", "reopens", "reassigned", "replies",
              "fcr", "sla", "csat_score", "csat_answered", "csat_satisfied",
              *(s for s in WAIT_SERIES if s in frame.columns),
              *(["created", "done"] if timed else []),
              *(["updated"] if plan.event_log else [])]
    since = earliest if isinstance(earliest, datetime) else None
    return frame.select(*needed, *keys), rows - frame.height, as_of, since


def _as_of(frame: pl.DataFrame, has_first: bool) -> datetime | None:
    """The export's latest timestamp among creations, resolutions and first responses."""
    tops = [frame["created"].max(), frame["done"].max()]
    if has_first:
        tops.append(frame["first"].max())
    found = [t for t in tops if isinstance(t, datetime)]
    return max(found, default=None)


def _answers(frame: pl.DataFrame, plan: ColumnPlan, bad: _Bad) -> pl.DataFrame:
    cols = plan.columns
    fields = [(f, cells.coded(p, plan.status_codes) if f == "status" else p, cols[f])
              for f, p in ANSWER_FIELDS if f in cols]
    flags, failed = cells.answers(frame, fields, frame["done"].is_not_null())
    for index, mask in failed.items():
        bad.add(index, mask, frame[REC])
    return pl.concat([frame, flags], how="horizontal")


def _durations(frame: pl.DataFrame, plan: ColumnPlan, bad: _Bad, has_first: bool
               ) -> pl.DataFrame:
    """Hours to resolution (resolved, resolution at or after creation), to first response
    (from its timestamp, else from a minutes/hours column) and the open tickets' creation."""
    solved = (pl.col("state") == "resolved") & (pl.col("done") >= pl.col("created"))
    frame = frame.with_columns(
        pl.when(solved).then(_hours(pl.col("done"), pl.col("created"))).alias("ttr"),
        pl.when(pl.col("state") == "open").then(_epoch("created")).alias("open_created"),
        (pl.when(pl.col("first") >= pl.col("created"))
         .then(_hours(pl.col("first"), pl.col("created"))) if has_first
         else pl.lit(None, dtype=pl.Float64)).alias("frt"),
    )
    cols = plan.columns
    field = next((f for f in ("first_response_minutes", "first_response_hours") if f in cols),
                 None)
    if field is not None and frame["frt"].null_count():
        scale = 60.0 if field == "first_response_minutes" else 1.0
        numbers, unreadable = cells.python_numbers(frame[f"c{cols[field]}"],
                                                   _numbers(plan), scale)
        bad.add(cols[field], unreadable, frame[REC])
        frame = frame.with_columns(pl.col("frt").fill_null(numbers))
    return _waits(frame, plan, bad)


def _numbers(plan: ColumnPlan) -> Callable[[str], float | None]:
    """The number reader of the file's decimal mark (``values.parse_number``)."""
    return partial(values.parse_number, decimal_comma=plan.decimal_comma)


def _waits(frame: pl.DataFrame, plan: ColumnPlan, bad: _Bad) -> pl.DataFrame:
    """Each wait column the export has, in hours, for resolved tickets (an open ticket's
    waits are still growing): a column only for the waits present."""
    for series in WAIT_SERIES:
        index = plan.columns.get(f"{series}_minutes")
        if index is None:
            continue
        hours, unreadable = cells.python_numbers(frame[f"c{index}"], _numbers(plan), 60.0)
        bad.add(index, unreadable, frame[REC])
        frame = frame.with_columns(hours.alias(series)).with_columns(
            pl.when(pl.col("state") == "resolved").then(pl.col(series)).alias(series))
    return frame


def _cell(frame: pl.DataFrame, plan: ColumnPlan, created_kind: str) -> list[pl.Expr]:
    """The month of creation in the zone the creation was read in, and the group labels
    (blank = ``(none)``).

    A ticket is the team's in the team's month: 00:30 on 1 April in Berlin is April
    whether the file wrote it ``01.04.2024 00:30``, ISO, or as 22:30 UTC. Without a zone
    the month is sliced from ISO text as written, else taken from the date."""
    index = plan.columns["created"]
    zone = zones.header_zone(plan.headers[index]) or plan.zone
    raw = pl.col(f"c{index}").str.slice(0, 7)
    month = pl.col("created").dt.strftime("%Y-%m")
    if zone not in (None, "UTC"):
        month = (pl.col("created").dt.replace_time_zone("UTC").dt.convert_time_zone(zone)
                 .dt.strftime("%Y-%m"))
    elif created_kind == "iso" and frame.select(raw.str.contains(_MONTH).all()).item():
        month = raw
    exprs = [month.alias("month")]
    for dim in DIMENSIONS:
        if dim in plan.columns:
            label = pl.col(f"c{plan.columns[dim]}").str.strip_chars()
            if dim in plan.label_codes:
                label = label.replace(plan.label_codes[dim])
            exprs.append(pl.when(label == "").then(pl.lit(NONE_LABEL)).otherwise(label)
                         .alias(dim))
        else:
            exprs.append(pl.lit(NONE_LABEL).alias(dim))
    return exprs


def _business(frame: pl.DataFrame, clock: BusinessClock) -> pl.DataFrame:
    """Business hours of the same durations: resolution from the two timestamps, first
    response up to the moment it was given (creation + its calendar hours). The creations'
    worked seconds are counted once for both."""
    created = frame.select(_epoch("created")).to_series()
    ends = frame.select(pl.when(pl.col("ttr").is_not_null()).then(_epoch("done"))).to_series()
    replies = frame.select(_epoch("created") + pl.col("frt") * 3600.0).to_series()
    at = pl.DataFrame({"c": worked.worked(created, clock), "e": worked.worked(ends, clock),
                       "r": worked.worked(replies, clock)})
    return frame.with_columns(at.select(
        worked.spans(pl.col("c"), pl.col("e")).alias("ttr_business"),
        worked.spans(pl.col("c"), pl.col("r")).alias("frt_business"))).drop("created", "done")
