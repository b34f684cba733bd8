"""A map damaged by hand, in the app: its sentence on the screen, and the other maps still read.

QA's ``UPDATE hypothesiscard SET deadline='garbage'`` put Python's "Invalid isoformat
string" in front of the room; the Tracker's "all workshops" refused every map for one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import build_workshop, second_workshop, until
from tests.models.bad_values import full_file, spoil
from tui.app.app import JourneyApp
from tui.app.launch import build_app


def spoil_a_pain(path: Path, workshop_id: int) -> None:
    """A word no journeymap writes in the first pain point of ``workshop_id``."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE painpoint SET kind = 'nope' WHERE id = "
                     "(SELECT min(id) FROM painpoint WHERE workshop_id = ?)", (workshop_id,))
    conn.close()


@pytest.mark.parametrize(("table", "column", "literal"), [
    ("hypothesiscard", "deadline", "'garbage'"), ("touchpoint", "sentiment", "99"),
    ("touchpoint", "name", "X'FF00FE'")], ids=lambda v: str(v))
async def test_opening_a_damaged_map_shows_its_sentence(
        tmp_path: Path, table: str, column: str, literal: str) -> None:
    path = tmp_path / "j.db"
    wid = full_file(path)
    spoil(path, table, column, literal)
    app = JourneyApp(path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: app.sub_title == "not opened", rounds=500)
        shown = str(app.query_one("#loading").render())
        assert f"Workshop {wid} " in shown and f"{column.replace('_', ' ')} holds" in shown
        assert "isoformat" not in shown and "Traceback" not in shown


async def test_all_workshops_leave_a_damaged_map_out_with_a_notice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    path = tmp_path / "j.db"
    with Store(path, who="lea") as store:
        wid = build_workshop(store)
        regenerate_plan(store, wid)
    other, _ = second_workshop(path)
    spoil_a_pain(path, other)
    app = build_app(path, wid, step="tracker", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await until([pilot], lambda: app.screen.query("#step-tracker"), rounds=500)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        assert await until([pilot], lambda: view.ready, rounds=500)
        app.screen.set_focus(view.table)
        await pilot.press("w")
        assert await until([pilot], lambda: view.all_items is not None, rounds=500)
        await pilot.pause()
        assert {i.workshop_id for i in view.items.values()} == {wid}
        notices = [n.message for n in app._notifications]  # noqa: SLF001
        assert any(n.startswith(f"Left out of all workshops: Workshop {other} ")
                   and "pain point" in n for n in notices), notices


async def test_the_future_state_of_a_to_be_leaves_its_damaged_as_is_out(tmp_path: Path) -> None:
    from models.export.future_copy import create_future_copy
    from tests.helpers import settle

    path = tmp_path / "j.db"
    with Store(path, who="lea") as store:
        as_is = build_workshop(store)
        to_be = create_future_copy(store, as_is)
    spoil_a_pain(path, as_is)
    app = build_app(path, to_be, step="scope", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        assert app.screen.query_one("#step-future").display
        notices = [n.message for n in app._notifications]  # noqa: SLF001
        assert any(n.startswith(f"Left out: Workshop {as_is} ") for n in notices), notices
