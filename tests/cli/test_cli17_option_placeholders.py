"""``--help`` shows every option's value the way the README writes it: ``--start
YYYY-MM-DD``, ``--days N``, ``-o FILE``, ``--db FILE|URL``, never Typer's ``<str>``.

Why: Typer 0.28 shows an option's value as its Python type in angle brackets
(``--days <int>``, ``--start <str>``), which tells a workshop lead nothing about what
to type, and a ``{...}`` is a Python name.  Walked over every command at 80 columns,
so a new option meets the rule too.  The ``tickets`` commands take their workshop
like every other command: one help sentence, a non-number refused in our words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from tui.cli.main import app

PYTHON_WORDS = ("<str>", "<int>", "<float>", "<path>", "<step>", "{", "}")


def commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    if hasattr(command, "list_commands"):
        for name in command.list_commands(None):
            yield from commands(command.get_command(None, name), (*path, name))


def shown(*path: str, width: int = 80) -> str:
    return CliRunner().invoke(app, [*path, "--help"], terminal_width=width).output


EVERY_COMMAND = list(commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path", EVERY_COMMAND, ids=lambda path: " ".join(path) or "root")
def test_no_help_shows_a_python_type_or_name(path: tuple[str, ...]) -> None:
    text = shown(*path)
    assert "Usage:" in text  # the help itself, not a refusal
    assert [word for word in PYTHON_WORDS if word in text] == []


@pytest.mark.parametrize(("path", "line"), [
    ((), "--db FILE|URL"),
    (("plan",), "--start YYYY-MM-DD"),
    (("export",), "-o, --output FILE"),
    (("invite",), "--days N"),
    (("report",), "--month YYYY-MM"),
    (("open",), "--step NAME"),
    (("seat",), "--workshop ID"),
    (("tickets", "import"), "-w, --workshop ID"),
    (("tickets", "hours"), "--from HH:MM"),
    (("tickets", "map"), "--pain #N"),
    (("tracker",), "--sort [owner|due]"),  # a list of choices, as export's --format
])
def test_an_option_shows_the_readme_word(path: tuple[str, ...], line: str) -> None:
    assert f"  {line} " in shown(*path)


@pytest.mark.parametrize("path", [("tickets", "show"), ("tickets", "hours"),
                                  ("tickets", "map", "abc", "Login"), ("tickets", "apply")])
def test_tickets_refuses_a_workshop_that_is_not_a_number_in_our_sentence(
        path: tuple[str, ...]) -> None:
    args = [*path, "abc"] if len(path) == 2 else list(path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.split("Error: ")[1] == (
        "'abc' is not a workshop number; `journeymap list` shows each workshop's number.\n")


def test_tickets_import_refuses_a_workshop_option_that_is_not_a_number() -> None:
    result = CliRunner().invoke(app, ["tickets", "import", "march.csv", "-w", "abc"])
    assert "'abc' is not a workshop number" in result.output


@pytest.mark.parametrize("command", ["show", "hours", "map", "link-card", "apply"])
def test_tickets_words_its_workshop_as_every_command_does(command: str) -> None:
    assert re.search(r"\n  ID +Workshop number \(see `journeymap list`\)\.  \[required\]\n",
                     shown("tickets", command, width=200))
