"""Real exports without a category column (Front's analytics export, a Kustomer or
Salesforce "Details Only" file): ``tickets show`` with no ``--by`` shows their metrics
instead of refusing the whole table because one grouping is missing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app

FIXTURES = Path(__file__).parents[1] / "models" / "tickets" / "fixtures"


def _imported(store: Store, db_path: Path, name: str) -> str:
    wid = str(store.create_workshop(title="T").id)
    done = CliRunner().invoke(app, ["--db", str(db_path), "tickets", "import",
                                    str(FIXTURES / name), "-w", wid])
    assert done.exit_code == 0, done.output
    return wid


def test_show_without_by_gives_the_totals_of_an_export_with_no_category(
        store: Store, db_path: Path) -> None:
    wid = _imported(store, db_path, "front_conversations.csv")
    runner = CliRunner()
    table = runner.invoke(app, ["--db", str(db_path), "tickets", "show", wid])
    assert table.exit_code == 0, table.output
    assert "All tickets, 2024-03" in table.output and "no category column" in table.output
    assert "category" not in table.output.split("The export")[0]  # no column called so
    shown = runner.invoke(app, ["--db", str(db_path), "tickets", "show", wid,
                                "--format", "json"])
    assert shown.exit_code == 0, shown.output
    records = json.loads(shown.output)
    # 3 conversations; "archived" is Front's resolved, "open" is the backlog.
    assert [(r["group"], r["tickets"], r["backlog_open"]) for r in records] == [("all", 3, 1)]


def test_asking_for_a_grouping_the_export_lacks_is_still_refused(
        store: Store, db_path: Path) -> None:
    wid = _imported(store, db_path, "front_conversations.csv")
    asked = CliRunner().invoke(app, ["--db", str(db_path), "tickets", "show", wid,
                                     "--by", "channel"])
    assert asked.exit_code == 1
    assert "has no channel column, so tickets cannot be grouped by it" in asked.output
