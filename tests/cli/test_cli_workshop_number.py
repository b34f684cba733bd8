"""A workshop number that is not a number is refused in one sentence a workshop lead reads.

Why: Click's own wording named the Python parameter ("Invalid value for
'workshop_id': 'abc' is not a valid int"), which means nothing to the person at
the keyboard.  The sentence says what was typed, that it is not a workshop number
and where the numbers are listed, for every command taking one.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tui.cli.main import app

SENTENCE = "'abc' is not a workshop number; `journeymap list` shows each workshop's number"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True,
                          text=True, check=False)


@pytest.mark.parametrize("command", ["export", "cards", "plan", "report", "show", "invite",
                                     "future", "reviewed", "log"])
def test_cli_runner_shows_the_sentence_not_the_parameter(command: str) -> None:
    result = CliRunner().invoke(app, [command, "abc"])
    assert result.exit_code == 2
    error = result.output.split("Error: ")[1]  # the usage line above it is --help's
    assert error == f"{SENTENCE}.\n"


def test_the_command_line_says_it_in_one_sentence() -> None:
    done = run("export", "abc")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"python -m tui.cli export: {SENTENCE} (see python -m tui.cli export --help)."]


def test_a_group_command_says_it_too() -> None:
    result = CliRunner().invoke(app, ["templates", "save", "abc", "name"])
    assert result.output.split("Error: ")[1] == f"{SENTENCE}.\n"


def test_help_and_a_good_number_are_unchanged() -> None:
    shown = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).output
    assert "ID  Workshop number (see `journeymap list`)." in shown
    assert CliRunner().invoke(app, ["export", "12"]).exit_code == 1  # no such workshop
