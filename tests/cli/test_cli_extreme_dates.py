"""Every output survives any date already stored, such as 9999-12-31 in an older file.

New input is limited to 1970-01-01..2199-12-31, but files written before that check
may hold anything SQLite's date columns can; the plan, the calendar, Markdown, CSV,
the summaries and the TUI plan step must still draw (saturating date arithmetic).
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from tui.cli.main import app

importlib.import_module("tui.cli.workshops")
runner = CliRunner()
EXTREMES = ["9999-12-31", "0001-01-01", "9999-12-26"]  # the last is a Sunday near the end


def stored_extreme(db: Path, day: str, *, with_plan: bool) -> int:
    with Store(db, who="t") as store:
        w = store.create_workshop(title="x", persona="p", scenario="s",
                                  start_date="2026-03-02")
        pain = store.add(PainPoint(workshop_id=w.id, description="loop", kind="loop",
                                   ticket_volume=100))
        store.add(HypothesisCard(pain_point_id=pain.id, experiment="e", owner="o",
                                 deadline="2026-04-01"))
        if with_plan:
            store.add(PlanTask(workshop_id=w.id, title="a", owner="o", start="2026-03-01",
                               deadline="2026-04-01"))
    conn = sqlite3.connect(db)
    with conn:  # written behind the checks, as an older journeymap could have
        conn.execute("UPDATE workshop SET start_date = ?", (day,))
        conn.execute("UPDATE hypothesiscard SET deadline = ?", (day,))
        conn.execute("UPDATE plantask SET start = ?, deadline = ?", (day, day))
    conn.close()
    return int(w.id or 0)


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
