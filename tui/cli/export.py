"""``journeymap export``: a workshop as Markdown, a JSON backup, a tracker CSV or a calendar.

Run from scripts and cron as much as by hand, and measured (issue 18: an export of
a 2,000-touchpoint map within 3x a plain sqlite3 read of its rows).  So it has a
module of its own: running it imports and builds this one command, not the other
output commands' options (``tui.cli.outputs``, ~2 M instructions).  Files are
written whole or not at all; every user error is one sentence with exit code 1
(unknown workshop, bad date, unknown format or section, unwritable file).

Annotations here are evaluated once, as the module is imported (no ``from
__future__ import annotations``): Typer builds a command from its parameters'
annotations, and as strings it compiled and evaluated each of them again when
``export`` was built (~4 M instructions of an export, measured with
``bench/export.py --phases``).  Names imported for type checking only are quoted.
"""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from models.rules.clock import today as clock_today
from models.vocab import DATE_SPAN
from tui.cli.common import (
    STATE,
    WorkshopId,
    command_group,
    document,
    fail,
    require_folder,
    say,
    user_errors,
)
from tui.cli.export_core import light_read, one_pass, rendered, with_start, wrote

app = command_group()

if TYPE_CHECKING:
    from models.db.journey import Journey

FORMATS = ("md", "json", "csv", "ics")


def parse_date(value: str | None, option: str = "--start") -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-sentence error naming the option.

    A day no workshop date can be is refused here too: an unsaved plan drawn from
    ``--start 9999-12-31`` ran off the calendar and put every task on that day, where
    ``plan --start`` (which saves) refused it.
    """
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise fail(f"{option} must be a date like 2024-03-04 (got {value!r}).") from None
    low, high = DATE_SPAN
    if not low <= day.isoformat() <= high:
        raise fail(f"{option} must be between {low} and {high}, not {day.isoformat()}.")
    return day


def database_file() -> Path | None:
    """The database file a written file must never replace (none behind a server)."""
    from models.db.dbfile import default_db_path

    return None if isinstance(STATE.db, str) else STATE.db or default_db_path()


def write_output(data: list[bytes], output: Path | None) -> None:
    """stdout when no path (``document``: exact into a pipe, marks on a terminal); else
    write next to the target and rename (never half a file)."""
    if output is None:
        document(data)
        return
    from models.export.files import ProtectedPath, write_file

    try:
        target = write_file(output, data, database=database_file())
    except ProtectedPath as exc:
        raise fail(f"Not written: {exc}.") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise fail(f"Cannot write {output}: {reason}.") from None
    say(wrote(target, data), err=True)


def refuse_a_design(journey: "Journey", what: str) -> None:
    """A to-be design has no plan to save, track or put in a calendar: one sentence, exit
    1, nothing written (its Markdown says the same in the plan's place)."""
    from models.rules.live_maps import follow_up_elsewhere, is_live

    workshop = journey.workshop
    if is_live(workshop):
        return
    source = workshop.as_is_workshop_id
    found = light_read(STATE.db, source, portfolio=False) if source is not None else None
    title = found[0].workshop.title.strip() if found else ""
    raise ValueError(follow_up_elsewhere(workshop, title, opening=(
        f"Workshop {workshop.id} is a to-be design, so it has no {what}: its")))


def whole_portfolio(store: object, journey: "Journey") -> "list[Journey]":
    """Every workshop in the database (the review's "which journey next"), loaded once;
    one a hand-written value makes unreadable is left out, and stderr says so."""
    others, refused = store.load_readable(skip=journey.workshop.id)  # type: ignore[attr-defined]
    left_out(refused)
    return [journey, *others]


def left_out(refused: list[str]) -> None:
    """Each workshop a portfolio could not read, in its sentence, on stderr; counted, so
    the command ends with ``LEFT_OUT_EXIT`` (``tui.cli.main._left_out_exit``)."""
    STATE.left_out += len(refused)
    for sentence in refused:
        say(f"journeymap: left out: {sentence}", err=True)


def read_map(workshop_id: int, *, portfolio: bool) -> "tuple[Journey, list[Journey]]":
    """(the journey, the portfolio or just it) for a command that only reads and prints.

    The light read first (no ORM: most of a big map's cost is SQLAlchemy's objects);
    the store when the light read cannot vouch for the file or server, so its
    refusals and upgrades stay the store's own.
    """
    require_folder(STATE.db)
    found = light_read(STATE.db, workshop_id, portfolio=portfolio)
    if found is None:
        store = STATE.reader()
        loaded = store.load(workshop_id)
        found = loaded, (whole_portfolio(store, loaded) if portfolio else [loaded])
    return found


def read_every() -> "list[Journey]":
    """Every workshop in ``Store.list_workshops`` order, by ``read_map``'s two roads."""
    require_folder(STATE.db)
    found = light_read(STATE.db, None, portfolio=True)
    if found is not None:
        return found[1]
    journeys, refused = STATE.reader().load_readable()
    left_out(refused)
    return journeys


@app.command("export")
def export(
    workshop_id: WorkshopId,
    fmt: Annotated[str, typer.Option(
        "--format", "-f", metavar="[md|json|csv|ics]",
        help="The format: md, json, csv or ics.")] = "md",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of stdout.")] = None,
    sections: Annotated[str | None, typer.Option(
        "--sections", help="Markdown only: comma-separated sections, e.g. action-plan or "
        "scope,stages,diagrams.")] = None,
    start: Annotated[str | None, typer.Option(
        "--start", help="Plan start date for a plan not saved yet.")] = None,
) -> None:
    """Export a workshop: Markdown action plan, JSON backup, tracker CSV or calendar (ICS)."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise fail(f"Unknown format {fmt!r}: choose md, json, csv or ics.")
    if sections is not None and fmt != "md":
        raise fail("--sections only applies to --format md.")
    if start is not None and fmt == "json":
        raise fail("--start does not apply to --format json (a backup keeps the saved dates).")
    start_date = parse_date(start)
    with one_pass(), user_errors():
        data = _document(workshop_id, fmt, sections, start_date, to_file=output is not None)
    write_output(data, output)


def may_write_file(journey: "Journey") -> None:
    """Refuse a file written from a workshop unless this account is a participant or lead
    there (``access``'s ``export``, as for ``templates save`` and ``copy``).

    Why: an observer writes no file (DESIGN.md), in the app or here; printing needs no
    role, since whoever can read the database can read the map.  A file's role cells
    and grant lines are read with sqlite3 (``role_rows.file_role_rows``), so the light
    read stays without the ORM; a server's through the store, as ``require`` reads them.
    Its creator needs neither: the workshop row the light read holds makes it lead."""
    from models.db import access
    from models.db.dbfile import default_db_path
    from models.db.role_rows import file_role_rows

    wid, account = int(journey.workshop.id or 0), access.current_account()
    uid = None if isinstance(STATE.db, str) else access.current_uid()
    if access.bound(str(journey.workshop.lead_account), journey.workshop.lead_uid,
                    account, uid) is True:
        return  # its creator: lead whatever the seats say, and no second read
    found = None if isinstance(STATE.db, str) else file_role_rows(
        (STATE.db or default_db_path()).expanduser(), wid)
    if found is None or not found[0]:
        access.require(STATE.reader(), wid, account, "export")
        return
    (workshop, *_), people = found
    role = access.account_role(workshop, people, account, uid=uid, vouch=True)
    access.check(wid, workshop, people, account, uid, role, "export")


def _document(workshop_id: int, fmt: str, sections: str | None,
              start_date: dt.date | None, *, to_file: bool) -> list[bytes]:
    """The exported file's bytes, in pieces (``rendered``).

    A function of its own so that what it read and built is freed as it returns,
    inside the export's pass (``one_pass``): the collector, on again after the
    pass, then has only the pass's garbage to walk, not a whole map's rows
    (~7,000 objects).
    """
    if fmt == "json":
        from models.db.access import current_account, require
        from models.export.json_backup import export_workshop

        store = STATE.reader()
        if to_file:
            require(store, workshop_id, current_account(), "export")
        return [export_workshop(store, workshop_id).encode("utf-8")]
    light = read_map(workshop_id, portfolio=fmt == "md")
    if to_file:
        may_write_file(light[0])
    if fmt != "md":
        refuse_a_design(light[0], "tracker CSV" if fmt == "csv" else "calendar")
    journey = with_start(light[0], start_date, lambda text: say(text, err=True))
    chosen = None
    if sections is not None:
        from models.export.markdown import parse_sections

        chosen = parse_sections(sections.split(","))
    return rendered(journey, light[1], fmt, chosen, clock_today())
