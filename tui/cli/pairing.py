"""Pairing commands: ``journeymap log`` (who changed what), ``journeymap undo`` (take
back your own last edit) and ``journeymap who``.

``log`` answers "what changed since last month's review": every logged edit
with local time, who, what and old -> new.  ``who`` shows the seats of a
workshop (presence), handy on a team box before joining.

Only Typer is imported at module level (``journeymap --help`` loads this
module); Rich and the models are imported inside the commands.  Every value a
person typed is put into the table as a ``rich.text.Text`` with its control
characters made visible (``tui.safe_text.clean``) - never as markup - so
``[bold]`` prints literally and an escape sequence cannot reach the terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any

import typer

from models.live.activity import describe, subject_names
from models.rules.counts import agree, plural
from tui.cli.common import STATE, WorkshopId, command_group, console, fail, require, user_errors

app = command_group()

if TYPE_CHECKING:
    from rich.text import Text

    from models.db.tables.history import ChangeLog

CELL_LIMIT = 120  # characters of one old/new value shown in the table
_WHOLE_WORDS = ("Role", "Step", "Seen", "Following", "Done with")  # `who`: never split
_SPAN = re.compile(r"^\s*(\d+)\s*([dwmh])\s*$", re.IGNORECASE)
_SPAN_UNITS = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1),
               "w": dt.timedelta(weeks=1), "m": dt.timedelta(days=30)}
def _text(value: object, style: str = "", limit: int | None = CELL_LIMIT) -> Text:
    """User text as a literal ``Text``: controls shown, long values cut with an ellipsis."""
    from rich.text import Text

    from tui.safe_text import clean  # the one audited rule for control characters

    plain = clean(value)
    if limit is not None and len(plain) > limit:
        plain = plain[: limit - 1] + "…"
    return Text(plain, style=style)


def parse_since(value: str, now: dt.datetime | None = None) -> dt.datetime:
    """``2026-03-01`` (local midnight), an ISO date-time, or a span like ``30d``/``2w``/``12h``.

    Returns an aware UTC datetime to compare with the log's UTC timestamps.
    """
    now = now or dt.datetime.now(dt.UTC)
    span = _SPAN.match(value)
    if span:
        return now - int(span.group(1)) * _SPAN_UNITS[span.group(2).lower()]
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"--since must be a date like 2026-03-01, a date and time like "
                         f"2026-03-01T14:00, or a span like 30d or 2w, not {value!r}.") from None
    if when.tzinfo is None:
        when = when.astimezone()  # a plain date or time is meant in the local time zone
    return when.astimezone(dt.UTC)


def _local(when: dt.datetime) -> str:
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def _change_cell(change: ChangeLog) -> Text:
    from rich.text import Text

    if change.action != "update" or not change.field:
        return Text("")
    cell = Text()
    cell.append_text(_text(change.old) if change.old else Text("(empty)", style="dim"))
    cell.append(" → ", style="bold")
    cell.append_text(_text(change.new) if change.new else Text("(empty)", style="dim"))
    return cell


@app.command("log")
def log_command(
    workshop_id: Annotated[int | None, typer.Argument(
        help="Workshop number (see `journeymap list`).")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Only changes since a date (2026-03-01) or a span (30d, 2w).")] = None,
    who: Annotated[str | None, typer.Option("--who", help="Only changes by this person.")]
    = None,
    deleted: Annotated[bool, typer.Option(
        "--deleted", help="Instead: the workshops deleted from this file, who and when.")]
    = False,
) -> None:
    """Show who changed what in a workshop, oldest first (when, who, account, what, old → new)."""
    from rich.table import Table

    from models.db.schema import StoreError

    if deleted:
        _deleted_log()
        return
    if workshop_id is None:
        raise fail("Give a workshop id (see `journeymap list`), or --deleted.")

    try:
        cutoff = parse_since(since) if since else None
        store = STATE.reader()
        try:
            journey = store.load(workshop_id)
            changes = store.changes(workshop_id, since=cutoff)
            undone = store.undone(changes)
        finally:
            store.close()
    except (StoreError, ValueError) as exc:
        raise fail(str(exc)) from None
    if who is not None:
        changes = [c for c in changes if c.who.casefold() == who.strip().casefold()]
    title = journey.workshop.title or journey.workshop.scenario or f"workshop {workshop_id}"
    out = console()
    if not changes:
        scope = f" since {_local(cutoff)}" if cutoff else ""
        by = f" by {who}" if who else ""
        out.print(_text(f"No changes{by} in “{title}”{scope}."))
        return
    table = Table(title=_text(f"Changes in “{title}”"), title_justify="left", expand=False)
    for column in ("When", "Who", "Account", "What", "Old → new"):
        table.add_column(column, overflow="fold", no_wrap=column == "When")
    names = subject_names(journey)
    for change in changes:
        account = (change.account or "not recorded") + (" (imported)" if change.imported else "")
        table.add_row(_text(_local(change.at)), _text(change.who or "?"), _text(account),
                      _text(describe(change, names, undone)), _change_cell(change))
    out.print(table)


def _deleted_log() -> None:
    """The portfolio audit: deleted workshops survive in it, with who deleted them."""
    from rich.table import Table

    from models.db.schema import StoreError

    try:
        store = STATE.reader()
        try:
            entries = store.audit()
        finally:
            store.close()
    except StoreError as exc:
        raise fail(str(exc)) from None
    out = console()
    if not entries:
        out.print(_text("No workshop has been deleted from this file."))
        return
    table = Table(title=_text("Deleted workshops"), title_justify="left")
    for column in ("When", "Workshop", "Title", "Who", "Account"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(_text(_local(entry.at)), _text(entry.workshop_id), _text(entry.title),
                      _text(entry.who), _text(entry.account))
    out.print(table)


def _holder(seat: Any) -> str:
    """Who really holds a seat: the OS account, and for a guest the key and where from."""
    parts = [seat.account or "?"]
    if seat.key:
        parts.append(f"key {seat.key}")
    if seat.origin:
        parts.append(f"from {seat.origin}")
    return " ".join(parts)


@app.command("undo")
def undo_command(workshop_id: Annotated[int, typer.Argument(
        help="Workshop number (see `journeymap list`).")]) -> None:
    """Undo your last change in a workshop: an edit's old value, a deleted row with what it
    took along, an added row removed, a move put back (refused when someone else changed
    the same thing since)."""
    from models.live.activity import subject_names, undone_words
    from tui.safe_text import clean

    with user_errors():
        store = STATE.store()
        try:
            require(store, workshop_id, "edit")
            entry = store.undo_last(workshop_id)
            words = undone_words(entry, subject_names(store.load(workshop_id)))
        finally:
            store.close()
    console().print(clean(words))


@app.command("who")
def who_command(
    workshop_id: WorkshopId,
    everyone: Annotated[bool, typer.Option(
        "--all", help="Also list people who were here earlier.")] = False,
) -> None:
    """Show who is in a workshop right now: role, step, following, done."""
    from rich.table import Table

    from models.db.schema import StoreError
    from models.db.tables.base import utcnow
    from models.live import presence

    try:
        store = STATE.reader()
        try:
            journey = store.load(workshop_id)
        finally:
            store.close()
    except StoreError as exc:
        raise fail(str(exc)) from None
    now = utcnow()
    here = presence.active(journey, workshop_id, now)
    here_ids = {p.id for p in here}
    gone = [p for p in journey.participants if p.id not in here_ids]
    title = journey.workshop.title or journey.workshop.scenario or f"workshop {workshop_id}"
    out = console()
    if not here and not (everyone and gone):
        hint = f" ({len(gone)} earlier; --all lists them)" if gone else ""
        out.print(_text(f"Nobody is in “{title}” right now{hint}."))
        return
    table = Table(title=_text(f"In “{title}”"), title_justify="left")
    for column in ("Name", "Role", "Step", "Seen", "Following", "Done with", "Account"):
        # the words of the vocabulary stay whole at 80 columns ("participan" / "t" was
        # read there); names and the account with its key fold
        table.add_column(column, overflow="fold", no_wrap=column in _WHOLE_WORDS)
    rows = here + (gone if everyone else [])
    for p in rows:
        # no "how long ago" for the absent: a clean ``leave`` backdates last_seen on purpose
        seen = "here" if p.id in here_ids else "not here"
        table.add_row(_text(p.name), _text(p.role), _text(p.current_step), _text(seen),
                      _text("yes" if p.following else ""), _text(p.done_step),
                      _text(_holder(p)))
    out.print(table)
    if gone and not everyone:
        out.print(_text(f"{plural(len(gone), 'other')} {agree(len(gone), 'was', 'were')} here "
                         "earlier (--all lists them)."))
