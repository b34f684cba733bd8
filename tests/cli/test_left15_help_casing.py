"""Every command's help follows one casing rule (session 12's note: ``pain-volume --help``
mixed ``{workshop_id}`` with ``{RANK}``, and "Tickets per month" with "md, json, csv").

The rule: a placeholder is the README's word in capitals (``ID``, ``RANK``, ``--start
YYYY-MM-DD``, ``--db FILE|URL``: ``tui.cli.main.Placeholder`` and ``WORDS``), like Click's
structural words (OPTIONS, COMMAND, ARGS); only a list of choices is lowercase, as typed
(``[md|json|csv|ics]``).  Never mixed, never Typer's type (``<str>``).  Every
help text is a sentence: it starts with a capital letter (or a number, a quote, a
backtick) and ends with a stop.  Walked over every command and subcommand, so a new
command meets the rule too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main

from tui.cli.main import app

SENTENCE_START = "`\"“(#-="  # a quoted value or a signed number leads a sentence too


def commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    yield " ".join(path) or "journeymap", command
    if hasattr(command, "list_commands"):
        for name in command.list_commands(None):
            yield from commands(command.get_command(None, name), (*path, name))


def texts() -> Iterator[tuple[str, str, Any]]:
    for name, command in commands(typer.main.get_command(app)):
        yield name, "the command", command
        yield from ((name, param.name, param) for param in command.params)


WORD = re.compile(r"#?[A-Z][A-Z-]*(?:[=|:.]+[A-Z][A-Z-]*|\[\.\.[A-Z-]+\])*")
CHOICES = re.compile(r"\[[a-z0-9_-]+(?:\|[a-z0-9_-]+)+\]")


def test_every_option_placeholder_is_a_readme_word_or_its_choices() -> None:
    mixed = [(name, what, item.metavar) for name, what, item in texts()
             if getattr(item, "param_type_name", "") == "option" and not item.is_flag
             and not (WORD.fullmatch(item.metavar or "") or CHOICES.fullmatch(item.metavar or ""))]
    assert mixed == []


@pytest.mark.parametrize(("placeholder", "kept"), [
    ("YYYY-MM-DD", True), ("FILE|URL", True), ("HH:MM", True), ("#N", True),
    ("FIELD=COLUMN", True), ("YYYY-MM[..YYYY-MM]", True), ("[md|json|csv|ics]", True),
    ("<str>", False), ("<int>", False), ("Name", False), ("name", False), ("[md|JSON]", False),
    ("", False)])
def test_the_rule_tells_a_word_from_a_python_type(placeholder: str, kept: bool) -> None:
    assert bool(WORD.fullmatch(placeholder) or CHOICES.fullmatch(placeholder)) is kept


def test_every_help_text_is_a_sentence() -> None:
    def sentence(text: str) -> bool:
        return (text[0].isupper() or text[0].isdigit() or text[0] in SENTENCE_START) \
            and text.endswith((".", "…", ")", "`"))

    loose = [(name, what, text[:50]) for name, what, item in texts()
             if (text := (getattr(item, "help", None) or "").strip()) and not sentence(text)]
    assert loose == []
