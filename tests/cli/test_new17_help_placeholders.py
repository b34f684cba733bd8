"""``--help`` names each argument the way the README writes it: ``export ID``, not
``export {workshop_id}``.

Why: Typer 0.28 prints a required argument as its Python name in braces
(``{workshop_id}``, ``{rank}``), which a workshop lead reads as code, and the
README's table says ``show ID``, ``pain-volume ID RANK [N]``, ``costs ID CHANNEL
AMOUNT``.  Walked over every command, so a new one meets the rule too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from tui.cli.main import app


def commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    if hasattr(command, "list_commands"):
        for name in command.list_commands(None):
            yield from commands(command.get_command(None, name), (*path, name))


def usage(*path: str) -> str:
    shown = CliRunner().invoke(app, [*path, "--help"], terminal_width=200).output
    return shown.splitlines()[0]


@pytest.mark.parametrize(("path", "line"), [
    (("export",), "Usage: journeymap export [OPTIONS] ID"),
    (("pain-volume",), "Usage: journeymap pain-volume [OPTIONS] ID RANK [VOLUME]"),
    (("costs",), "Usage: journeymap costs [OPTIONS] ID CHANNEL AMOUNT"),
    (("card-effect",), "Usage: journeymap card-effect [OPTIONS] ID CARD"),
    (("templates", "save"), "Usage: journeymap templates save [OPTIONS] ID FILE"),
    (("role",), "Usage: journeymap role [OPTIONS] ID NAME ROLE"),
    (("tracker",), "Usage: journeymap tracker [OPTIONS] [ID]"),
])
def test_the_usage_line_reads_like_the_readme(path: tuple[str, ...], line: str) -> None:
    assert usage(*path) == line


def test_no_command_shows_a_python_name_in_braces() -> None:
    braced = []
    for path, command in commands(typer.main.get_command(app)):
        if path and not hasattr(command, "list_commands"):
            shown = CliRunner().invoke(app, [*path, "--help"], terminal_width=200).output
            if "{" in shown.splitlines()[0] or "workshop_id" in shown:
                braced.append(" ".join(path))
    assert braced == []


def test_the_arguments_list_uses_the_same_word() -> None:
    shown = CliRunner().invoke(app, ["pain-volume", "--help"], terminal_width=200).output
    listed = shown.split("Arguments:")[1].split("Options:")[0].split()
    assert {"ID", "RANK", "VOLUME"} <= set(listed)
