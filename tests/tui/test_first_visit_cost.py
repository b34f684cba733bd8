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

These tests count work (layout passes, widgets created), never time.  Each runs
twice: as it comes, and as under a load of 20 (the work between two timer ticks
takes many times longer: one-shot timers are shortened twentyfold): a warm-up
must end on what the screen did, not on a clock.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widget import Widget

from tests.helpers import SIZE, screen_text, until
from tests.tui.views import FIRST_VISITS, prebuilt
from tests.tui.warm_hold import HeldLooks
from tui.app.launch import build_app
from tui.steps.base import StepView


@pytest.fixture(params=["as it comes", "loaded"])
def machine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The machine as it is, or as under a load of 20: the work between two timer
    ticks takes many times longer, so one-shot timers (idle work's looks) come due
    earlier in it; emulated by shortening every ``set_timer`` delay twentyfold."""
    if request.param == "loaded":
        from textual.message_pump import MessagePump

        real = MessagePump.set_timer

        def early(self: MessagePump, delay: float, *args: Any, **kwargs: Any) -> Any:
            return real(self, max(0.001, delay / 20), *args, **kwargs)

        monkeypatch.setattr(MessagePump, "set_timer", early)
    return str(request.param)


def _in_a_view(widget: object) -> bool:
    """Whether ``widget`` lies inside a step view (the view itself excluded)."""
    return isinstance(widget, Widget) and any(isinstance(node, StepView)
                                              for node in widget.ancestors)


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch, machine: str) -> Counter[str]:
    """Layout passes of the screen on view from now on: ``full`` (a reflow of every
    widget), ``scroll`` (only what a scroll exposed: Textual's cheaper pass), and
    ``asked by the view`` (full passes asked for by a widget inside a step view: a
    size it took only now, work its warm-up left over)."""
    seen: Counter[str] = Counter()
    real = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        if self is self.app.screen:
            scroll_only = kwargs.get("scroll", False) and not self._layout_widgets
            seen["scroll" if scroll_only else "full"] += 1
            asked = {*self._layout_widgets, *(w for ws in self._layout_widgets.values()
                                               for w in ws)}
            if not scroll_only and any(_in_a_view(widget) for widget in asked):
                seen["asked by the view"] += 1
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


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_a_first_visit_lays_the_screen_out_once_and_creates_no_widget(
        db_path: Path, wid: int, passes: Counter[str], created: Counter[str],
        size: tuple[int, int]) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=size) as pilot:
        await prebuilt(pilot)
        seen: dict[str, tuple[int, int, dict[str, int]]] = {}
        for key in FIRST_VISITS:
            await pilot.press("escape")
            await pilot.pause()
            passes.clear()
            created.clear()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            seen[key] = (passes["full"], passes["asked by the view"], dict(created))
        # No widget is created (footer keys, scroll bars: there already), and no
        # widget of the view asks for a pass of its own: it had every size before.
        # One pass, as a kept switch, for the table steps and scope; Cards and
        # Tracker take a second for the footer's keys (rewritten after the switch).
        assert all(made == {} for _passes, _asked, made in seen.values()), seen
        assert all(asked == 0 for _passes, asked, _made in seen.values()), seen
        assert all(seen[key][0] == 1 for key in ("2", "3", "4", "5", "1")), seen
        assert all(passes <= 2 for passes, _asked, _made in seen.values()), seen


async def test_a_view_laid_out_at_idle_is_never_seen_nor_focused(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a view is laid out out of sight, the screen shows the same and the
    focus stays; afterwards it is hidden again, on the views' own layer."""
    from tui.screens.warm_views import warm, warming

    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        screen = await prebuilt(pilot)
        await pilot.pause()
        focused, before = app.focused, screen_text(app)
        view = screen.view("ownership")
        held = HeldLooks(monkeypatch)
        warm(screen, view)
        assert await until([pilot], lambda: view.display and bool(view.region.area))
        assert warming(view)
        now = screen_text(app)
        assert now == before
        await pilot.press("tab")  # Tab stays among the widgets on screen
        assert app.focused is not None and view not in app.focused.ancestors
        held.release()
        assert await until([pilot], lambda: not warming(view))
        assert [v.id for v in screen.query(StepView) if v.display] == ["step-touchpoints"]
        assert all(not v.styles.has_rule("layer") for v in screen.query(StepView))
        assert focused is not None


async def test_a_step_key_for_a_view_being_laid_out_shows_it_focused(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.screens.warm_views import warm, warming

    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        screen = await prebuilt(pilot)
        view = screen.view("ownership")
        held = HeldLooks(monkeypatch)
        warm(screen, view)
        assert await until([pilot], lambda: view.display and bool(view.region.area))
        await pilot.press("4")
        await pilot.pause()
        assert not warming(view) and not view.styles.has_rule("layer")
        assert [v.id for v in screen.query(StepView) if v.display] == ["step-ownership"]
        assert app.focused is not None and view in app.focused.ancestors
        assert "Step 4 · Ownership" in screen_text(app)
        held.release()  # the warm-up's own next look comes and changes nothing
        await pilot.pause()
        assert [v.id for v in screen.query(StepView) if v.display] == ["step-ownership"]


