"""Ticket data commands: ``journeymap tickets import|show|hours|map|link-card|apply``.

Support teams re-import each month's export; the column mapping and the category links are
remembered per workshop, so next month is ``journeymap tickets import FILE --workshop ID``.
Changes refuse observers (``editing.require_editor``); an import is all or nothing, every
problem one sentence naming the file, line and column.  Only Typer at import time.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from models.rules.counts import plural
from models.tickets.fields import GROUPINGS
from models.tickets.profiles import SOURCES
from tui.cli import common
from tui.cli.common import STATE, console, document, fail, marked, require, say, user_errors

app = typer.Typer(help="Import ticket exports and measure the map with them.",
                  no_args_is_help=True, rich_markup_mode=None, add_completion=False)

FORMATS = ("table", "json", "csv")


def _either(words: list[str] | tuple[str, ...]) -> str:
    """"a, b or c": the choices of an option, in a help line or a sentence."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


_BUSINESS = ("ttr_business_median_hours", "ttr_business_p90_hours", "frt_business_median_hours")


def _mapping(pairs: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs or []:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column:
            raise fail(f"--map {pair!r} must be FIELD=COLUMN, for example --map created=Opened.")
        out[field.strip()] = column
    return out


class _Progress:
    """The rows read so far, on one rewritten line of a terminal's stderr (nothing when
    stderr is a file or a pipe, so scripts read only the result)."""

    def __init__(self, name: str) -> None:
        self.name = marked(name)  # a file name is anyone's text: no control reaches the tty
        self.shown = False

    def __call__(self, rows: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\rreading {self.name}: {rows:,} rows…")
            sys.stderr.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.shown = False


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="The ticket export: CSV or tab-separated "
                                               "text (UTF-8, UTF-16 or latin-1), or an "
                                               "API's JSON (a list of tickets or JSON "
                                               "lines).")],
    workshop: Annotated[int, typer.Option("--workshop", "-w", help=common.WORKSHOP_HELP)],
    source: Annotated[str, typer.Option("--source", help="The product that made the export: "
                                        + ", ".join(SOURCES) + ".")] = "auto",
    map_: Annotated[list[str] | None, typer.Option(
        "--map", help="FIELD=COLUMN for a column that cannot be guessed, or FIELD=#N for "
        "the Nth column when a name is used twice (repeatable).")] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="Only these creation months.")] = None,
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Show what would be imported; change nothing.")] = False,
    zone: Annotated[str | None, typer.Option(
        "--zone", help="IANA time zone the export wrote its times without a zone in, such "
        "as Europe/Berlin (default: the business hours' zone, else UTC).")] = None,
) -> None:
    """Import a ticket export as a dated set of readings."""
    if source not in SOURCES:
        raise fail(f"--source must be one of: {', '.join(SOURCES)}.")
    mapping = _mapping(map_)
    if zone is not None:
        from models.tickets.zones import typed_zone

        try:
            typed_zone(zone)
        except ValueError:
            raise fail(f"--zone {zone!r} is not an IANA time zone name such as "
                       "Europe/Berlin or America/New_York.") from None
    from models.tickets import storage

    shown = _Progress(file.name)
    try:
        with user_errors(), (STATE.reader() if dry_run else STATE.store()) as store:
            if not dry_run:
                require(store, workshop, "edit")
            result = storage.import_file(store, workshop, file, source=source,
                                         mapping=mapping, period=period, dry_run=dry_run,
                                         progress=shown, zone=zone)
    except KeyboardInterrupt:
        shown.done()
        raise fail(f"The import of {file.name} was cancelled; nothing was stored.",
                   code=130) from None
    shown.done()
    imp = result.imported
    span = result.periods[0] if len(result.periods) == 1 else \
        f"{result.periods[0]}..{result.periods[-1]}"
    verb = "Would import" if dry_run else "Imported"
    say(f"{verb} {file.name}: {imp.product}, {plural(imp.rows, 'row')}, "
               f"{plural(imp.tickets, 'ticket')}, {span} ({plural(len(result.periods), 'month')}).")
    for field, column in result.columns.items():
        say(f"  {field:<24} <- {column}")
    for note in (*imp.notes, *result.partial):
        say(f"  note: {note}")
    for line in result.filled:
        say(f"  filled {line}")
    for line in result.kept:
        say(f"  kept {line}")


@app.command("show")
def show(
    workshop: common.WorkshopId,
    by: Annotated[str | None, typer.Option(
        "--by", help=f"Group by {_either(GROUPINGS)} (default: category, or "
                     "the totals alone when the export has no category column).")] = None,
    period: Annotated[str | None, typer.Option(
        "--period", help="YYYY-MM or an imported YYYY-MM..YYYY-MM (default: the latest "
                         "import's whole span).")] = None,
    format_: Annotated[str, typer.Option(
        "--format", help="The format: table, json or csv.")] = "table",
) -> None:
    """The metrics table of the workshop's ticket readings."""
    if format_ not in FORMATS:
        raise fail(f"--format must be one of: {', '.join(FORMATS)}.")
    from models.export.spreadsheet import csv_document
    from models.tickets import output, show

    with user_errors(), STATE.reader() as store:
        journey = store.load(workshop)
        rows = show.table_rows(journey.readings, journey.ticket_sources, by=by,
                               period=period)
        zone = show.zone_said(rows, journey.ticket_sources)
    records = show.records(rows)
    if format_ == "json":
        from models.export.json_text import dumps

        document([(dumps(records, indent=2) + "\n").encode("utf-8")])
        return
    if format_ == "csv":
        keys = [*output.KEYS, "reopened"]
        # a group is user text from the export ("=HYPERLINK(...)" as a category)
        document([csv_document([keys, *([rec[k] for k in keys] for rec in records)],
                               line_end="\n").encode("utf-8")])
        return
    _print_table(records, by, show.groupings(journey.readings, rows), zone)


def _csat_cell(rec: dict[str, object]) -> str:
    """The 1-5 mean when the answers are scores, else the satisfied share of word answers
    (Good/Bad), marked so the footnote can say which it is."""
    from models.rules.measures import format_value

    if rec.get("csat_mean") is not None:
        return format_value("csat_mean", _number(rec["csat_mean"]))
    share = _number(rec.get("csat_satisfied_share"))
    return "n/a" if share is None else f"{share:.0%}\u2020"


# Cells of one group name in the table: a long category wraps in its column, and a
# pasted 10,000-character one stays a few lines, ending in "…".
GROUP_CELLS = 200


def _print_table(records: list[dict[str, object]], by: str | None,
                 groupings: list[str], zone: str = "") -> None:
    from rich import box
    from rich.table import Table

    from models.rules.measures import format_value
    from models.vocab import TICKET_METRIC_WORDS, TICKET_TABLE_WORDS
    from tui.safe_text import safe

    metrics = ("tickets", "fcr_rate", "reopen_rate", "ttr_median_hours", "ttr_p90_hours",
               "csat_mean", "reassigned_rate", "sla_met_rate")
    heads = ("tickets", "FCR", "reopen", "TTR\nmed", "TTR\np90", "CSAT", "re-\nassign",
             "SLA\nmet")
    period = str(records[-1]["period"]) if records else ""
    alone = by is None and len(records) == 1
    by = by or "category"
    title = f"All tickets, {period}" if alone else f"Tickets by {by}, {period}"
    table = Table(title=title, title_justify="left",
                  box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1),
                  collapse_padding=True)
    table.add_column("" if alone else by, min_width=14, ratio=1, overflow="fold")
    for head in heads:
        table.add_column(head, justify="right", no_wrap=True)
    for rec in records:
        cells = []
        for m in metrics:
            if m == "csat_mean":
                cells.append(_csat_cell(rec))
                continue
            cells.append(format_value(m, _number(rec[m])))
        if rec.get("fcr_is_proxy") and rec["fcr_rate"] is not None:
            cells[1] += "*"
        table.add_row(safe(rec["group"] or "(none)", limit=GROUP_CELLS, wrap=True), *cells)
    out = console()
    out.print(table)
    if alone:
        others = [g for g in groupings if g != "category"]
        out.print(f"The export has no category column: the totals alone "
                  f"(--by {_either(others)} for another grouping).")
    total = records[-1] if records else {}
    if any(rec.get("fcr_is_proxy") for rec in records):
        out.print(safe(f"* FCR is a proxy: {total.get('fcr_method', '')}."))
    share_shown = total.get("csat_mean") is None and \
        total.get("csat_satisfied_share") is not None
    if share_shown:
        out.print(safe("\u2020 CSAT: share of answered surveys that were satisfied (the answers "
                       f"are words such as Good/Bad, not 1-5 scores; all: "
                       f"n={total.get('csat_responses')})."))
    if total.get("ttr_business_median_hours") is not None or \
            total.get("frt_business_median_hours") is not None:
        said = [f"{label} {format_value(key, _number(total.get(key)))}"
                for key, label in (("ttr_business_median_hours", "TTR median"),
                                   ("ttr_business_p90_hours", "p90"),
                                   ("frt_business_median_hours", "first response median"))]
        out.print(safe(f"Business hours, all tickets: {', '.join(said)} "
                       "(per group: --format json or csv)."))
    unavailable = dict(total.get("unavailable") or {})  # type: ignore[call-overload]
    business = {unavailable.pop(k, None) for k in _BUSINESS} - {None}
    if share_shown:
        unavailable.pop("csat_mean", None)
    by_reason: dict[str, list[str]] = {}
    for metric, reason in unavailable.items():
        by_reason.setdefault(str(reason), []).append(
            TICKET_TABLE_WORDS.get(metric) or TICKET_METRIC_WORDS.get(metric, metric))
    for reason, labels in by_reason.items():
        out.print(safe(f"n/a {', '.join(labels)}: {reason}"))
    for reason in sorted(business):
        out.print(safe(f"n/a business hours: {reason}"))
    if zone:
        out.print(safe(zone))


@app.command("hours")
def hours(
    workshop: common.WorkshopId,
    tz: Annotated[str | None, typer.Option(
        "--tz", help="IANA time zone of the team, such as Europe/Berlin.")] = None,
    days: Annotated[str, typer.Option(help="Working days: mon-fri, sat,sun…")] = "mon-fri",
    start: Annotated[str, typer.Option("--from", metavar="HH:MM", help="Opening time.")] = "09:00",
    end: Annotated[str, typer.Option("--to", metavar="HH:MM", help="Closing time.")] = "17:00",
    holiday: Annotated[list[str] | None, typer.Option(
        "--holiday", help="A day off (repeatable).")] = None,
    clear: Annotated[bool, typer.Option("--clear", help="Remove the schedule.")] = False,
) -> None:
    """Set the team's business hours: the next import also counts time to resolution and
    first response in them. Without --tz or --clear, show the schedule."""
    from models.tickets import editing

    if tz is None and not clear:
        with user_errors(), STATE.reader() as store:
            schedule = editing.schedule_of(store.get_workshop(workshop))
        say(f"Business hours: {schedule.summary()}." if schedule else
                   "Business hours: not set (journeymap tickets hours ID --tz ZONE).")
        return
    with user_errors(), STATE.store() as store:
        require(store, workshop, "edit")
        if clear:
            said = editing.clear_hours(store, workshop)
        else:
            try:
                said = editing.set_hours(store, workshop, days=days, start=start, end=end,
                                         tz=str(tz), holidays=holiday)
            except ValueError as exc:
                raise fail(f"Business hours not set: {exc}.") from None
    say(f"Business hours of workshop {workshop}: {said}; the next import counts "
               "durations in them." if not clear else f"Workshop {workshop}: {said}.")


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


@app.command("map")
def map_category(
    workshop: common.WorkshopId,
    category: Annotated[str, typer.Argument(help="A ticket category of the readings.")],
    stage: Annotated[str | None, typer.Option("--stage", help="Stage name or number.")] = None,
    pain: Annotated[str | None, typer.Option(
        "--pain", metavar="#N", help="The pain point's number #N, as `journeymap show ID` "
                                     "lists it (the # may be left out).")] = None,
    unmap: Annotated[bool, typer.Option(
        "--unmap", help="Remove the category's stage and pain point links.")] = False,
) -> None:
    """Link a ticket category to a stage and/or a pain point (or --unmap it)."""
    if stage is None and pain is None and not unmap:
        raise fail("Give --stage NAME or --pain #N (or both), or --unmap.")
    if unmap and (stage is not None or pain is not None):
        raise fail("--unmap removes both links; give it without --stage and --pain.")
    pain_id = _pain_number(pain)
    from models.tickets import links

    with user_errors(), STATE.store() as store:
        require(store, workshop, "edit")
        said = links.set_link(store, workshop, category, stage=stage, pain_id=pain_id,
                                unmap_stage=unmap, unmap_pain=unmap)
    say(f"Mapped {said}.")


def _pain_number(pain: str | None) -> int | None:
    """The number ``show`` prints as "#12": a lead copies it with its "#"."""
    if pain is None:
        return None
    number = pain.strip().removeprefix("#")
    if not number.isdecimal():
        raise fail(f"--pain takes a pain point's number such as #12, as `journeymap show ID` "
                   f"lists it (got {pain!r}).")
    return int(number)


@app.command("link-card")
def link_card(
    workshop: common.WorkshopId,
    card: Annotated[int, typer.Argument(help="Card id.")],
    metric: Annotated[str, typer.Option("--metric", help="The metric: tickets, reopened, fcr_rate, "
                                                         "reopen_rate, ttr_median_hours…")],
    target: Annotated[str, typer.Option(
        "--target", help="The target: -30% (a change against the baseline reading) or "
        "=0.85 (a value).")],
    group: Annotated[str, typer.Option(
        "--group", help="The group: all, or kind=value such as category=Login.")] = "all",
) -> None:
    """Tie a card's signal to a measured metric and a target."""
    from models.rules.measures import judge
    from models.tickets import links

    with user_errors(), STATE.store() as store:
        require(store, workshop, "edit")
        row = links.link_card(store, workshop, card, metric=metric, group=group,
                                target=target)
        verdict = judge(store.load(workshop), row)
    say(f"Card {card}: {metric} of {group}, target {target}.")
    if verdict is not None:
        say(f"  now: {verdict.status} ({verdict.text})")


@app.command("apply")
def apply(
    workshop: common.WorkshopId,
    overwrite: Annotated[bool, typer.Option(
        "--overwrite", help="Replace evidence and baselines already typed.")] = False,
    stage: Annotated[str | None, typer.Option(
        "--stage", help="Only this stage's KPI baseline (name or number; replaces a typed "
                        "one).")] = None,
    metric: Annotated[str | None, typer.Option(
        "--metric", help="With --stage: the ticket metric to take it from (tickets, "
                         "fcr_rate…) when the KPI's name matches none.")] = None,
) -> None:
    """Fill the scope's evidence and stage KPI baselines from the readings."""
    from models.tickets import baselines, links

    if metric is not None and stage is None:
        raise fail("--metric needs --stage: it names the metric of one stage's KPI.")
    kept: list[str] = []
    with user_errors(), STATE.store() as store:
        require(store, workshop, "edit")
        if stage is not None:
            stage_id = links.stage_id(store.load(workshop).stages, stage, workshop)
            filled = [baselines.take_baseline(store, workshop, stage_id, metric=metric)]
        else:
            applied = baselines.apply_to_map(store, workshop, overwrite=overwrite)
            filled, kept = applied.filled, [f"kept {line}" for line in applied.kept]
    if not filled and not kept:
        # the advice must fit what was asked: "use --overwrite" to one who did misled
        said = (f"nothing to fill: the readings give no figure for the scope's evidence "
                f"or a stage's KPI (`journeymap tickets show {workshop}` lists what they "
                f"hold)" if overwrite else
                "nothing to fill: only empty fields are filled (use --overwrite to replace "
                "typed values)")
        filled = [said]
    for line in (*filled, *kept):
        say(line)
