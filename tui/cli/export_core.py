"""What ``journeymap export`` does for md, csv and ics: read, render, write.

Kept apart from the Typer command in ``tui.cli.export`` so the steps (a light
read without the ORM, the rendering, the file written whole) are plain
functions with no command-line parsing in them.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.db.journey import Journey

# the formats read from the file and rendered here (json is a backup: the store writes it)
RENDERED = ("md", "csv", "ics")


@contextmanager
def one_pass() -> Iterator[None]:
    """The cyclic garbage collector off while an export reads, renders and writes.

    Why: the pass allocates ~50,000 container objects (rows, cells, lines) that all
    live until it ends, so each collection the allocations set off walks a growing
    heap and finds no garbage (~5 % of an export's CPU).  The collector is on again
    afterwards if it was on, so a long-lived process (tests, the app) keeps it.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def light_read(db: Path | str | None, workshop_id: int | None, portfolio: bool
               ) -> tuple[Journey, list[Journey]] | None:
    """(the journey, the portfolio it opens) read without the ORM, or None.

    Why: SQLModel's import alone cost more than reading and writing a
    2,000-touchpoint map.  A file is read with plain sqlite3, a server with plain
    psycopg (``models.db.light_server``), by the same queries.  None (a file or
    server that is not current or sound, one that cannot be reached, no such
    workshop) sends the caller through the store, which words the refusal; a
    server that cannot be reached raises the store's sentence at once.  The
    portfolio is the journey first, then the others as ``Store.list_workshops``
    orders them, read with it in one snapshot; with no ``workshop_id``, the
    portfolio alone in that order (its first workshop standing as the journey).
    """
    from models.db.dbfile import default_target
    from models.db.light_target import load_journeys

    found = load_journeys(db or default_target(), None if portfolio or workshop_id is None
                          else [workshop_id], first=workshop_id if portfolio else None)
    return (found[0], found) if found else None


def with_start(journey: Journey, start: dt.date | None, note: Callable[[str], None]) -> Journey:
    """The journey with ``start`` as its plan start (in memory only, never saved).

    Only an unsaved plan (the preview the exports generate) moves; a saved plan
    keeps its dates and ``note`` tells the user how to move it.
    """
    if start is None:
        return journey
    if journey.plan_tasks:
        note("journeymap: the saved plan keeps its dates; run `journeymap plan "
             f"{journey.workshop.id} --start {start} --regenerate` to move it.")
        return journey
    journey.workshop.start_date = start
    return journey


def rendered(journey: Journey, portfolio: list[Journey], fmt: str,
             sections: tuple[str, ...] | None, today: dt.date) -> list[bytes]:
    """The file's bytes in pieces: the Markdown document's sections, the CSV or the calendar.

    Pieces, so the Markdown document is written section after section and never
    joined into one more copy of itself (``markdown_chunks`` says why).
    """
    if fmt == "md":
        from models.export.markdown import markdown_chunks

        return markdown_chunks(journey, today=today, sections=sections, portfolio=portfolio)
    if fmt == "csv":
        from models.export.markdown import with_plan_preview
        from models.export.tracker_csv import tracker_csv
        from models.rules.commitments import tracked_items

        preview = with_plan_preview(journey, today)[0]
        return [tracker_csv(tracked_items([preview], today)).encode("utf-8")]
    from models.export.plan_ics import plan_ics

    return [plan_ics(journey, today)]


def wrote(target: Path, data: list[bytes]) -> str:
    """The line on stderr once ``-o`` wrote the file."""
    return f"Wrote {target} ({sum(map(len, data)):,} bytes)."
