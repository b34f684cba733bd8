"""Live entry at the speed of the room (issue 12): typing replaces, keys are never lost.

Each test pins one point of the issue with the keys a lead would press.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from textual import events

from models.db.store import Store
from tests.helpers import handled
from tests.tui.workshop_flow import lockout, ready, reopen, type_text
from tui.app.launch import build_app
from tui.widgets.forms import FieldInput


def blank(db: Path) -> int:
    with Store(db, who="t") as s:
        return int(s.create_workshop(title="Untitled workshop").id or 0)


async def burst(pilot, *keys: str) -> None:  # noqa: ANN001
    """Post every key at once, without waiting between them (a fast typist, a slow app)."""
    posted = [events.Key(key, {"space": " "}.get(key, key if len(key) == 1 else None))
              for key in keys]
    for event in posted:
        pilot.app.post_message(event)
    assert await handled(pilot, posted)
    await ready(pilot)


@asynccontextmanager
async def realistic(db_path: Path, step: str) -> AsyncIterator[tuple[Any, Any, int]]:
    """The realistic workshop open at ``step`` at 80x24, ready: (app, pilot, its id)."""
    from tests.helpers import build_workshop

    with Store(db_path, who="t") as s:
        wid = build_workshop(s)
    app = build_app(db_path, wid, step=step)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        yield app, pilot, wid


# -- 1. typing replaces ------------------------------------------------------------------
async def test_tab_into_a_filled_field_selects_it_so_typing_replaces(db_path: Path) -> None:
    wid, _ = lockout(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.screen.query_one("#f-persona", FieldInput).focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#f-scenario", FieldInput)
        await type_text(pilot, "Locked out")
        await pilot.press("tab")
        await ready(pilot)
    with reopen(db_path) as s:
        assert s.get_workshop(wid).scenario == "Locked out"


async def test_a_click_places_the_cursor_and_typing_inserts(db_path: Path) -> None:
    wid, persona = lockout(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        field = app.screen.query_one("#f-persona", FieldInput)
        await pilot.click(field, offset=(field.size.width - 1, 0))
        await pilot.pause()
        assert app.focused is field and field.selection.is_empty
        await type_text(pilot, "!")
        await pilot.press("escape")
        await ready(pilot)
    with reopen(db_path) as s:
        assert s.get_workshop(wid).persona == persona + "!"


async def test_no_field_takes_focus_when_a_blank_scope_opens(db_path: Path) -> None:
    wid = blank(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert not isinstance(app.focused, FieldInput)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#f-title", FieldInput)
        await type_text(pilot, "Admin lockout")
        await pilot.press("tab")
        await ready(pilot)
    with reopen(db_path) as s:
        assert s.get_workshop(wid).title == "Admin lockout"


# -- 2. type-ahead -------------------------------------------------------------------------
def three_stages(db: Path) -> int:
    from models.db.tables.workshop import Stage, Touchpoint

    with Store(db, who="t") as s:
        wid = int(s.create_workshop(title="T", default_stages=False).id or 0)
        for name in ("Notice", "Contact", "Resolve"):
            st = s.add(Stage(workshop_id=wid, name=name))
            if name == "Notice":
                s.add(Touchpoint(stage_id=st.id, name="Sees error"))
        return wid


def touchpoints(db: Path, wid: int) -> list[tuple[str, str]]:
    with reopen(db) as s:
        j = s.load(wid)
        return [(st.name, tp.name) for st in j.stages for tp in j.touchpoints.get(st.id or 0, [])]


async def test_keys_typed_right_after_a_land_in_the_new_touchpoint(db_path: Path) -> None:
    wid = three_stages(db_path)
    app = build_app(db_path, wid, step="touchpoints")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "a", *"Status page", "enter")
        await burst(pilot, "escape")
        await burst(pilot, "a", *"tries chat", "escape")
    assert touchpoints(db_path, wid) == [
        ("Notice", "Sees error"), ("Notice", "Status page"), ("Notice", "tries chat")]


async def test_keys_typed_right_after_a_land_in_the_new_pain_point(db_path: Path) -> None:
    wid = blank(db_path)  # no touchpoint to ask about: ``a`` adds at once
    app = build_app(db_path, wid, step="pains")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "a", *"dead end", "escape")
    with reopen(db_path) as s:
        assert [p.description for p in s.load(wid).pain_points] == ["dead end"]


async def test_keys_typed_right_after_x_land_in_the_new_pain_point(db_path: Path) -> None:
    wid = three_stages(db_path)
    app = build_app(db_path, wid, step="touchpoints")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "x", *"no reply for 2 days", "escape")
        await ready(pilot)
        assert app.screen.step == "pains"
    with reopen(db_path) as s:
        assert [p.description for p in s.load(wid).pain_points] == ["no reply for 2 days"]


# -- 3. stage-aware add ----------------------------------------------------------------------
async def test_shift_a_adds_a_touchpoint_to_the_stage_chosen_by_its_number(db_path: Path) -> None:
    wid = three_stages(db_path)
    app = build_app(db_path, wid, step="touchpoints")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("A")
        await ready(pilot)
        await pilot.press("3")  # the third stage, one key
        await ready(pilot)
        await type_text(pilot, "Gets reply")
        await pilot.press("escape")
        await ready(pilot)
        await pilot.press("A", "enter")  # Enter: the current stage (Resolve) is highlighted
        await ready(pilot)
        await type_text(pilot, "Confirms fix")
        await pilot.press("escape")
        await ready(pilot)
    assert touchpoints(db_path, wid) == [
        ("Notice", "Sees error"), ("Resolve", "Gets reply"), ("Resolve", "Confirms fix")]


async def test_the_move_to_stage_key_is_in_the_footer_at_80_columns(db_path: Path) -> None:
    wid = three_stages(db_path)
    app = build_app(db_path, wid, step="touchpoints")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        from tui.widgets.footer import CalmFooter

        shown = {key.action for key, _ in app.screen.query_one(CalmFooter).placed()}
        assert {"move_stage", "add_to_stage"} <= shown


# -- 4. focus never vanishes on Ownership ----------------------------------------------------
async def test_tab_after_the_handoff_checkbox_keeps_a_visible_focus(db_path: Path) -> None:
    from textual.widgets import DataTable

    from tui.widgets.forms import FieldCheck

    async with realistic(db_path, "ownership") as (app, pilot, wid):
        view = app.screen.view("ownership")
        while not view.query_one("#handoff-form").display:
            await pilot.press("down")
            await ready(pilot)
        row = view.table.cursor_row
        await pilot.press("enter", "tab", "tab", "tab")
        await ready(pilot)
        assert isinstance(app.focused, FieldCheck)
        await pilot.press("space")
        await ready(pilot)
        await pilot.press("tab")
        await ready(pilot)
        assert isinstance(app.focused, (DataTable, FieldInput, FieldCheck))
        assert view.table.cursor_row == row


# -- 5. the focused field's label is always visible ------------------------------------------
def visible(widget) -> bool:  # noqa: ANN001
    region = widget.region
    return region.height > 0 and widget.screen.region.contains_region(region) and \
        widget.parent.region.contains_region(region)


async def test_a_blank_scope_shows_title_and_persona_and_every_focused_label(
        db_path: Path) -> None:
    from textual.widgets import Label

    from tui.app.app import JourneyApp

    app = JourneyApp(db_path, who="lead")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("b")  # a blank workshop, from Home
        await ready(pilot)
        for name in ("title", "persona"):
            assert visible(app.screen.query_one(f"#f-{name}", FieldInput))
        for _ in range(12):
            await pilot.press("tab")
            await ready(pilot)
            field = app.focused
            assert isinstance(field, FieldInput)
            siblings = list(field.parent.children)
            label = siblings[siblings.index(field) - 1]
            assert isinstance(label, Label) and visible(label), field.spec.name
        for _ in range(11):
            await pilot.press("shift+tab")
            await ready(pilot)
            field = app.focused
            siblings = list(field.parent.children)
            assert visible(siblings[siblings.index(field) - 1]), field.spec.name


# -- 7. smaller confusions ---------------------------------------------------------------------
async def test_the_matrix_states_the_quadrant_rule(db_path: Path) -> None:
    from models.rules.priority import quadrant_rule
    from tui.widgets.drawings import ImpactMatrix

    async with realistic(db_path, "pains") as (app, pilot, wid):
        await pilot.press("v")
        await ready(pilot)
        shown = app.screen.query_one(ImpactMatrix).render().plain
        assert " ".join(quadrant_rule().split()) in " ".join(shown.split())


async def test_the_start_date_can_be_set_from_the_plan_step(db_path: Path) -> None:
    import datetime as dt

    async with realistic(db_path, "plan") as (app, pilot, wid):
        await pilot.press("d")
        await ready(pilot)
        await type_text(pilot, "2026-12-07")
        await pilot.press("enter", "escape")
        await ready(pilot)
    with reopen(db_path) as s:
        assert s.get_workshop(wid).start_date == dt.date(2026, 12, 7)
        assert min(t.start for t in s.load(wid).plan_tasks) >= dt.date(2026, 12, 7)


async def test_the_card_editor_shows_the_rewritten_title(db_path: Path) -> None:
    from textual.widgets import Static

    from tui.dialogs.row_editor import RowEditor

    async with realistic(db_path, "cards") as (app, pilot, wid):
        await pilot.press("c")
        await ready(pilot)
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, RowEditor)
        await type_text(pilot, "sending the reset link by SMS")
        await pilot.press("tab")
        await ready(pilot)
        heading = app.screen.query_one(".dialog-title", Static).render()
        assert "sending the reset link by SMS" in str(heading)


def test_empty_dates_show_a_dim_not_set_never_an_example_date() -> None:
    import re

    from tui.steps.scope import SCOPE_FIELDS
    from tui.widgets.card_grid import CARD_FIELDS

    for spec in (*SCOPE_FIELDS, *CARD_FIELDS):
        assert not re.search(r"\d{4}-\d{2}-\d{2}", spec.placeholder), spec.name


async def test_keys_typed_right_after_the_stage_digit_land_in_the_new_touchpoint(
        db_path: Path) -> None:
    wid = three_stages(db_path)
    app = build_app(db_path, wid, step="touchpoints")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "A")  # the dialog is on screen, then the rest in one breath
        await burst(pilot, "3", *"Gets reply", "escape")
    assert touchpoints(db_path, wid) == [("Notice", "Sees error"), ("Resolve", "Gets reply")]


async def test_text_typed_right_after_tab_goes_to_the_next_field(db_path: Path) -> None:
    wid = blank(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "tab", *"Admin lockout", "tab", *"Workspace admin", "escape", "2")
        assert app.screen.step == "stages"
    with reopen(db_path) as s:
        w = s.get_workshop(wid)
        assert (w.title, w.persona) == ("Admin lockout", "Workspace admin")


async def test_the_first_stage_of_a_blank_map_takes_the_keys_typed_after_a(db_path: Path) -> None:
    with Store(db_path, who="t") as s:
        wid = int(s.create_workshop(title="T", default_stages=False).id or 0)
    app = build_app(db_path, wid, step="stages")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "a", *"Notice", "escape")
    with reopen(db_path) as s:
        assert [st.name for st in s.load(wid).stages] == ["Notice"]


async def test_a_burst_with_the_step_key_lands_in_the_new_row_of_a_step_just_opened(
        db_path: Path) -> None:
    """``3 a Status page`` in one read: the view of step 3 is mounted after ``3`` was read."""
    wid = three_stages(db_path)
    app = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await burst(pilot, "3", "a", *"Status page", "escape")
        await burst(pilot, "2", "a", *"Follow-up", "escape")
    assert touchpoints(db_path, wid) == [("Notice", "Sees error"), ("Notice", "Status page")]
    with reopen(db_path) as s:
        assert [st.name for st in s.load(wid).stages] == ["Notice", "Contact", "Resolve",
                                                           "Follow-up"]


async def test_enter_on_an_owner_moves_on_and_the_next_team_replaces_nothing(
        db_path: Path) -> None:
    from models.db.tables.workshop import Touchpoint

    wid = three_stages(db_path)
    with reopen(db_path) as s:
        stage = s.load(wid).stages[1]
        for name in ("Opens chat", "Waits"):
            s.add(Touchpoint(stage_id=stage.id, name=name))
    app = build_app(db_path, wid, step="ownership")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        for team in ("Product", "Support", "Tier 2"):
            await pilot.press(*team, "enter")
            await ready(pilot)
    with reopen(db_path) as s:
        assert [tp.owner_team for tp in s.load(wid).ordered_touchpoints()] == [
            "Product", "Support", "Tier 2"]
