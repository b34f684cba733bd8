"""What every command module shares: options state, errors, console.

Imports only Typer (and the stdlib): ``journeymap --help`` loads it.  Command
modules import this module, never ``tui.cli.main``, so the CLI has no import
cycle; ``main`` imports the command modules and registers them explicitly.
Every ``StoreError``, ``ValueError`` or ``OSError`` a person can act on becomes
one sentence on stderr and exit code 1 (``user_errors``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tui.identity import default_user

if TYPE_CHECKING:
    from rich.console import Console

    from models.db.store import Store

__all__ = ["LEFT_OUT_EXIT", "OVERDUE_EXIT", "STATE", "WORKSHOP_HELP", "Context", "WorkshopId",
           "command_group", "console", "default_user", "document", "fail", "require",
           "require_folder", "user_errors"]


WORKSHOP_HELP = "Workshop number (see `journeymap list`)."
# Exit codes beside 0 (done) and 1 (a user error: nothing done), as docs/architecture.md
# lists them: a command did its work and found something a script must not pass over.
OVERDUE_EXIT = 3  # tracker --overdue listed overdue items
LEFT_OUT_EXIT = 4  # copy, list, tracker, report, export left the maps named on stderr out
WorkshopId = Annotated[int, typer.Argument(help=WORKSHOP_HELP)]
"""A command's workshop argument, worded once for every ``--help`` (``ID`` in its usage line)."""


def command_group() -> typer.Typer:
    """A command module's own Typer; ``main`` merges its commands into the root app."""
    return typer.Typer(rich_markup_mode=None, add_completion=False)


class Context:
    """Options shared by every command (set by the root callback in ``tui.cli.main``).

    A plain class, not a dataclass: it is built once, with no arguments, and never
    compared or printed, and a dataclass compiles its generated methods as the module
    is imported (~2.5 M instructions of every command, an export's included).
    """

    db: Path | str | None = None  # a str is a PostgreSQL URL (``dbfile.is_url``)
    left_out = 0  # maps this command could not read and named on stderr (``LEFT_OUT_EXIT``)

    def store(self, *, who: str = "", read_only: bool = False, create: bool = False,
              upgrade: bool = True) -> Store:
        """The store of ``--db``; only commands that create (new, demo, import) pass
        ``create=True``, the others refuse a path with no database yet."""
        from models.db.store import Store

        require_folder(self.db)
        store = Store(self.db, who=who or default_user(), read_only=read_only, create=create,
                      upgrade=upgrade)
        if store.damage:  # reading may rescue what is left; every write is refused
            say(f"journeymap: warning: {store.path} is damaged ({store.damage[:120]}); "
                       "showing what can be read, changes are refused.", err=True)
        return store

    def reader(self) -> Store:
        """For commands that only read: a read-only store when the file is current, so
        they work on a read-only folder or file; an older file or server database is
        refused in one sentence naming `journeymap upgrade` (a read never writes), and a
        missing one is refused as by ``store``."""
        from models.db.dbfile import FileState, default_db_path, inspect_file

        require_folder(self.db)
        if isinstance(self.db, str):  # a server: its schema is checked by the store itself
            return self.store(upgrade=False)
        state, _version = inspect_file(self.db.expanduser() if self.db else default_db_path())
        return self.store(read_only=state is FileState.CURRENT, upgrade=False)


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
        access.require(store, workshop_id, account, action, name=store.who)


def require_folder(db: Path | str | None) -> None:
    """Refuse a chosen database file whose folder does not exist.

    Why: a typo in ``--db`` (or ``JOURNEYMAP_DB``) used to create the whole folder
    chain and an empty database, so the lead saw "No workshops yet" instead of
    their mistake.  Only the per-user default location (``db`` is None) has its
    folder created on demand.
    """
    if db is None or isinstance(db, str):  # no folder behind a server URL
        return
    folder = db.expanduser().parent
    if not folder.is_dir():
        from models.db.dbfile import StoreError

        raise StoreError(f"The folder {folder} does not exist, so {db} cannot be opened "
                         "or created; create the folder first or choose another --db path.")


STATE = Context()


def marked(message: str) -> str:
    """``message`` (which may hold user text: a file name, a CSV's column, a category) with
    every control character shown as a mark (``tui.safe_text.clean``).

    Why: a file another account planted in the shared folder, named with ``ESC ]52;…``,
    wrote the lead's clipboard when a refusal named it, as typed text would on a screen.
    Plain lines (nearly all) skip the import of ``tui.safe_text`` and the Rich it loads.
    """
    if not message.replace("\n", "").isprintable():
        from tui.safe_text import clean

        message = clean(message, keep_newlines=True)
    return message


def say(message: str, *, err: bool = False) -> None:
    """Print one plain line whose words may hold user text, controls as marks (``marked``)."""
    typer.echo(marked(message), err=err)


def document(pieces: list[bytes]) -> None:
    """Print a document (an export, ``tickets show``'s csv or json) on stdout.

    Into a pipe or a file its bytes stay exact: ``> plan.md`` must give the file ``-o``
    writes.  On a terminal it is read, not kept, and a planted name must not drive the
    terminal (a JSON backup keeps bidi overrides, which reorder what the lead reads), so
    its controls show as marks (``marked``), CRLF line ends as plain ones.
    """
    if not sys.stdout.isatty():
        for piece in pieces:
            typer.echo(piece, nl=False)
        return
    text = b"".join(pieces).decode("utf-8", "replace").replace("\r\n", "\n")
    typer.echo(marked(text), nl=False)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear sentence to stderr and return the Exit to raise.

    The sentence ends with a full stop even when it was built from an error that
    has none (a file's ``DataError``, a store's), so every refusal reads the same.
    """
    message = message.rstrip()
    if not message.endswith((".", "?", "!")):
        message += "."
    say(f"journeymap: {message}", err=True)
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


# The width of output with no terminal and no COLUMNS: wide enough that nothing wraps.
UNWRAPPED = 100_000


def console(*, err: bool = False) -> Console:
    """A Rich console that never interprets markup, emoji codes or highlights in text.

    Into a pipe or a file (``show 1 | less``, ``> summary.txt``) there is no width to
    fit, and Rich's 80-column guess split long names across lines ("Discoverin / g
    the"): nothing is wrapped there unless ``COLUMNS`` asks for a width.
    """
    import os

    from rich.console import Console

    stream = sys.stderr if err else sys.stdout
    width = None if stream.isatty() or os.environ.get("COLUMNS") else UNWRAPPED
    return Console(stderr=err, markup=False, emoji=False, highlight=False, width=width)
