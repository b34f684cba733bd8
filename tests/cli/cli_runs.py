"""Running a workshop command in-process, and what a refusal must look like.

Shared by the workshop command tests (``test_cli_workshops.py``,
``test_cli_open_demo.py``); test modules never import each other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tui.cli.main import app

runner = CliRunner()


def run(db: Path, *args: str, input: str | None = None) -> Any:
    return runner.invoke(app, ["--db", str(db), *args], input=input)


def one_error_line(result: Any, *needles: str) -> None:
    """Exit 1, nothing on stdout, one line on stderr that mentions every needle."""
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("journeymap: ")
    for needle in needles:
        assert needle in lines[0]
    assert result.exception is None or isinstance(result.exception, SystemExit)
