"""Template commands: templates list, show, save.

Only Typer is imported at module level (``journeymap --help`` may load this module);
the template reader and writer, and Rich, are imported inside the commands.  Template
titles are user text: printed as ``rich.text.Text`` through ``tui.safe_text``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tui.cli.common import STATE, console, fail, require, say, user_errors

templates_app = typer.Typer(help="Starting maps for common support journeys.",
                            no_args_is_help=True, rich_markup_mode=None)


@templates_app.command("list")
def templates_list() -> None:
    """The shipped templates, one line each: name (for `new --template`), size, title."""
    from rich.text import Text

    from models.export.templates import list_templates
    from tui.safe_text import safe

    with user_errors():
        infos = list_templates()
    out = console()
    # the name is what people type after --template: never cut; the title gives way
    name_width = max((len(i.name) for i in infos), default=4)
    head = f"{'name':<{name_width}}  stages touch pains  title"
    out.print(Text(head, style="bold", no_wrap=True, overflow="ellipsis"))
    for info in infos:
        line = Text(f"{info.name:<{name_width}}  {info.stages:>6} {info.touchpoints:>5} "
                    f"{info.pain_points:>5}  ", no_wrap=True, overflow="ellipsis", end="")
        line.append_text(safe(info.title))
        line.no_wrap = True
        line.truncate(out.width, overflow="ellipsis")
        out.print(line)


@templates_app.command("show")
def templates_show(name: Annotated[str, typer.Argument(
        help="Template name (see `templates list`) or a .toml file.")]) -> None:
    """What a template contains: scope, stages with KPIs, touchpoints and pain points."""
    from models.export.templates import load_template
    from tui.cli.summary import print_template

    with user_errors():
        data = load_template(name)
    print_template(console(), data)


@templates_app.command("save")
def templates_save(
    workshop_id: Annotated[int, typer.Argument(help="The workshop to turn into a template.")],
    path: Annotated[Path, typer.Argument(help="The .toml file to write.")],
    title: Annotated[str, typer.Option("--title", help="Template title.")] = "",
    description: Annotated[str, typer.Option("--description", help="One line.")] = "",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Save a workshop as a template file (scope, stages, touchpoints, pain points, cards).

    Use it with `journeymap new --template FILE.toml` to start the next map from it.
    """
    from models.db.fields import FieldError, check_text
    from models.export.files import ProtectedPath
    from models.export.templates import save_template
    from tui.cli.export import database_file

    with user_errors():
        for option, text in (("--title", title), ("--description", description)):
            try:
                check_text(option.removeprefix("--"), text)
            except FieldError as exc:
                raise fail(f"{option}: {exc}") from None
        if path.exists() and not force:
            raise fail(f"{path} exists already; add --force to overwrite it.")
        store = STATE.reader()
        require(store, workshop_id, "export")
        journey = store.load(workshop_id)
        try:
            written = save_template(journey, path, title=title, description=description,
                                    database=database_file())
        except ProtectedPath as exc:
            raise fail(f"Not written: {exc}.") from None
    say(str(written))
