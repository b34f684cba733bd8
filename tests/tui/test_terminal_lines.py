"""What the terminal shows after a step switch is the screen laid out (a stale line).

A step switch repaints nothing (``StepSwitcher``): the screen update covers only the
regions the layout pass finds changed.  A view asked for by its step key while it was
being laid out out of sight (``tui/screens/warm_views.py``) once left a line of the
previous view on the terminal: the Plan shown under the Cards view's lede (seen in
``tests/e2e/test_tmux_entry.py``, 1 run in 7 under load).  These tests feed every
update the app writes into a terminal model (pyte) and compare it with the whole
screen rendered afresh: a person reads what the terminal holds, not what the
compositor thinks it drew.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyte
import pytest
from rich.console import Console

from tests.tui.views import prebuilt
from tests.tui.warm_hold import HeldLooks
from tui.app.launch import build_app
from tui.screens.warm_views import stop, warm, warming

WIDTH, HEIGHT = 80, 24


class Terminal:
    """A VT screen fed every update the app sends to its driver."""

    def __init__(self) -> None:
        self.screen = pyte.Screen(WIDTH, HEIGHT)
        self.stream = pyte.Stream(self.screen)
        self.console = Console(width=WIDTH, height=HEIGHT, color_system="truecolor",
                               force_terminal=True, legacy_windows=False)

    def feed(self, update: Any) -> None:
        self.stream.feed(update.render_segments(self.console))

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]


def _watch(app: Any) -> Terminal:
    """Every screen update of ``app`` also goes to a terminal model (headless writes none)."""
    terminal = Terminal()
    real = app._display

    def display(screen: Any, renderable: Any) -> None:
        if renderable is not None and not app._batch_count and hasattr(
                renderable, "render_segments"):
            terminal.feed(renderable)
        real(screen, renderable)

    app._display = display
    return terminal


def _fresh(app: Any) -> list[str]:
    """The whole screen rendered now, on a blank terminal."""
    terminal = Terminal()
    terminal.feed(app.screen._compositor.render_update(full=True))
    return terminal.lines()


def _switch_before_the_layout_pass(screen: Any, step: str) -> None:
    """The step key, served as the held input does, with the screen's map marked stale
    (``Compositor._full_map_invalidated``: a scroll-only pass leaves it so, and a repaint
    of a widget new to the map) and rebuilt before the layout pass (``full_map``: any
    "where is this widget?" asks it), once the views are switched."""
    screen._compositor._full_map_invalidated = True
    screen.show_step(step, save=True)
    assert screen._compositor.full_map


async def _shown(db_path: Path, wid: int, *, warming_up: bool, stopped: bool = False,
                 monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    app = build_app(db_path, wid, step="cards", who="lea")
    terminal = _watch(app)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        screen = await prebuilt(pilot)
        await pilot.pause()
        assert terminal.lines() == _fresh(app)  # the model follows the app
        view = screen.view("plan")
        if warming_up:
            assert monkeypatch is not None
            HeldLooks(monkeypatch)  # still under way when the key comes
            warm(screen, view)
            for _ in range(100):
                if view.display and view.region.area:
                    break
                await pilot.pause(0.01)
            assert warming(view)
            if stopped:
                stop(view)  # the key read stops the warm-up first (``WorkshopScreen``)
        _switch_before_the_layout_pass(screen, "plan")
        await pilot.pause()
        await pilot.pause()
        fresh = _fresh(app)
        assert any("Plan ·" in line for line in fresh), fresh
        assert terminal.lines() == fresh


async def test_a_switch_sends_every_line_of_the_view_shown(db_path: Path, wid: int) -> None:
    await _shown(db_path, wid, warming_up=False)


async def test_a_view_asked_for_while_laid_out_out_of_sight_is_drawn_whole(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    await _shown(db_path, wid, warming_up=True, monkeypatch=monkeypatch)


async def test_a_view_asked_for_as_its_warm_up_stops_is_drawn_whole(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    await _shown(db_path, wid, warming_up=True, stopped=True, monkeypatch=monkeypatch)
