"""The tracker's all-workshops view (key w) and changing a status there."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready, second_workshop
from tui.app.launch import build_app

SIZE = (120, 40)


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        return build_workshop(store)


async def test_tracker_w_shows_every_workshop_and_changes_status_there(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.db.tables.cards import PlanTask
    from models.rules.plan import regenerate_plan
    from tests.helpers import until

    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    with Store(db_path, who="lea") as store:
        regenerate_plan(store, wid)
    other, task_id = second_workshop(db_path)
    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        assert {i.workshop_id for i in view.items.values()} == {wid}
        app.screen.set_focus(view.table)
        await pilot.press("w")
        assert await until([pilot], lambda: view.all_items is not None)
        await pilot.pause()
        assert {i.workshop_id for i in view.items.values()} == {wid, other}
        table = view.table
        assert "workshop" in [str(c.value) for c in table.columns]
        key = f"task:{task_id}"
        assert table.get_cell(key, "workshop").plain == "Billing [red]x[/]"  # literal, 120 wide
        summary = str(app.screen.query_one("#tracker-summary").render())
        assert "all workshops (2 workshops" in summary
        # status of the other workshop's task, from this workshop's screen
        view.table.move_cursor(row=view.table.get_row_index(key), animate=False)
        await pilot.press("s")
        await pilot.pause()
        with Store(db_path, who="check") as s, s.read() as session:
            task = session.get(PlanTask, task_id)
            assert task is not None and task.status == "in_progress"
        assert await until([pilot], lambda: view.items[key].status == "in_progress")
        assert table.get_cell(key, "status").plain == "in progress"
        await pilot.press("w")  # back to this workshop only
        await pilot.pause()
        assert {i.workshop_id for i in view.items.values()} == {wid}
        assert "workshop" not in [str(c.value) for c in table.columns]
