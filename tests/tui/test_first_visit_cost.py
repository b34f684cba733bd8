"""What a first visit to a step costs once its view was built at idle (issue 18).

A first visit showed a view that had never been laid out: its widgets took their
first sizes (each new size asked Textual for another layout pass of the whole
screen), its scroll bars were created, and the footer mounted the keys it had never
shown, after the switch's refresh (two more passes).  Three layout passes and a
handful of new widgets per first visit, where a switch between kept views costs one
pass and none.  Now the idle builder lays each view out once, out of sight
(``tui/screens/warm_views.py``), and the footer draws any step's keys in its one line:
a first visit creates no widget and takes one pass (two where a table's scroll bars
take their focused style for the first time).

These tests count work (layout passes, widgets created), never time.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget

from tests.helpers import SIZE, ready, screen_text, until
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView

# The steps built at idle (Plan is left out: shown, it generates the plan and reads the
# portfolio, new text to lay out).
FIRST_VISITS = ("2", "3", "4", "5", "7", "6", "1")


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Layout passes of the screen on view from now on: ``full`` (a reflow of every
    widget) and ``scroll`` (only what a scroll exposed: Textual's cheaper pass)."""
    from textual.screen import Screen

    seen: Counter[str] = Counter()
    real = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        if self is self.app.screen:
            scroll_only = kwargs.get("scroll", False) and not self._layout_widgets
            seen["scroll" if scroll_only else "full"] += 1
        real(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return seen


@pytest.fixture
def created(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Widgets created from now on, by class."""
    seen: Counter[str] = Counter()
    real = Widget.__init__

    def counting(self: Widget, *args: Any, **kwargs: Any) -> None:
        seen[type(self).__name__] += 1
        real(self, *args, **kwargs)

    monkeypatch.setattr(Widget, "__init__", counting)
    return seen


async def _prebuilt(pilot: Any) -> WorkshopScreen:
    app = pilot.app
    await ready(pilot)
    assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                       and app.screen.prebuilt
                       and all(v.ready for v in app.screen.query(StepView)), rounds=400)
    await pilot.pause()
    app.pairing.stop()  # its heartbeat redraws the presence bar now and then
    screen = app.screen
    assert isinstance(screen, WorkshopScreen)
    return screen


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_a_first_visit_lays_the_screen_out_once_and_creates_no_widget(
        db_path: Path, wid: int, passes: Counter[str], created: Counter[str],
        size: tuple[int, int]) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=size) as pilot:
        await _prebuilt(pilot)
        seen: dict[str, tuple[int, dict[str, int]]] = {}
        for key in FIRST_VISITS:
            await pilot.press("escape")
            await pilot.pause()
            passes.clear()
            created.clear()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            seen[key] = (passes["full"], dict(created))
        # No widget is created (footer keys, scroll bars: there already).  One pass, as
        # a kept switch; a second, smaller one where the table's scroll bars take their
        # focused style for the first time (Textual restyles them after the switch).
        assert all(made == {} for _passes, made in seen.values()), seen
        assert all(passes <= 2 for passes, _made in seen.values()), seen
        assert seen["2"][0] == 1 and seen["1"][0] == 1, seen


async def test_a_view_laid_out_at_idle_is_never_seen_nor_focused(db_path: Path,
                                                                 wid: int) -> None:
    """While a view is laid out out of sight, the screen shows the same and the
    focus stays; afterwards it is hidden again, on the views' own layer."""
    from tui.screens.warm_views import warm, warming

    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _prebuilt(pilot)
        await pilot.pause()
        focused, before = app.focused, screen_text(app)
        view = screen.view("ownership")
        warm(screen, view)
        assert await until([pilot], lambda: view.display and bool(view.region.area))
        assert warming(view)
        now = screen_text(app)
        assert now == before
        await pilot.press("tab")  # Tab stays among the widgets on screen
        assert app.focused is not None and view not in app.focused.ancestors
        assert await until([pilot], lambda: not warming(view))
        assert [v.id for v in screen.query(StepView) if v.display] == ["step-touchpoints"]
        assert all(not v.styles.has_rule("layer") for v in screen.query(StepView))
        assert focused is not None


async def test_a_step_key_for_a_view_being_laid_out_shows_it_focused(db_path: Path,
                                                                    wid: int) -> None:
    from tui.screens.warm_views import warm, warming

    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _prebuilt(pilot)
        view = screen.view("ownership")
        warm(screen, view)
        assert await until([pilot], lambda: view.display and bool(view.region.area))
        await pilot.press("4")
        await pilot.pause()
        assert not warming(view) and not view.styles.has_rule("layer")
        assert [v.id for v in screen.query(StepView) if v.display] == ["step-ownership"]
        assert app.focused is not None and view in app.focused.ancestors
        assert "Step 4 · Ownership" in screen_text(app)
        await pilot.pause(0.3)  # the warm-up's own end comes and changes nothing
        assert [v.id for v in screen.query(StepView) if v.display] == ["step-ownership"]


