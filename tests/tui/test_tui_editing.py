"""Editing as a user meets it at 80x24: typing right after add replaces the placeholder
name, and v toggles the pain matrix back to the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from tests.helpers import build_workshop
from tui.app.launch import build_app
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
