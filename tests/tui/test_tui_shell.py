"""The TUI shell after QA: keys while loading, step bar and footer at 80 columns, help,
notifications, observers.

Pilot tests (``App.run_test``); no timings: a gate holds the loading worker where a
test needs "still loading", and the notification clock is replaced where one needs
"two seconds later".
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.workshop import Workshop
from tests.helpers import build_workshop
from tests.tui.workshop_flow import footer_keys, ready
from tui.app.app import JourneyApp
from tui.app.opening import pending_target
from tui.screens.workshop import WorkshopScreen
from tui.widgets.forms import FieldInput


@pytest.fixture
def wid(store: Store) -> int:
    return build_workshop(store)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold ``Store.load`` in the app's worker until the test opens the gate."""
    opened = threading.Event()
    real = Store.load

    def slow_load(self: Store, workshop_id: int):  # noqa: ANN202
        opened.wait(30)
        return real(self, workshop_id)

    monkeypatch.setattr(Store, "load", slow_load)
    yield opened
    opened.set()


# -- 1. keys pressed while the workshop is loading ----------------------------------------
async def test_step_key_pressed_while_loading_is_applied(db_path: Path, wid: int,
                                                         gate: threading.Event) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "x", "y", "4")  # the last step key wins; letters go nowhere
        assert app.store is None  # still loading: the gate holds the worker
        gate.set()
        await ready(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        assert app.screen.step == "ownership"
        assert app.screen.query_one("#step-ownership").display
    with Store(db_path, who="check") as s:
        w = s.get_workshop(wid)
        assert w.current_step == "ownership"  # remembered like any step switch
        assert "x" not in w.title and "y" not in w.title


async def test_next_key_while_loading_moves_from_the_start_step(db_path: Path, wid: int,
                                                                gate: threading.Event) -> None:
    app = JourneyApp(db_path, wid, step="stages", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        gate.set()
        await ready(pilot)
        assert app.screen.step == "touchpoints"


async def test_typing_while_loading_reaches_no_field(db_path: Path, store: Store,
                                                    gate: threading.Event) -> None:
    wid = store.create_workshop(title="").id  # empty scope: the persona field gets focus
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"abc")
        gate.set()
        await ready(pilot)
        assert isinstance(app.screen, WorkshopScreen) and app.screen.step == "scope"
        for field in app.screen.query(FieldInput):
            assert field.value == field.shown  # nothing typed landed anywhere
    with Store(db_path, who="check") as s:
        assert s.get_workshop(wid).title == ""


def test_pending_target() -> None:
    assert pending_target("scope", "+1") == "stages"
    assert pending_target("scope", "-1") == "scope"
    assert pending_target("plan", "+1") == "plan"
    assert pending_target("stages", "pains") == "pains"
    assert pending_target("stages", None) == "stages"


async def test_step_keys_after_loading_are_the_screens_own(db_path: Path, wid: int) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "3")
        await pilot.pause()
        assert app.screen.step == "touchpoints"
        assert app.pending_step is None
        assert not app.check_action("early_step", ("plan",))


_ = Workshop  # imported for type context in later tests


# -- 2. the step bar at 80 columns ---------------------------------------------------------
async def bar_text(width: int, current: str) -> str:
    """The first line of the step bar drawn ``width`` columns wide, as plain characters."""
    from textual.app import App, ComposeResult

    from models.rules.progress import StepState
    from tui.widgets.step_bar import StepBar

    states = {"scope": StepState("scope", True), "ownership": StepState("ownership", False, "x"),
              "cards": StepState("cards", True), "plan": StepState("plan", False, "no plan")}

    class BarApp(App[None]):
        def compose(self) -> ComposeResult:
            yield StepBar()

    app = BarApp()
    async with app.run_test(size=(width, 5)) as pilot:
        bar = app.query_one(StepBar)
        bar.show(current, states)
        await pilot.pause()
        return bar.render().plain.split("\n")[0]


async def test_step_bar_at_80_columns_numbers_every_step() -> None:
    line = await bar_text(80, "tracker")
    assert len(line) <= 80
    for label in ("1 Scope✓", "4 Owners!", "6 Cards✓", "8 Plan!"):
        assert label in line, line
    assert "[7 Track]" in line  # current: bracketed, readable without colour


async def test_step_bar_wide_uses_full_labels_and_narrow_keeps_every_key() -> None:
    wide = await bar_text(120, "scope")
    assert "[1 Scope ✓]" in wide and "5 Pain points" in wide and "7 Tracker" in wide
    narrow = await bar_text(40, "pains")
    assert len(narrow) <= 40
    assert all(str(i) in narrow for i in range(1, 9)) and "[5]" in narrow, narrow


async def test_step_bar_in_the_app_at_80x24(db_path: Path, wid: int) -> None:
    from tui.widgets.step_bar import StepBar

    app = JourneyApp(db_path, wid, step="plan", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        line = app.screen.query_one(StepBar).render().plain.split("\n")[0]
        assert "6 Cards" in line and "7 Track" in line and "[8 Plan" in line, line


# -- 3. the footer fits 80 columns ---------------------------------------------------------
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_footer_fits_and_always_shows_navigation(db_path: Path, wid: int,
                                                       size: tuple[int, int]) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for key in ("escape", "2", "3", "4", "5", "6", "7", "8", "1"):
            await pilot.press(key)
            await ready(pilot)
            keys = footer_keys(app)
            actions = [k.action for k, _ in keys]
            for needed in ("next_step", "prev_step", "toggle_help", "command_palette"):
                assert needed in actions, (app.screen.step, actions)
            palette = keys[-1][1]
            assert keys[-1][0].action == "command_palette"
            for k, region in keys:
                assert region.right <= size[0], (app.screen.step, k.description, region)
                if region is not palette:  # nothing hidden under the palette key
                    assert region.right <= palette.x, (app.screen.step, k.description)


def test_footer_choice_keeps_always_keys_and_order() -> None:
    from textual.binding import Binding

    from tui.widgets.footer import choose, short_description

    entries = [(Binding("a", "add", "Five whys"), True, ""),
               (Binding("x", "export", "Export action plan (Markdown)"), True, ""),
               (Binding("n", "next_step", "Next step"), True, ""),
               (Binding("p", "prev_step", "Prev step"), True, ""),
               (Binding("?", "toggle_help", "Keys"), True, "")]
    # widths: Next 7, Prev 7, Keys 7 (always, even beyond the room), Five whys 12, Export 9
    chosen = choose(entries, 20, lambda b: len(short_description(b.description)) + 3)
    assert [b.action for b, _, _ in chosen] == ["next_step", "prev_step", "toggle_help"]
    chosen = choose(entries, 41, lambda b: len(short_description(b.description)) + 3)
    assert [b.action for b, _, _ in chosen] == ["next_step", "prev_step", "add", "toggle_help"]
    chosen = choose(entries, 42, lambda b: len(short_description(b.description)) + 3)
    assert [b.action for b, _, _ in chosen] == ["next_step", "prev_step", "add", "export",
                                                "toggle_help"]
    assert short_description("Export action plan (Markdown)") == "Export"
    assert short_description("Card for…") == "Card for…"


# -- 4. ? and F1: Textual's keys panel -----------------------------------------------------
async def test_question_mark_and_f1_toggle_the_keys_panel(db_path: Path, wid: int) -> None:
    from textual.widgets import HelpPanel

    app = JourneyApp(db_path, wid, step="stages", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        focused = app.focused
        await pilot.press("escape")  # closes the panel and nothing else
        await pilot.pause()
        assert not app.screen.query(HelpPanel)
        assert app.focused is focused and app.screen.step == "stages"
        await pilot.press("f1", "f1")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def test_keys_panel_on_home(db_path: Path, wid: int) -> None:
    from textual.widgets import HelpPanel

    app = JourneyApp(db_path, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


# -- 5. one toast per message --------------------------------------------------------------
async def test_the_same_notification_within_two_seconds_is_shown_once(db_path: Path,
                                                                      wid: int) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    now = [100.0]
    app.clock = lambda: now[0]
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        before = len(app._notifications)
        for _ in range(3):  # e.g. one rejected value reported twice
            app.run_store(lambda: int("lots"))
        app.screen.notify("Other message", markup=False)  # a widget's notify: the same door
        await pilot.pause()
        messages = [n.message for n in app._notifications][before:]
        assert len(messages) == 2 and messages[1] == "Other message", messages
        now[0] += 1.0
        app.notify("Other message", markup=False)
        app.notify("Other message", severity="error", markup=False)  # other severity: shown
        await pilot.pause()
        assert len(app._notifications) - before == 3
        now[0] += 2.5  # later: the same message is news again
        app.run_store(lambda: int("lots"))
        await pilot.pause()
        assert len(app._notifications) - before == 4


# -- 6. observers: read-only fields, no edit keys -------------------------------------------
async def test_observer_fields_take_no_typing_and_step_keys_still_work(db_path: Path,
                                                                      wid: int) -> None:
    from sqlmodel import select

    from models.db.tables.workshop import Stage

    with Store(db_path, who="check") as s:
        title = s.get_workshop(wid).title
    app = JourneyApp(db_path, wid, step="scope", who="olga", role="observer")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert app.read_only
        field = app.screen.query_one("#f-title", FieldInput)
        field.focus()
        await pilot.pause()
        await pilot.press("x", "y", "backspace", "ctrl+u")
        await pilot.pause()
        assert field.value == field.shown and not field.dirty
        await pilot.press("tab")  # leaving the field writes nothing
        await pilot.pause()
        app.screen.query_one("#f-persona", FieldInput).focus()
        await pilot.press("2")  # not typed into the field: the step key works
        await ready(pilot)
        assert app.screen.step == "stages"
        actions = [k.action for k, _ in footer_keys(app)]
        assert "next_step" in actions and "toggle_help" in actions
        assert not {"add", "delete", "move(-1)", "move(1)"} & set(actions), actions
        await pilot.press("escape", "a", "d")  # edit keys do nothing (and say nothing)
        await ready(pilot)
        assert not [n for n in app._notifications if n.severity == "error"]
        names = [c.title for c in app.screen.palette_commands()]
        assert any("Go to" in n for n in names)
        assert not any("Add stage" in n or "Delete stage" in n for n in names), names
        assert app.check_action("pairing", ("activity",)) and app.check_action(
            "pairing", ("follow",))
        assert not app.check_action("pairing", ("vote",))
    with Store(db_path, who="check") as s:
        assert s.get_workshop(wid).title == title
        with s.read() as session:
            count = len(session.exec(select(Stage).where(Stage.workshop_id == wid)).all())
        assert count == len(s.load(wid).stages)


async def test_a_lead_keeps_the_edit_keys(db_path: Path, wid: int) -> None:
    app = JourneyApp(db_path, wid, step="stages", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("escape")
        await ready(pilot)
        assert not app.read_only
        actions = [k.action for k, _ in footer_keys(app)]
        assert "add" in actions and "delete" in actions, actions
        field = app.screen.query_one("#f-name", FieldInput)
        field.focus()
        await pilot.press("z")
        assert field.value.endswith("z")


async def test_help_check_survives_an_empty_screen_stack(db_path: Path, wid: int) -> None:
    """Bindings are re-checked while the app closes; Esc's check must not raise then."""
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        stack = app._screen_stacks[app._current_mode]
        saved = list(stack)
        stack.clear()
        try:
            assert app.check_action("hide_help", ()) is False
        finally:
            stack.extend(saved)
