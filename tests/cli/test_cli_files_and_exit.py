"""The CLI refuses a --db in a missing folder (never creates it) and a crashed app exits
non-zero (a script or SSH ForceCommand never reads a crash as success)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from tests.helpers import build_workshop
from tui.cli.main import app as cli_app

runner = CliRunner()
async def ready(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
def newest_name(db: Path, wid: int, step: str) -> str:
    with Store(db, who="check") as s:
        j = s.load(wid)
    if step == "stages":
        return j.stages[-1].name
    if step == "touchpoints":
        return max(j.ordered_touchpoints(), key=lambda tp: tp.id or 0).name
    return max(j.pain_points, key=lambda p: p.id or 0).description


@pytest.mark.parametrize("args", [["list"], ["demo", "--no-open"], ["open", "1"], ["open"],
                                  ["new", "--template", "blank", "--persona", "p",
                                   "--scenario", "s"]])
def test_db_in_a_missing_folder_is_refused_not_created(tmp_path: Path, args: list[str]) -> None:
    # Was: `--db /typo/dir/x.db list` silently created /typo/dir and an empty database.
    target = tmp_path / "no-such-folder" / "sub" / "team.db"
    result = runner.invoke(cli_app, ["--db", str(target), *args])
    assert result.exit_code == 1
    assert "no-such-folder" in result.output and "does not exist" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "no-such-folder").exists()


def test_a_crashed_app_exits_non_zero(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Was: Textual's traceback on screen, then `journeymap demo` exited 0 (scripts saw success).
    import tui.app.launch

    class Crashed:
        return_code = 1

        def run(self) -> None:
            return None

    monkeypatch.setattr(tui.app.launch, "build_app", lambda *a, **k: Crashed())
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    result = runner.invoke(cli_app, ["--db", str(db_path), "open", str(wid)])
    assert result.exit_code == 1
