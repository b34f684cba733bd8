"""`journeymap plan` names the start date as day 1, and --start moves the workshop's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from tests.models.late_map import PAST, START, late_map
from tui.cli.main import app


def run(db: Path, *args: str) -> object:
    return CliRunner().invoke(app, ["--db", str(db), *args], env={"COLUMNS": "120"})


def test_plan_header_is_the_start_date_with_a_card_due_before_it(db_path: Path,
                                                                  store: Store) -> None:
    wid = late_map(store)
    result = run(db_path, "plan", str(wid))
    assert result.exit_code == 0, result.output
    first = result.stdout.strip().splitlines()[0]
    assert "day 1 is 2026-05-04" in first and "day 60 is 2026-07-02" in first, first
    assert PAST.isoformat() in result.stdout  # the late card is still on the plan


def test_regenerating_from_a_new_start_moves_the_workshops_start_date(db_path: Path,
                                                                     store: Store) -> None:
    wid = late_map(store)
    assert run(db_path, "plan", str(wid)).exit_code == 0
    result = run(db_path, "plan", str(wid), "--start", "2026-09-07", "--regenerate")
    assert result.exit_code == 0, result.output
    assert "day 1 is 2026-09-07" in result.stdout.strip().splitlines()[0]
    with Store(db_path, who="t") as again:
        assert again.load(wid).workshop.start_date == dt.date(2026, 9, 7)
    shown = run(db_path, "plan", str(wid))
    assert "day 1 is 2026-09-07" in shown.stdout.strip().splitlines()[0]
    assert START.isoformat() not in shown.stdout
