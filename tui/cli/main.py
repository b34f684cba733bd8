"""The ``journeymap`` command line: the entry point for the CLI and the TUI.

Start-up stays lean: only Typer is imported at module level.  Storage (SQLModel)
is imported inside the commands that need it and Textual only by the commands
that open the UI, so ``journeymap --help`` never pays for either.

Commands live in small modules by area (``workshops``, ``outputs``, ``pairing``, ``seats``),
each with its own Typer; this module owns the root options (``--db``,
``--version``) and registers the command modules explicitly.  Shared helpers are
in ``tui.cli.common``, which the command modules import (never this module).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tui.cli import method, outputs, pairing, seats, serve, team, tickets, workshops
from tui.cli.common import STATE

if TYPE_CHECKING:
    from typer._click.exceptions import UsageError

app = typer.Typer(
    name="journeymap",
    help="Run a support customer-journey-mapping workshop and turn it into an action plan.",
    no_args_is_help=False,
    add_completion=True,  # --install-completion / --show-completion for the shell
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
for _module in (workshops, outputs, pairing, seats, serve, team, method):
    app.add_typer(_module.app)
app.add_typer(workshops.templates_app, name="templates")
app.add_typer(tickets.app, name="tickets")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"journeymap {version('journeymap')}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", envvar="JOURNEYMAP_DB",
        help="Database file (default: per-user data dir) or postgresql://user@host/dbname.",
    )] = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """Run a support customer-journey-mapping workshop and turn it into an action plan."""
    from models.db.dbfile import is_url  # stdlib only

    STATE.db = None if db is None else db if is_url(db) else Path(db)
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def main() -> None:
    """Console-script entry point: user errors become one line and exit code 1.

    Click's standalone mode prints a usage error as a four-line block (usage,
    hint, blank, error); ``standalone_mode=False`` hands the error here so it
    is one sentence naming the command whose ``--help`` explains it.
    """
    # Typer 0.28 carries its own Click; its exceptions are the ones raised here.
    from typer._click.exceptions import ClickException, UsageError

    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except UsageError as exc:
        typer.echo(usage_sentence(exc), err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("", err=True)
        sys.exit(1)
    except ClickException as exc:
        typer.echo(f"journeymap: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
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


def usage_sentence(exc: UsageError) -> str:
    """'journeymap open: No such option: --nope (see journeymap open --help).'"""
    command = exc.ctx.command_path if exc.ctx is not None else "journeymap"
    message = " ".join(exc.format_message().split()).rstrip(".")
    return f"{command}: {message} (see {command} --help)."
