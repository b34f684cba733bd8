"""ctrl+z in the workshop takes back this seat's own last change (a field edit, a delete with
what it took along, an add, a move); an observer has no such key; the palette offers "Undo
my last change" and the footer shows the key from 120 columns."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from tests.helpers import build_workshop, build_workshop_with_cards, ready, until
from tui.app.launch import build_app


def _footer(app: Any) -> str:
    """The footer row as text (the screen's last line)."""
    return [strip.text for strip in app.screen._compositor.render_strips()][-1]  # noqa: SLF001


def _first_pain(db_path: Path, wid: int) -> PainPoint:
    with Store(db_path) as store:
        return store.load(wid).pain_points[0]


@pytest.fixture
def demo(db_path: Path) -> tuple[int, PainPoint]:
    """The demo-like workshop, and its first pain point as saved before any edit."""
    with Store(db_path) as store:
        wid = build_workshop(store)
    return wid, _first_pain(db_path, wid)


@asynccontextmanager
async def ann_on_pains(db_path: Path, wid: int,
                       role: str = "") -> AsyncIterator[tuple[Any, Any]]:
    """Ann's seat on the Pain points step at 120x40, ready: (app, pilot)."""
    app = build_app(db_path, wid, step="pains", who="ann", role=role)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        yield app, pilot


async def test_ctrl_z_restores_the_description_a_burst_overwrote(
        db_path: Path, demo: tuple[int, PainPoint]) -> None:
    wid, before = demo
    async with ann_on_pains(db_path, wid) as (app, pilot):
        assert app.session.save_field(PainPoint, before.id, "description", "oops")
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await pilot.press("ctrl+z")
        await ready(pilot)
        assert await until([pilot], lambda: any(
            "Undid your edit" in str(n.message) for n in app._notifications))
        shown = next(p for p in app.session.journey.pain_points if p.id == before.id)
        assert shown.description == before.description
        titles = [c.title for c in app.screen.palette_commands()]  # type: ignore[attr-defined]
        assert "Undo my last change" in titles
    assert _first_pain(db_path, wid).description == before.description


async def test_an_observer_has_no_undo(db_path: Path) -> None:
    with Store(db_path, who="ann") as store:
        wid = build_workshop(store)
        pain = store.load(wid).pain_points[0]
        store.update(PainPoint, pain.id, description="ann's words")
    async with ann_on_pains(db_path, wid, role="observer") as (app, pilot):
        await pilot.press("ctrl+z")
        await ready(pilot)
        titles = [c.title for c in app.screen.palette_commands()]  # type: ignore[attr-defined]
        assert "Undo my last change" not in titles
        assert "^z Undo" not in _footer(app)
    assert _first_pain(db_path, wid).description == "ann's words"


async def test_ctrl_z_leaves_a_later_edit_by_someone_else(
        db_path: Path, demo: tuple[int, PainPoint]) -> None:
    wid, pain = demo
    async with ann_on_pains(db_path, wid) as (app, pilot):
        assert app.session.save_field(PainPoint, pain.id, "description", "ann's words")
        with Store(db_path, who="bob") as bob:
            bob.update(PainPoint, pain.id, description="bob's later words")
        await pilot.press("ctrl+z")
        await ready(pilot)
        assert await until([pilot], lambda: any(
            "bob changed" in str(n.message) and n.severity == "error"
            for n in app._notifications))
    assert _first_pain(db_path, wid).description == "bob's later words"


async def test_ctrl_z_while_typing_puts_back_the_field_and_keeps_saved_edits(
        db_path: Path, demo: tuple[int, PainPoint]) -> None:
    """While a field holds typing not yet saved, ctrl+z takes back the typing (what a
    person means there), not this seat's previous saved edit elsewhere."""
    from tui.widgets.forms import FieldInput

    wid, _ = demo
    app = build_app(db_path, wid, step="scope", who="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        persona = app.screen.query_one("#f-persona", FieldInput)
        persona.focus()
        await pilot.press("end", "exclamation_mark", "tab")  # saved: the seat's last edit
        await ready(pilot)
        saved = app.session.journey.workshop.persona
        assert saved.endswith("!")
        scenario = app.screen.query_one("#f-scenario", FieldInput)
        scenario.focus()
        await ready(pilot)
        shown = scenario.value
        await pilot.press("end", *"zz")
        assert scenario.value == shown + "zz"
        await pilot.press("ctrl+z")
        await ready(pilot)
        assert scenario.value == shown and not scenario.dirty
        assert app.session.journey.workshop.persona == saved  # the saved edit stays
    with Store(db_path) as store:
        workshop = store.get_workshop(wid)
        assert workshop.persona == saved and workshop.scenario == shown


async def test_ctrl_z_brings_back_a_pain_point_deleted_by_mistake(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = build_workshop_with_cards(store)
    app = build_app(db_path, wid, step="pains", who="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await ready(pilot)
        pid = int(view.current_key())
        await pilot.press("d", "y")
        await ready(pilot)
        assert pid not in [p.id for p in app.session.journey.pain_points]
        await pilot.press("ctrl+z")
        await ready(pilot)
        assert await until([pilot], lambda: any(
            "Undid your delete" in str(n.message) and "1 hypothesis card" in str(n.message)
            for n in app._notifications))
        assert pid in [p.id for p in app.session.journey.pain_points]
    with Store(db_path) as store:
        journey = store.load(wid)
    assert [c.experiment for c in journey.cards if c.pain_point_id == pid] == [f"Fix {pid}"]


async def test_the_footer_shows_the_undo_key_at_120_columns(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = build_workshop(store)
    for step in ("stages", "touchpoints", "pains"):
        app = build_app(db_path, wid, step=step, who="ann")
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            assert "^z Undo" in _footer(app), (step, _footer(app))
