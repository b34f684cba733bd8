"""Team server commands: ``copy`` moves a portfolio between a file and a server,
``upgrade`` brings a database made by an older journeymap up to this one's schema.

Imports only Typer and ``tui.cli.common`` at module level (``--help`` stays lean);
the store and the copy are imported inside the command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from models.rules.counts import plural
from tui.cli.common import (
    LEFT_OUT_EXIT,
    STATE,
    Context,
    command_group,
    default_user,
    fail,
    require,
    require_folder,
    say,
    user_errors,
)

app = command_group()


def _target(value: str) -> Path | str:
    from models.db.dbfile import db_target  # stdlib only

    return db_target(value)


@app.command("copy")
def copy(
    source: Annotated[str, typer.Option(
        "--from", metavar="FILE|URL", help="The database to copy: a file or postgresql://user@host/dbname.")],
    target: Annotated[str, typer.Option(
        "--to", metavar="FILE|URL", help="An empty database to copy into (created if missing).")],
) -> None:
    """Copy every workshop (plan, people and change log included) into an empty database.

    A map that cannot be read or carried is left out and named on stderr, the others
    are copied, and it ends with exit code 4 (exit code 1: nothing was copied).
    """
    with user_errors():
        from models.db.store import Store
        from models.export.portfolio_copy import copy_portfolio
        from tui.cli.export import left_out

        src, dst = _target(source), _target(target)
        reading = Context()  # the source is only read: opened as read-only commands open --db
        reading.db = src
        require_folder(dst)
        with reading.reader() as old:
            for workshop in old.list_readable()[0]:  # read as an export reads each map
                require(old, int(workshop.id or 0), "export")
            with Store(dst, who=default_user(), create=True) as new:  # refused: none made
                require(new, None, "import")
                copied, refused = copy_portfolio(old, new)
                left_out(refused)
                for item in copied:
                    say(f"{item.source_id} -> {item.new_id}")
                missing = f"; {len(refused)} left out, named above" if refused else ""
                say(f"Copied {plural(len(copied), 'workshop')} from {old.where} to "
                    f"{new.where}{missing}.")
        if refused:  # after the destination is closed: what was copied is kept
            raise typer.Exit(LEFT_OUT_EXIT)


@app.command("upgrade")
def upgrade() -> None:
    """Upgrade a database made by an older journeymap (commands that only read refuse it)."""
    with user_errors():
        from models.db.schema import SCHEMA_VERSION, Outdated

        try:
            STATE.reader().close()
        except Outdated as old:
            version = old.version
        else:
            say(f"{_where()} is already at schema {SCHEMA_VERSION}; nothing to upgrade.")
            return
        if not isinstance(STATE.db, str):  # a server's own rights decide who may alter it
            _require_owner()
        STATE.store().close()
        say(f"Upgraded {_where()} from schema {version} to {SCHEMA_VERSION}.")


def _where() -> str:
    from models.db.dbfile import default_db_path
    from models.db.server import shown

    return shown(STATE.db) if isinstance(STATE.db, str) else \
        str((STATE.db or default_db_path()).expanduser())


def _require_owner() -> None:
    """An upgrade rewrites the file's tables: only the account that owns the file (the
    lead who made it) may, as on a server only a user that may alter the tables can."""
    from models.db.access import current_account, file_owner

    owner, account = file_owner(_where()), current_account()
    if owner != account:
        raise fail(f"Only the owner of {_where()} ({owner}) can upgrade it; the account "
                   f"{account} is not (ask them to run `journeymap upgrade`).")
