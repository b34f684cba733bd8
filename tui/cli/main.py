"""The ``journeymap`` command line: the entry point for the CLI and the TUI.

Start-up stays lean: only Typer is imported at module level.  Storage (SQLModel)
is imported inside the commands that need it and Textual only by the commands
that open the UI, so ``journeymap --help`` never pays for either.

Commands live in small modules by area (``workshops``, ``outputs``, ``pairing``, ``seats``),
each with its own Typer; this module owns the root options (``--db``,
``--version``) and names each command's module in ``COMMANDS``, imported only
when that command runs.  Shared helpers are
in ``tui.cli.common``, which the command modules import (never this module).
Annotations are evaluated as the module is imported, as in the command modules
(``tui.cli.export`` says why); names imported for type checking only are quoted.
"""

import gc

# Importing Typer (and the Click it carries) and building this module's commands make
# objects that live as long as the process: the ~20 collections those allocations set
# off find no garbage (~2 ms of an export's CPU).  The collector is paused from here to
# the end of this module; there the objects made so far are frozen (moved out of the
# generations the collector walks: a paused collector still leaves them in the youngest
# one, which the first allocation after resuming made it walk whole, ~17,000 objects)
# and the collector is back as the importer had it.
_COLLECTING = gc.isenabled()
gc.disable()
try:
    import sys
    from importlib import import_module
    from typing import TYPE_CHECKING, Annotated, Any

    from tui.cli.deferred import deferring

    with deferring():  # what Typer imports for completion and source code runs on first use
        import typer
        from typer._click.exceptions import BadParameter, UsageError
        from typer._click.types import IntParamType
        from typer.core import TyperArgument, TyperGroup, TyperOption

    from tui.cli.common import LEFT_OUT_EXIT, STATE, say
except BaseException:
    if _COLLECTING:
        gc.enable()
    raise

if TYPE_CHECKING:
    from typer._click.core import Command, Context, Parameter

# Every command, by the module (``tui.cli.<module>``) that defines it, in ``--help`` order;
# then the command groups and the module attribute holding each.  Listed by hand so
# that a command's module is imported only when that command runs (``LazyCommands``);
# ``tests/cli/test_cli_lazy_commands.py`` checks this table against the modules.
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("workshops", ("new", "list", "show", "open", "demo", "delete", "import")),
    ("export", ("export",)),
    ("outputs", ("cards", "tracker", "plan", "report")),
    ("pairing", ("log", "undo", "who")),
    ("seats", ("seat", "role")),
    ("serve", ("invite", "serve", "browser-seat")),
    ("team", ("copy", "upgrade")),
    ("method", ("future", "costs", "escalation", "reviewed", "card-effect", "pain-volume")),
)
GROUPS: dict[str, tuple[str, str]] = {"templates": ("templates", "templates_app"),
                                      "tickets": ("tickets", "app")}
_MODULE_OF = {name: module for module, names in COMMANDS for name in names}


class LazyCommands(TyperGroup):
    """The root group: a command's module is imported and built when it is asked for.

    Click's documented pattern for lazily loaded subcommands.  Why: building all
    34 commands (importing eight modules, inspecting every signature) cost about
    50 ms of CPU, a third of what ``export`` of a 2,000-touchpoint map needs.  Only
    the command asked for is built, not its module's neighbours (Typer inspects
    each command's signature to build it).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _worded(self)  # the root options (--db) in the README's words too

    def list_commands(self, ctx: "Context") -> list[str]:
        return [*_MODULE_OF, *GROUPS]

    def get_command(self, ctx: "Context", cmd_name: str) -> "Command | None":
        if cmd_name not in self.commands:
            if cmd_name in _MODULE_OF:
                module = import_module(f"tui.cli.{_MODULE_OF[cmd_name]}")
                self.commands[cmd_name] = _worded(_built(module.app, cmd_name))
            elif cmd_name in GROUPS:
                module_name, attribute = GROUPS[cmd_name]
                group = typer.main.get_group(getattr(import_module(f"tui.cli.{module_name}"),
                                                     attribute))
                group.name = cmd_name
                for command in group.commands.values():
                    _worded(command)
                self.commands[cmd_name] = group
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: "Context", args: list[str]) -> Any:
        if args and args[0] not in self.commands and args[0] not in _MODULE_OF \
                and args[0] not in GROUPS:
            for name in self.list_commands(ctx):  # a typo: "did you mean" needs every name
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


class WorkshopNumber(IntParamType):
    """A workshop number: an int, refused in words a workshop lead reads.

    Click's own refusal names the Python parameter ("Invalid value for
    'workshop_id': 'abc' is not a valid int").  A ``UsageError`` (not a
    ``BadParameter``) carries no parameter name, so the sentence is only ours.
    The type's name stays Click's ``integer``: help and completion are unchanged.
    """

    def convert(self, value: Any, param: "Parameter | None", ctx: "Context | None") -> Any:
        try:
            return super().convert(value, param, ctx)
        except BadParameter:
            raise UsageError(f"{value!r} is not a workshop number; `journeymap list` shows "
                             "each workshop's number.", ctx) from None


_WORKSHOP_NUMBER = WorkshopNumber()


# The README's word for a value, by argument name or option (without its dashes), where
# the name in capitals would not say what to type.  One word for one thing in every
# command: a workshop is ID, a date YYYY-MM-DD, a database FILE|URL.  An option whose
# word depends on its command (``--days N`` of an invitation, ``--from HH:MM`` of
# business hours, ``--volume PERCENT`` of a card's effect beside a pain point's VOLUME)
# names it itself with ``metavar=``.
WORDS = {"workshop_id": "ID", "workshop": "ID", "card_id": "CARD", "card": "CARD",
         "path": "FILE", "output": "FILE", "db": "FILE|URL", "template": "NAME|FILE",
         "as": "NAME", "who": "NAME", "owner": "NAME", "account": "LOGIN",
         "key": "FINGERPRINT", "start": "YYYY-MM-DD", "holiday": "YYYY-MM-DD",
         "month": "YYYY-MM", "period": "YYYY-MM[..YYYY-MM]", "since": "DATE|SPAN",
         "set": "N", "delete": "N", "respond": "MINUTES", "update": "MINUTES",
         "handle-minutes": "MINUTES", "tz": "ZONE", "map": "FIELD=COLUMN",
         "by": "GROUPING", "source": "PRODUCT", "criteria": "TEXT", "early-warning": "TEXT",
         "description": "TEXT", "severity": "NAME"}


class Placeholder(TyperArgument):
    """An argument shown in ``--help`` as the README writes it: ``ID``, ``RANK``, ``[VOLUME]``.

    Typer 0.28 shows a required argument as its Python name in braces
    (``{workshop_id}``), which a workshop lead reads as code.  The word is the
    argument's ``metavar`` or its ``WORDS`` entry or name in capitals; a workshop is
    ``ID`` and a card ``CARD`` whatever the parameter is called, and only the usage
    line brackets an optional one, as Click does.
    """

    def make_metavar(self, ctx: "Context", *, usage: bool = False) -> str:
        name = self.name or ""
        word = (self.metavar or WORDS.get(name, name)).upper()
        return f"[{word}]" if usage and not self.required else word


def _worded(command: "Command") -> "Command":
    """``command`` with its workshop typed as a ``WorkshopNumber``, every argument shown
    as a ``Placeholder`` and every option's value as the README writes it.

    Typer 0.28 shows an option's value as its Python type (``--days <int>``, ``--start
    <str>``), which says nothing about what to type.  An option without its own
    ``metavar`` (a list of choices has one: ``[md|json|csv|ics]``) shows its ``WORDS``
    entry, else its name in capitals, as Click shows an argument: ``--title TITLE``.
    """
    for param in command.params:
        if param.name in ("workshop_id", "workshop") and type(param.type) is IntParamType:
            param.type = _WORKSHOP_NUMBER
        if type(param) is TyperArgument:  # the same argument, only its help words differ
            param.__class__ = Placeholder
        elif isinstance(param, TyperOption) and not param.is_flag and param.metavar is None:
            flag = max(param.opts, key=len).lstrip("-")
            param.metavar = WORDS.get(flag, flag.upper())
    return command


def _built(module_app: typer.Typer, cmd_name: str) -> "Command":
    """The click command ``cmd_name`` of a command module's Typer, built alone."""
    for info in module_app.registered_commands:
        if info.name == cmd_name:
            return typer.main.get_command_from_info(
                info, pretty_exceptions_short=module_app.pretty_exceptions_short,
                rich_markup_mode=module_app.rich_markup_mode)
    return typer.main.get_group(module_app).commands[cmd_name]  # a name Typer derived


app = typer.Typer(
    name="journeymap",
    help="Run a support customer-journey-mapping workshop and turn it into an action plan.",
    no_args_is_help=False,
    add_completion=True,  # --install-completion / --show-completion for the shell
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    cls=LazyCommands,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"journeymap {version('journeymap')}")
        raise typer.Exit()


def _left_out_exit(*_results: object, **_params: object) -> None:
    """After a command that printed what it could but left a map out (``Context.left_out``),
    exit ``LEFT_OUT_EXIT``: with 0 a script took a portfolio missing a map for whole.

    Runs only when the command returned: its own exit (1, ``tracker --overdue``'s 3)
    stands, as it said more than this would."""
    if STATE.left_out:
        raise typer.Exit(LEFT_OUT_EXIT)


@app.callback(invoke_without_command=True, result_callback=_left_out_exit)
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
    from models.db.dbfile import db_target  # stdlib only

    STATE.db = None if db is None else db_target(db)
    STATE.left_out = 0
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


def main() -> None:
    """Console-script entry point: user errors become one line and exit code 1.

    Click's standalone mode prints a usage error as a four-line block (usage,
    hint, blank, error); ``standalone_mode=False`` hands the error here so it
    is one sentence naming the command whose ``--help`` explains it.
    """
    try:
        _run()
    finally:
        # The process ends here.  CPython's last act is one cyclic collection over
        # every object still alive (modules, rows read, the document written): for an
        # export of a big map ~10 % of its CPU, to find no garbage.  Frozen objects are
        # skipped by it and still freed as the modules are cleared.
        gc.freeze()


def _run() -> None:
    """Run the command line; exit codes and error sentences as ``main`` says."""
    # Typer 0.28 carries its own Click; its exceptions are the ones raised here.
    from typer._click.exceptions import ClickException

    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except UsageError as exc:
        say(usage_sentence(exc), err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("", err=True)
        sys.exit(1)
    except ClickException as exc:
        say(f"journeymap: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence against tracebacks
        from models.db.dbfile import StoreError

        if isinstance(exc, (StoreError, ValueError, OSError)):
            say(f"journeymap: {exc}", err=True)
            sys.exit(1)
        say(f"journeymap: unexpected error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)


def usage_sentence(exc: UsageError) -> str:
    """'journeymap open: No such option: --nope (see journeymap open --help).'"""
    command = exc.ctx.command_path if exc.ctx is not None else "journeymap"
    message = " ".join(exc.format_message().split()).rstrip(".")
    return f"{command}: {message} (see {command} --help)."


gc.freeze()  # what the import made, as ``tui.app.opening`` freezes what the app loaded
if _COLLECTING:  # paused at the top of this module
    gc.enable()
