"""Every command's help follows one casing rule (session 12's note: ``pain-volume --help``
mixed ``{workshop_id}`` with ``{RANK}``, and "Tickets per month" with "md, json, csv").

The rule: an option's placeholder is lowercase, Typer's own (``<str>``, ``[md|json]``);
an argument's is the README's word in capitals (``ID``, ``RANK``: ``tui.cli.main.Placeholder``),
like Click's structural words (OPTIONS, COMMAND, ARGS).  Every
help text is a sentence: it starts with a capital letter (or a number, a quote, a
backtick) and ends with a stop.  Walked over every command and subcommand, so a new
command meets the rule too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

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


def test_every_option_placeholder_is_lowercase() -> None:
    shouting = [(name, what, item.metavar) for name, what, item in texts()
                if getattr(item, "param_type_name", "") == "option"
                and item.metavar and item.metavar != item.metavar.lower()]
    assert shouting == []


def test_every_help_text_is_a_sentence() -> None:
    def sentence(text: str) -> bool:
        return (text[0].isupper() or text[0].isdigit() or text[0] in SENTENCE_START) \
            and text.endswith((".", "…", ")", "`"))

    loose = [(name, what, text[:50]) for name, what, item in texts()
             if (text := (getattr(item, "help", None) or "").strip()) and not sentence(text)]
    assert loose == []
