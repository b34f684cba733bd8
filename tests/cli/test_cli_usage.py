"""Usage errors are one sentence; the options with choices list them in --help (issue 12)."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from tui.cli.main import app


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", *args], capture_output=True,
                          text=True, check=False)


def test_an_unknown_option_is_one_sentence() -> None:
    done = run("list", "--nope")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "--nope" in lines[0] and "Usage" not in lines[0]


def test_a_missing_argument_is_one_sentence() -> None:
    done = run("export")
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_help_lists_the_choices_of_step_role_and_format() -> None:
    runner = CliRunner()
    opened = runner.invoke(app, ["open", "--help"], terminal_width=200).output
    assert "pains" in opened and "lead|participant|observer" in opened
    exported = runner.invoke(app, ["export", "--help"], terminal_width=200).output
    assert "md|json|csv|ics" in exported


def test_shell_completion_can_be_installed() -> None:
    assert "--install-completion" in CliRunner().invoke(app, ["--help"]).output
