"""The ``journeymap`` command line: the entry point for the CLI and the TUI.

Start-up stays lean: this module imports only Typer.  Storage (SQLModel) is
imported inside the commands that need it and Textual only by the commands
that open the UI, so ``journeymap --help`` never pays for either.

Commands live in small modules by area (``cli_workshops``, ``cli_outputs``,
``cli_pairing``) that register themselves on ``app``; this module owns the
shared options (``--db``, ``--as``) and turns every ``StoreError`` or
``ValueError`` into one clear sentence and a non-zero exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tui.identity import default_user  # re-exported for the commands

if TYPE_CHECKING:
    from rich.console import Console

    from models.db.store import Store

app = typer.Typer(
    name="journeymap",
    help="Run a support customer-journey-mapping workshop and turn it into an action plan.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@dataclass
class Context:
    """Options shared by every command (set by the callback below)."""

    db: Path | None = None

    def store(self, *, who: str = "", read_only: bool = False) -> Store:
        from models.db.store import Store

        require_folder(self.db)
        return Store(self.db, who=who or default_user(), read_only=read_only)

    def reader(self) -> Store:
        """For commands that only read: a read-only store when the file exists, so they
        work on a read-only folder or file; a new or older file is opened normally
        (created or upgraded)."""
        from models.db.dbfile import FileState, default_db_path, inspect_file

        require_folder(self.db)
        state, _version = inspect_file(self.db.expanduser() if self.db else default_db_path())
        return self.store(read_only=state is FileState.CURRENT)


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


def require(store: Store, workshop_id: int | None, action: str) -> None:
    """Refuse (one sentence, exit 1) when this OS account may not do ``action``.

    ``workshop_id`` None checks the whole file (adding a workshop to it).  The rule
    itself lives in ``models.db.access``, shared with the app.
    """
    from models.db import access

    account = access.current_account()
    if workshop_id is None:
        access.require_portfolio(store, account, action)
    else:
        access.require(store, workshop_id, account, action)



def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"journeymap {version('journeymap')}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option(
        "--db", envvar="JOURNEYMAP_DB", help="Database file (default: per-user data dir).")] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Run a support customer-journey-mapping workshop and turn it into an action plan."""
    STATE.db = db
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear sentence to stderr and return the Exit to raise."""
    typer.echo(f"journeymap: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can act on into one line on stderr and exit code 1.

    Shared by every command module (here, not in one of them, so that any module
    can be imported first without an import cycle through ``_register``).
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


def _register() -> None:
    # Imported for their side effect of adding commands to ``app``.
    from tui.cli import workshops as cli_workshops  # noqa: F401

    for optional in ("tui.cli.outputs", "tui.cli.pairing", "tui.cli.seats"):
        try:
            __import__(optional)
        except ModuleNotFoundError as exc:
            if exc.name != optional:
                raise


_register()


def main() -> None:
    """Console-script entry point: user errors become one line and exit code 1."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence against tracebacks
        from models.db.dbfile import StoreError

        if isinstance(exc, (StoreError, ValueError, OSError)):
            typer.echo(f"journeymap: {exc}", err=True)
            sys.exit(1)
        typer.echo(f"journeymap: unexpected error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
