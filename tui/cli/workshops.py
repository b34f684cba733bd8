"""Workshop commands: new, list, show, open, demo, delete, import.

Only Typer is imported at module level: ``journeymap --help`` loads this module, so
storage (SQLModel), Rich tables and Textual are imported inside the commands that
use them.  Everything a person typed is printed as a ``rich.text.Text`` through
``tui.safe_text`` (never as markup), and every user error becomes one sentence on
stderr with exit code 1 via ``user_errors``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from models.rules.counts import plural
from models.vocab import ROLES, STEPS
from tui.cli.common import (
    STATE,
    WorkshopId,
    command_group,
    console,
    default_user,
    fail,
    marked,
    require,
    require_folder,
    say,
    user_errors,
)

app = command_group()

if TYPE_CHECKING:
    from models.db.store import Store

ROLE_NAMES = ROLES
BLANK = "blank"
DEMO_KEY = "demo_workshop"  # journeymap_meta key holding the demo workshop's id
DEMO_PENDING = "demo_pending"  # the demo being made: finished by the next run if cut off

def _interactive() -> bool:
    """Prompt only when a person can answer (not in pipes, scripts or CI)."""
    return sys.stdin.isatty()


def _t(value: object, style: str = "", limit: int | None = None) -> Any:
    """User text as a literal, wrapping Rich ``Text`` (see ``tui.safe_text``)."""
    from tui.safe_text import safe

    text = safe(value, style, limit=limit)
    text.no_wrap = False
    return text


# -- new ----------------------------------------------------------------------------
def _ask(option: str, label: str, given: str | None, default: str = "") -> str:
    """The option's value, asked for on a terminal, else an error naming the option."""
    if given is not None and given.strip():
        return given
    if not _interactive():
        raise fail(f"{option} is missing: give {option} (no questions are asked when input "
                   "is not a terminal).")
    # the default may come from a template file: shown with marks, answered exactly
    shown = f"{label} [{marked(default)}]" if default else label
    value: str = typer.prompt(shown, default=default or None, show_default=False)
    if not value.strip():
        raise fail(f"{option} cannot be empty.")
    return value


def _choose_template(given: str | None) -> str:
    if given is not None and given.strip():
        return given.strip()
    if not _interactive():
        raise fail(f"--template is missing: give a template name or '{BLANK}' "
                   "(see `journeymap templates list`).")
    from models.export.templates import template_names

    names = template_names()
    names += [BLANK] * (BLANK not in names)  # blank ships as a file too: listed once
    for number, name in enumerate(names, start=1):
        say(f"  {number}. {name}", err=True)
    first = _demo_template() or BLANK
    answer = typer.prompt(f"Template (name or number) [{marked(first)}]", default=first,
                          show_default=False)
    if answer.strip().isdecimal() and 1 <= int(answer) <= len(names):
        return names[int(answer) - 1]
    return answer.strip()


def _check_typed(options: dict[str, str | None]) -> None:
    """Refuse a typed value the store would refuse, naming the option that was typed (the
    template's own check would name the template file instead)."""
    from models.db.fields import FieldError, coerce
    from models.db.tables.workshop import Workshop

    for option, value in options.items():
        if value is None:
            continue
        try:
            coerce(Workshop, option.removeprefix("--"), value)
        except FieldError as exc:
            raise fail(f"{option}: {exc}") from None


def create_workshop(store: Store, template: str, **scope: Any) -> int:
    """From a template (shipped name or TOML path), or blank with the default stages.

    Without a title the template's title is kept, else the scenario names the map, so
    no workshop shows up untitled in ``list``.
    """
    from models.export.templates import create_from_template, load_template, template_names

    if template == BLANK and BLANK not in template_names():
        scope["title"] = scope.get("title") or scope.get("scenario")
        return int(store.create_workshop(**{k: v for k, v in scope.items() if v}).id or 0)
    if not scope.get("title"):
        scope["title"] = load_template(template)["workshop"].get("title") or scope.get("scenario")
    return create_from_template(store, template, **scope)


@app.command("new")
def new(
    template: Annotated[str | None, typer.Option(
        "--template", "-t", help=f"Template name or .toml file, or '{BLANK}'.")] = None,
    persona: Annotated[str | None, typer.Option(help="Who the journey is for.")] = None,
    scenario: Annotated[str | None, typer.Option(help="The situation mapped.")] = None,
    title: Annotated[str | None, typer.Option(help="Title (default: the template's).")] = None,
) -> None:
    """Create a workshop and print its id (asks for missing options only on a terminal)."""
    with user_errors():
        name = _choose_template(template)
        defaults: dict[str, Any] = {}
        if name != BLANK and (persona is None or scenario is None) and _interactive():
            from models.export.templates import load_template

            defaults = load_template(name)["workshop"]
        who = _ask("--persona", "Persona", persona, defaults.get("persona", ""))
        what = _ask("--scenario", "Scenario", scenario, defaults.get("scenario", ""))
        _check_typed({"--persona": who, "--scenario": what, "--title": title})
        store = STATE.store(create=True)
        require(store, None, "import")
        new_id = create_workshop(store, name, persona=who, scenario=what, title=title)
    typer.echo(str(new_id))
    if _interactive():
        typer.echo(f"Open it with: journeymap open {new_id}", err=True)


# -- list / show --------------------------------------------------------------------
@app.command("list")
def list_workshops() -> None:
    """List the workshops in the database, most recently changed first."""
    from rich.table import Table

    with user_errors():
        store = STATE.reader()
        workshops, unreadable = store.list_readable()
    out = console()
    if not workshops and not unreadable:
        out.print(_t(f"No workshops yet in {store.where}."))
        out.print("Create one with `journeymap new` or try `journeymap demo`.")
        return
    from models.rules.clock import today
    from models.rules.staleness import review_status, review_words  # "2026-10-15 DUE"
    from tui.safe_text import marked_title

    day = today()
    statuses = [review_status(w, day) for w in workshops]
    # The column shows once a map has a review date or is due: a fresh database keeps
    # its narrow table, where titles stay on one line at 80 columns.
    reviews = any(st.last_reviewed is not None or st.due for st in statuses)
    headers = ["id", "title", "persona", "scenario", "step", "updated"]
    table = Table(*headers, *(["reviewed"] if reviews else []), header_style="bold")
    due = 0
    for w, status in zip(workshops, statuses, strict=True):
        due += status.due
        title = marked_title(w, 40)
        title.no_wrap = False
        table.add_row(str(w.id), title, _t(w.persona, limit=30),
                      _t(w.scenario, limit=40), _t(w.current_step),
                      w.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                      *([_t(review_words(status), "bold red" if status.due else "")]
                        if reviews else []))
    STATE.left_out += len(unreadable)
    for bad in unreadable:  # listed, so its id can be deleted; the sentence says why
        table.add_row(str(bad.workshop_id), _t(bad.title, limit=40), "", "",
                      _t("cannot be read", "bold red"), "", *([""] if reviews else []))
        typer.echo(f"journeymap: {bad.sentence}", err=True)
    out.print(table)
    for status in statuses:
        if status.due:
            out.print(_t(f"Workshop {status.workshop.id}: {status.text}.", "bold red"))
    if due:
        out.print(f"{plural(due, 'map')} overdue for the monthly review: review with the room, "
                  "then `journeymap reviewed ID`.")


@app.command("show")
def show(workshop_id: WorkshopId) -> None:
    """A readable summary: scope, stages with KPIs, pain points, cards and risks."""
    with user_errors():
        from tui.cli.export import read_map

        journey, _ = read_map(workshop_id, portfolio=False)
    from tui.cli.summary import print_summary

    print_summary(console(), journey)


# -- open / demo --------------------------------------------------------------------
def _launch(db_path: Path | str, workshop_id: int | None, step: str | None, who: str,
            role: str | None, link: Any = None, **seat: str) -> None:
    """Start the TUI (Textual imported here, never by ``--help``), handing it ``link``."""
    from tui.app.launch import run_app

    kwargs: dict[str, Any] = {"who": who, **seat, **({"link": link} if link else {})}
    if role:
        kwargs["role"] = role
    run_app(db_path, workshop_id=workshop_id, step=step, **kwargs)


def _check_open(workshop_id: int | None, step: str | None,
                read_only: bool) -> tuple[Path | str, str | None, Any]:
    """Refuse a wrong file, workshop or step before the UI starts, without SQLModel.

    The storage layer's import costs a third of a second, so only ``models.db.dbfile``
    (stdlib sqlite3) is used, or for a server plain psycopg through a link the app's first
    screen reads through and closes (one connection, not two); the store only for what
    that cannot vouch for.  Returns the path, the step key and that link."""
    from models.db.dbfile import check_openable
    from models.vocab import STEPS, resolve_step

    require_folder(STATE.db)
    path: Path | str | None = STATE.db
    link = None
    if isinstance(path, str):  # a server: psycopg alone when all is well, else the store
        from models.db.light_server import ServerLink, openable

        link = ServerLink(path)
        if not openable(link, workshop_id):
            link.close()
            with STATE.store(read_only=read_only) as store:
                if workshop_id is not None:
                    store.get_workshop(workshop_id)
    else:
        path = check_openable(path, workshop_id, read_only=read_only)
    resolved = resolve_step(step) if step is not None else None
    if step is not None and resolved is None:
        raise fail(f"There is no step {step!r}; the steps are: {', '.join(STEPS)} (or 1-8).")
    return path, resolved, link


@app.command("open")
def open_workshop(
    workshop_id: Annotated[int | None, typer.Argument(help="Workshop number; else Home.")] = None,
    step: Annotated[str | None, typer.Option(
        "--step", metavar="NAME",
        help=f"Step to open at: {', '.join(STEPS)} (or 1-{len(STEPS)}, or the label, "
             "e.g. 'Pain points').")] = None,
    who: Annotated[str | None, typer.Option("--as", help="Your name in the room.")] = None,
    role: Annotated[str | None, typer.Option(
        "--role", metavar="[" + "|".join(ROLE_NAMES) + "]",
        help="Your role in the room: lead, participant or observer (read-only).")] = None,
) -> None:
    """Open the workshop screens in this terminal."""
    if role is not None and role not in ROLE_NAMES:
        raise fail(f"--role must be one of: {', '.join(ROLE_NAMES)}.")
    with user_errors():
        path, key, link = _check_open(workshop_id, step, role == "observer")
        _launch(path, workshop_id, key, who or default_user(), role, link)


def _demo_template() -> str:
    from models.export.templates import template_names

    names = template_names()
    for word in ("login-lockout", "lockout", "login", "locked"):
        for name in names:
            if word in name:
                return name
    return names[0] if names else ""


def _demo_marker(workshop: Any) -> str:
    """Id *and* creation time: SQLite reuses a deleted workshop's id for the next one."""
    return f"{workshop.id}@{workshop.created_at.isoformat()}"


def find_demo(store: Store, key: str = DEMO_KEY) -> int | None:
    """The id of this file's demo workshop, if it has one that is still the demo (with
    ``DEMO_PENDING``: the demo a full disk or a kill stopped half-way)."""
    from models.db.tables.base import Meta
    from models.db.tables.workshop import Workshop

    with store.read() as s:
        marker = s.get(Meta, key)
        wanted = marker.value.split("@", 1)[0] if marker is not None else ""
        found = s.get(Workshop, int(wanted)) if wanted.isdigit() else None
        if found is not None and marker is not None and _demo_marker(found) == marker.value:
            return int(found.id or 0)
    return None


def ensure_demo(store: Store) -> tuple[int, bool]:
    """The demo workshop's id, creating it first if this file has none; (id, created).

    Creating it adds a workshop to the file, so it needs the same right as ``new``.
    The workshop and a "pending" marker are one transaction and finishing it
    (``complete_demo``) takes several, so a demo stopped half-way (a full disk) is
    finished by the next run instead of being left beside a second demo.
    """
    from models.db.tables.base import Meta
    from models.db.tables.workshop import Workshop

    found = find_demo(store)
    if found is not None:
        return found, False
    require(store, None, "import")
    from models.rules.clock import today
    from models.rules.demo import complete_demo

    new_id = find_demo(store, DEMO_PENDING)
    if new_id is None:
        with store.write() as s:
            new_id = create_workshop(store, _demo_template() or BLANK,
                                     title="Demo: admin locked out of the account")
            s.merge(Meta(key=DEMO_PENDING, value=_demo_marker(s.get(Workshop, new_id))))
    complete_demo(store, new_id, today())
    with store.write() as s:
        s.merge(Meta(key=DEMO_KEY, value=_demo_marker(s.get(Workshop, new_id))))
        pending = s.get(Meta, DEMO_PENDING)
        if pending is not None:
            s.delete(pending)
    return new_id, True


@app.command("demo")
def demo(no_open: Annotated[bool, typer.Option(
        "--no-open", help="Only create the demo workshop and print its id.")] = False) -> None:
    """Create the demo workshop (admin locked out) if missing, print its id and open it."""
    with user_errors():
        store = STATE.store(create=True)
        demo_id, _created = ensure_demo(store)
        typer.echo(str(demo_id))
        if not no_open:
            path = store.path
            store.close()
            _launch(path, demo_id, None, default_user(), None)


# -- delete ---------------------------------------------------------------------------
@app.command("delete")
def delete(
    workshop_id: WorkshopId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Delete a workshop and everything in it (asks first unless --yes)."""
    with user_errors():
        store = STATE.store()
        require(store, workshop_id, "delete")  # a damaged map too: its lead may delete it
        name = store.title_of(workshop_id) or f"workshop {workshop_id}"
        if not yes:
            if not _interactive():
                raise fail("Deleting needs confirmation: add --yes (input is not a terminal).")
            out = console(err=True)
            out.print(_t(f"Delete workshop {workshop_id} “{name}” and everything in it?",
                         limit=200))
            if not typer.confirm("Delete", default=False):
                raise fail("Nothing deleted.")
        store.delete_workshop(workshop_id)
    console().print(_t(f"Deleted workshop {workshop_id} “{name}”.", limit=200))


# -- import -------------------------------------------------------------------------
@app.command("import")
def import_file(path: Annotated[Path, typer.Argument(
        help="A workshop exported with `journeymap export ID --format json`.")]) -> None:
    """Import a JSON backup as a new workshop and print its id."""
    with user_errors():
        if path.exists() and not path.is_dir() and not path.is_file():
            raise fail(f"{path} is not a regular file (a FIFO or a device would never "
                       "end), so it cannot be imported.")
        try:
            text = path.read_text(encoding="utf-8-sig")  # Notepad's byte order mark
        except FileNotFoundError:
            raise fail(f"There is no file {path}.") from None
        except IsADirectoryError:
            raise fail(f"{path} is a folder, not a JSON file.") from None
        except UnicodeDecodeError:
            raise fail(f"{path} is not UTF-8 text, so it is not a journeymap export.") from None
        from models.export.json_backup import import_json

        store = STATE.store(create=True)
        require(store, None, "import")
        new_id = import_json(store, text, str(path))
    typer.echo(str(new_id))
