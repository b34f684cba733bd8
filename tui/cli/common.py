"""What every command module shares: options state, errors, console.

Imports only Typer (and the stdlib): ``journeymap --help`` loads it.  Command
modules import this module, never ``tui.cli.main``, so the CLI has no import
cycle; ``main`` imports the command modules and registers them explicitly.
Every ``StoreError``, ``ValueError`` or ``OSError`` a person can act on becomes
one sentence on stderr and exit code 1 (``user_errors``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tui.identity import default_user

if TYPE_CHECKING:
    from rich.console import Console

    from models.db.store import Store

__all__ = ["STATE", "Context", "command_group", "console", "default_user", "fail",
           "refuse_observer", "require_folder", "user_errors"]


def command_group() -> typer.Typer:
    """A command module's own Typer; ``main`` merges its commands into the root app."""
    return typer.Typer(rich_markup_mode=None, add_completion=False)


@dataclass
class Context:
    """Options shared by every command (set by the root callback in ``tui.cli.main``)."""

    db: Path | None = None

    def store(self, *, who: str = "", read_only: bool = False) -> Store:
        from models.db.store import Store

        require_folder(self.db)
        return Store(self.db, who=who or default_user(), read_only=read_only)


def require_folder(db: Path | None) -> None:
    """Refuse a chosen database file whose folder does not exist.

    Why: a typo in ``--db`` (or ``JOURNEYMAP_DB``) used to create the whole folder
    chain and an empty database, so the lead saw "No workshops yet" instead of
    their mistake.  Only the per-user default location (``db`` is None) has its
    folder created on demand.
    """
    if db is None:
        return
    folder = db.expanduser().parent
    if not folder.is_dir():
        from models.db.dbfile import StoreError

        raise StoreError(f"The folder {folder} does not exist, so {db} cannot be opened "
                         "or created; create the folder first or choose another --db path.")


STATE = Context()


def refuse_observer(store: Store, workshop_id: int) -> None:
    """Refuse a change from someone seated in this workshop as an observer.

    The seat's role is data (``Participant.role`` for the name running the
    command): an observer watches the room and never changes the map, from the
    TUI or from here.
    """
    from sqlmodel import select

    from models.db.tables import Participant

    with store.read() as s:
        seat = s.exec(select(Participant).where(Participant.workshop_id == workshop_id,
                                                Participant.name == store.who)).first()
    if seat is not None and seat.role == "observer":
        raise fail(f"{store.who} is an observer in workshop {workshop_id} and cannot change it.")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear sentence to stderr and return the Exit to raise."""
    typer.echo(f"journeymap: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can act on into one line on stderr and exit code 1.

    Shared by every command module.
    """
    from models.db.dbfile import StoreError

    try:
        yield
    except (StoreError, ValueError) as exc:
        raise fail(str(exc).rstrip()) from None
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise fail(f"{exc.strerror or exc}{where}.") from None


def console(*, err: bool = False) -> Console:
    """A Rich console that never interprets markup, emoji codes or highlights in text."""
    from rich.console import Console

    return Console(stderr=err, markup=False, emoji=False, highlight=False)
