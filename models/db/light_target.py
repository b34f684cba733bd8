"""The light read of whatever ``--db`` names: a file with sqlite3, a server with psycopg.

Why one module: the export, the app's first screen and the Tracker's "all
workshops" each read without the ORM, and each used to ask "file or server?" on
its own (the first screen and the Tracker never asked, so a server seat took the
ORM).  Here the question is asked once; both readers run the same queries
(``models.db.light_journey``, ``models.db.light.HOME_ROWS_SQL``) and answer the
same rows, or None for the store's path.  A server that cannot be reached raises
the store's sentence (``models.db.light_server.refusal``) rather than None.  A
seat's store hands its own server link (``Store.light_source``), so its repeated
reads share one connection.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from models.db.journey import Journey

if TYPE_CHECKING:  # Home's rows: an export never loads Home's reader (nor its dataclass)
    from models.db.light import WorkshopRow
    from models.db.light_server import ServerLink


def load_journeys(target: Path | str | ServerLink | None, workshop_ids: list[int] | None, *,
                  first: int | None = None) -> list[Journey] | None:
    """``light_journey.load_journeys`` of a file, a server URL or a seat's server link
    (``Store.light_source``), or None."""
    if isinstance(target, Path):
        from models.db.light_journey import load_journeys as from_file

        return from_file(target.expanduser(), workshop_ids, first=first)
    if not target:
        return None
    from models.db.light_server import load_journeys as from_server

    return from_server(target, workshop_ids, first=first)


def list_workshops(target: Path | str | ServerLink | None) -> list[WorkshopRow] | None:
    """Home's rows (``Store.list_workshops`` order) from a file, a server URL or link, or
    None."""
    if isinstance(target, Path):
        from models.db.light import list_workshops as from_file

        return from_file(target.expanduser())
    if not target:
        return None
    from models.db.light_server import list_workshops as from_server

    return from_server(target)
