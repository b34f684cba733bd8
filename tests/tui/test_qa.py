"""Defects found by the outside QA pass (fresh clone, 80x24 tmux, hostile text, broken files).

Each test reproduces one defect as a user met it, so it failed before the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from tests.tui.test_tui_data import build_workshop
from tui.app.launch import build_app
from tui.cli.main import app as cli_app
from tui.widgets.drawings import ImpactMatrix

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


@pytest.mark.parametrize("step", ["stages", "touchpoints", "pains"])
async def test_typing_after_add_replaces_the_placeholder_name(db_path: Path, step: str) -> None:
    # Was: 'a' then typing "Escalation" stored "Stage 7Escalation" / "New touchpointEscalation".
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    app = build_app(db_path, wid, step=step, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "a")
        await ready(pilot)
        if step == "pains":  # adding a pain point first asks for its touchpoint
            await pilot.press("enter")
            await ready(pilot)
        await pilot.press(*"Escalation", "escape")
        await ready(pilot)
    assert newest_name(db_path, wid, step) == "Escalation"


async def test_matrix_view_toggles_back_to_the_list_with_v(db_path: Path) -> None:
    # Was: after 'v' nothing had focus, so the footer's 'v Matrix/list' no longer worked.
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    app = build_app(db_path, wid, step="pains", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "v")
        await ready(pilot)
        matrix = app.screen.query_one(ImpactMatrix)
        assert matrix.display
        await pilot.press("v")
        await ready(pilot)
        assert not matrix.display
        assert app.screen.query_one("#pains-table").display


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
