"""The CLI's --version and the error path of `who` (one sentence, exit 1)."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app as cli_app

runner = CliRunner()
async def ready(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
def first_point_level(drawing: str) -> str:
    """The axis label (+2..-2) of the row holding the leftmost dot (the first touchpoint)."""
    dots = [(row.index("●", 3), row[:3].strip()) for row in drawing.splitlines()[:5]
            if "●" in row[3:]]
    assert dots, f"no dot drawn:\n{drawing}"
    return min(dots)[1]


def test_version_prints_the_installed_version(db_path: Path) -> None:
    result = runner.invoke(cli_app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"journeymap {version('journeymap')}\n"
    assert not db_path.exists()  # --version opens no database


def test_who_of_an_unknown_workshop_is_one_sentence(db_path: Path) -> None:
    Store(db_path, who="tester").close()
    result = runner.invoke(cli_app, ["--db", str(db_path), "who", "999"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("journeymap: There is no workshop 999")
