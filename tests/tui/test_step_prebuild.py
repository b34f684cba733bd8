"""Step views are built at idle after the first paint (issue 18: first visits).

A first visit used to mount the step's view (its table, its 14-field form) after
the key was read: 140-460 ms of Textual mounting and styling before the step
showed.  The workshop screen now builds the other steps' views hidden, one at a
time when nothing else is going on, so a first visit is a switch.  These tests
pin what that must not change: the focus and the keys of the step on screen, the
keys typed while views are being built, and the data a view built early shows
once it is shown (another seat edits meanwhile).
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import ContentSwitcher

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from models.vocab import STEPS
from tests.helpers import SIZE, build_workshop, ready, screen_text, until
from tests.tui.views import all_built
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView


def _workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        return build_workshop(store)


def _screen(app: Any) -> WorkshopScreen:
    assert isinstance(app.screen, WorkshopScreen)
    return app.screen


def _built(app: Any) -> list[str]:
    switcher = _screen(app).query_one(ContentSwitcher)
    return [str(child.id) for child in switcher.children if isinstance(child, StepView)]


async def test_every_step_view_is_built_hidden_after_the_first_paint(db_path: Path) -> None:
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        focused = app.focused
        assert focused is not None and focused.id == "touchpoints-table"
        assert await all_built(pilot)
        assert sorted(_built(app)) == sorted(f"step-{s}" for s in STEPS)
        shown = [v.id for v in _screen(app).query(StepView) if v.display]
        assert shown == ["step-touchpoints"]
        assert app.focused is focused  # building never took the focus
        assert "Step 3 · Touchpoints" in screen_text(app)


async def test_a_first_visit_after_building_mounts_nothing(db_path: Path,
                                                           monkeypatch: Any) -> None:
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        mounted: list[Any] = []
        real = ContentSwitcher.mount

        def counting(self: Any, *widgets: Any, **kwargs: Any) -> Any:
            mounted.extend(widgets)
            return real(self, *widgets, **kwargs)

        monkeypatch.setattr(ContentSwitcher, "mount", counting)
        for key in ("2", "3", "4", "5", "6", "7", "8"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("escape")
        assert mounted == []
        assert _screen(app).step == "plan"
        assert "Step 3 · Touchpoints" not in screen_text(app)


async def test_a_view_built_early_shows_another_seats_edit_when_shown(db_path: Path) -> None:
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        assert app.journey is not None
        tp = app.journey.ordered_touchpoints()[0]
        before = app.pairing.reloads
        with Store(db_path, who="sam") as other:
            other.update(Touchpoint, int(tp.id or 0), name="Renamed by sam")
        assert await until([pilot], lambda: app.pairing.reloads > before)
        await pilot.press("3")
        await pilot.pause()
        assert "Renamed by sam" in screen_text(app)


async def test_keys_typed_while_views_are_being_built_land_in_the_new_row(
        db_path: Path) -> None:
    """``3 a Status page`` read at once, right after the workshop is shown (views building)."""
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in ("3", "a", *"Status page", "escape"):
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await ready(pilot)
        assert await all_built(pilot)
    with Store(db_path, who="t") as s:
        names = [tp.name for tp in s.load(wid).ordered_touchpoints()]
    assert "Status page" in names and len(names) == 10


async def test_a_step_key_for_a_view_still_being_built_shows_it_focused(
        db_path: Path) -> None:
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = _screen(app)
        # wait for a view that is in the DOM but not composed yet, then ask for it
        assert await until([pilot], lambda: any(not v.ready for v in screen.query(StepView))
                           or screen.prebuilt, rounds=400)
        building = [v for v in screen.query(StepView) if not v.ready]
        step = building[0].STEP if building else "pains"
        await pilot.press(str(STEPS.index(step) + 1))
        assert await until([pilot], lambda: screen.view(step).ready)
        await pilot.pause()
        assert screen.step == step and screen.view(step).display
        assert app.focused is not None and screen.view(step) in app.focused.ancestors
        assert await all_built(pilot)
        assert [v.id for v in screen.query(StepView) if v.display] == [f"step-{step}"]


async def test_long_lived_objects_are_frozen_once_every_view_is_built(db_path: Path,
                                                                     monkeypatch: Any) -> None:
    """A full GC pass over every view's widgets cost 75-90 ms on every third switch."""
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    calls: list[int] = []
    real = gc.freeze

    def recording() -> None:
        screen = app.screen if app.screen_stack else None
        calls.append(len(_built(app)) if isinstance(screen, WorkshopScreen) else 0)
        real()

    monkeypatch.setattr(gc, "freeze", recording)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        assert await until([pilot], lambda: len(STEPS) in calls)


async def test_the_plan_is_generated_when_plan_is_shown_not_when_built(db_path: Path) -> None:
    """A view built at idle writes nothing: the plan appears when the room opens Plan."""
    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        await pilot.pause()
        with Store(db_path, who="t") as s:
            assert s.load(wid).plan_tasks == []
        plan = _screen(app).view("plan")
        assert plan.others is None  # the portfolio is read once Plan is shown, too
        await pilot.press("8")
        assert await until([pilot], lambda: bool(app.journey and app.journey.plan_tasks))
        assert await until([pilot], lambda: plan.others is not None)
    with Store(db_path, who="t") as s:
        assert s.load(wid).plan_tasks != []


async def test_a_step_switch_updates_the_footer_keys_in_place(db_path: Path) -> None:
    """Removing and mounting a dozen footer keys cost a third of a switch: the footer's
    widgets (its line of keys and the palette key) are kept, the line shows the step's."""
    from textual.widget import Widget

    from tui.widgets.footer import CalmFooter, short_description

    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="stages", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        footer = _screen(app).query_one(CalmFooter)
        for key in ("3", "5", "4", "6", "7", "8", "2", "1"):
            before = list(map(id, footer.walk_children(Widget)))
            await pilot.press(key)
            await ready(pilot)
            shown = [(k.action, k.description, k.disabled) for k, _ in footer.placed()[:-1]]
            expected = [(b.action, short_description(b.description), not enabled)
                        for b, enabled, _ in footer._chosen()]
            assert shown == expected, key
            assert list(map(id, footer.walk_children(Widget))) == before, key  # none removed


async def test_a_table_shown_again_re_renders_no_cell(db_path: Path) -> None:
    """Shown again, a table got a resize to its own size with another virtual width (the
    columns' sum, not yet its region's) and re-rendered every visible cell, twice."""
    from tui.widgets.fast_table import FastTable

    wid = _workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        table = _screen(app).query_one("#touchpoints-table", FastTable)
        await pilot.press("3")
        await ready(pilot)
        rendered = len(table._cell_render_cache)
        assert rendered > 0
        for _ in range(2):
            await pilot.press("escape", "5")
            await ready(pilot)
            await pilot.press("escape", "3")
            await ready(pilot)
            assert len(table._cell_render_cache) == rendered


async def test_a_step_switch_lays_the_screen_out_once_and_composes_it_once(
        db_path: Path, wid: int, work: Any) -> None:
    """A switch between kept views: the footer's new keys are laid out with the view (a
    second pass of the whole screen came from their new widths), and the focus moving
    into the view does not repaint the whole screen over the switch's own update."""
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        for key in ("3", "5", "4", "2", "3"):  # each view shown once: its sizes settle
            await pilot.press("escape", key)
            await ready(pilot)
        app.pairing.stop()  # its heartbeat redraws the presence bar now and then
        seen: list[tuple[int, int]] = []
        for key in ("5", "3", "4", "2"):
            await pilot.press("escape")
            await ready(pilot)
            work.clear()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            seen.append((work["layout pass"], work["whole screen"]))
        assert seen == [(1, 0)] * 4, seen


async def _early_scope(app: Any, pilot: Any) -> WorkshopScreen:
    """The scope step drawn from plain sqlite3 while the gate holds the store."""
    assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                       and bool(app.screen.query("#scope-form")), rounds=400)
    await pilot.pause()
    return _screen(app)


def _built_when_focused(monkeypatch: Any, mounts: list[str], step: str) -> list[list[str]]:
    """Fills with the views mounted so far when ``step``'s view, shown, takes the focus."""
    seen: list[list[str]] = []
    real = StepView._first_focus

    def first_focus(view: StepView) -> None:
        if view.id == f"step-{step}" and view.display:
            seen.append(list(mounts))
        real(view)

    monkeypatch.setattr(StepView, "_first_focus", first_focus)
    return seen


async def test_a_step_key_typed_while_the_store_opens_is_built_before_any_prebuild(
        db_path: Path, wid: int, gate: Any, mounts: list[str], monkeypatch: Any) -> None:
    """Issue 18 regression: ``7`` typed on the early scope step showed Tracker only after
    views the room did not ask for were built.  The step asked for is the first view
    mounted once the store is open, and it is shown before any other is built: the key
    costs one first visit.  (No pause between prebuilds here: the idle builder is as
    eager as it can be, so only the order of work decides.)"""
    import tui.screens.workshop as workshop

    monkeypatch.setattr(workshop, "PREBUILD_IDLE_S", 0.001)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _early_scope(app, pilot)
        mounts.clear()  # the scope step's own view
        await pilot.press("7")
        assert screen.step == "scope" and mounts == []
        shown_with = _built_when_focused(monkeypatch, mounts, "tracker")
        gate.set()
        assert await until([pilot], lambda: bool(shown_with), rounds=400)
        assert mounts[0] == "step-tracker", mounts
        assert shown_with[0] == ["step-tracker"], shown_with
        assert await all_built(pilot)
        assert screen.step == "tracker"


async def test_a_step_key_during_the_prebuild_waits_for_one_view_at_most(
        db_path: Path, wid: int, mounts: list[str], monkeypatch: Any) -> None:
    """A key read while a view is being built at idle: its own view is the next one
    mounted, and at most the view already under way is built before it shows."""
    import tui.screens.workshop as workshop

    monkeypatch.setattr(workshop, "PREBUILD_IDLE_S", 0.001)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        assert await until([pilot], lambda: len(mounts) >= 2, rounds=400)  # scope, then one
        before = list(mounts)
        shown_with = _built_when_focused(monkeypatch, mounts, "tracker")
        app.post_message(events.Key("7", "7"))
        assert await until([pilot], lambda: bool(shown_with), rounds=400)
        after = shown_with[0][len(before):]
        assert after == ["step-tracker"], (before, shown_with[0])
        assert len(shown_with[0]) <= len(before) + 1, (before, shown_with[0])
        assert await all_built(pilot)
