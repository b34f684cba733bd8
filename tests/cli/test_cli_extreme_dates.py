"""Every output survives any date already stored, such as 9999-12-31 in an older file.

New input is limited to 1970-01-01..2199-12-31, but files written before that check
may hold anything SQLite's date columns can; the plan, the calendar, Markdown, CSV,
the summaries and the TUI plan step must still draw (saturating date arithmetic).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.extreme_dates import EXTREMES, stored_extreme
from tui.cli.main import app

importlib.import_module("tui.cli.workshops")
runner = CliRunner()


COMMANDS = [["show"], ["plan"], ["cards"], ["tracker"], ["report"], ["export", "--format", "md"],
            ["export", "--format", "csv"], ["export", "--format", "ics"],
            ["export", "--format", "json"]]


@pytest.mark.parametrize("with_plan", [True, False])
@pytest.mark.parametrize("day", EXTREMES)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c))
def test_every_output_survives_an_extreme_stored_date(db_path: Path, day: str, with_plan: bool,
                                                     command: list[str]) -> None:
    wid = stored_extreme(db_path, day, with_plan=with_plan)
    args = [command[0], str(wid), *command[1:]]
    result = runner.invoke(app, ["--db", str(db_path), *args])
    assert "unexpected error" not in result.output and result.exception is None or isinstance(
        result.exception, SystemExit)
    if command == ["plan"] and not with_plan and result.exit_code:
        # saving a new plan from that start would store out-of-range dates: one sentence
        assert result.stderr.count("\n") == 1 and "1970-01-01 and 2199-12-31" in result.stderr
        return
    assert result.exit_code == 0, result.output
