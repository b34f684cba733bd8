"""A map damaged by hand, in the app at 80x24: Home lists it apart and its lead deletes
it, the Plan's review and the export dialog leave it out with its sentence, and a
hand-written time in the change log is a sentence in the activity panel.

Session 14: a damaged ``workshop`` row put its sentence in place of Home's whole list;
the Plan's question 4 said "The other workshops could not be loaded" and the export
dialog refused to export for another map; the activity panel went blank.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Static

from models.db.store import Store
from tests.helpers import settle, until
from tests.models.bad_values import beside_a_sound_map
from tui.app.launch import build_app


async def _at(pilot: Any, step: str) -> None:
    """Wait until the workshop screen shows ``step``."""
    app = pilot.app
    assert await until([pilot], lambda: bool(app.screen.query(f"#step-{step}")), rounds=500)


def _notices(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]  # noqa: SLF001


async def test_home_lists_a_damaged_row_apart_and_its_lead_deletes_it(tmp_path: Path) -> None:
    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path, ("", "workshop", "updated_at", "'garbage'"))
    app = build_app(path, None, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: bool(app.screen.query("#workshops")), rounds=500)
        table = app.screen.query_one("#workshops", DataTable)
        assert await until([pilot], lambda: table.row_count == 2, rounds=500)
        assert await until([pilot], lambda: any(
            n.startswith(f"Workshop {wid} ") and "updated at holds" in n
            for n in _notices(app)), rounds=500), _notices(app)
        table.focus()
        table.move_cursor(row=1, animate=False)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert await until([pilot], lambda: table.row_count == 1, rounds=500)
    with Store(path, who="tester") as store:
        assert [w.id for w in store.list_workshops()] == [other]


async def test_the_plan_s_review_leaves_a_damaged_map_out_with_its_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path, ("", "hypothesiscard", "deadline", "'garbage'"))
    app = build_app(path, other, step="plan", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await _at(pilot, "plan")
        view = app.screen.view("plan")  # type: ignore[attr-defined]
        assert await until([pilot], lambda: view.others is not None, rounds=500)
        assert view.others == []
        assert any(n.startswith(f"Left out of the review: Workshop {wid} ")
                   for n in _notices(app)), _notices(app)
        review = str(app.screen.query_one("#review", Static).render())
        assert "could not be loaded" not in review


def test_the_export_dialog_s_document_leaves_a_damaged_map_out(tmp_path: Path) -> None:
    from tui.dialogs.export import render_markdown

    path = tmp_path / "j.db"
    wid, other = beside_a_sound_map(path, ("", "painpoint", "kind", "'nope'"))
    with Store(path, who="tester") as store:
        text, whole, refused = render_markdown(store, store.load(other), dt.date(2026, 3, 10))
    assert whole and "# Sound map" in text
    assert [s.split(" ")[1] for s in refused] == [str(wid)]
    assert "kind holds \"nope\"" in refused[0]


async def test_a_bad_time_in_the_change_log_is_a_sentence_in_the_activity_panel(
        tmp_path: Path) -> None:
    from tui.pairing.activity_panel import ActivityPanel

    path = tmp_path / "j.db"
    wid, _ = beside_a_sound_map(path, ("", "changelog", "at", "'garbage'"))
    app = build_app(path, wid, step="pains", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await _at(pilot, "pains")
        await settle(pilot)
        app.screen.set_focus(None)
        await pilot.press("L")
        await settle(pilot)
        panel = app.screen.query_one(ActivityPanel)
        assert await until([pilot], lambda: "holds" in str(
            panel.query_one("#activity-log", Static).render()), rounds=300)
        shown = str(panel.query_one("#activity-log", Static).render())
        assert "change log entry" in shown and "at holds \"garbage\"" in shown


def test_the_conflict_dialog_names_the_editor_past_a_bad_time(tmp_path: Path) -> None:
    import sqlite3

    from models.db.tables.workshop import Workshop
    from tui.dialogs.conflict import last_editor

    path = tmp_path / "j.db"
    with Store(path, who="tester") as store:
        wid = int(store.create_workshop(title="A").id)  # type: ignore[arg-type]
        store.update(Workshop, wid, title="B")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE changelog SET at = 'garbage'")
    conn.close()
    with Store(path, who="other") as store:
        assert last_editor(store, Workshop, wid, "title") == "tester"
