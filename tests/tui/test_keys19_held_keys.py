"""A held key's scroll is a jump: one frame, not a slide across many (issue 18, over ssh).

Textual slides a scroll (focus moving to a card off screen, Page Down, End) over
about a second.  Each frame of the slide redraws the whole scrolled area, so over
ssh a held Right in Cards sent a screen of output every frame: 100–250 ms a key at
10,000 touchpoints, and Moments' End a full second of output.  Every animation a
key starts must be finished at its first frame; the keys still land where they did
and the scroll bar still says where the screen is.  Counts and positions only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual._animator import SimpleAnimation
from textual.containers import VerticalScroll

from tests.helpers import ready
from tests.tui.card_map import CARDS
from tests.tui.views import all_built
from tui.app.launch import build_app
from tui.widgets.card_grid import CardBox
from tui.widgets.long_text import LongText


def _first_frames(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """(attribute, finished) for the first frame of every animation started from now."""
    seen: set[int] = set()
    firsts: list[tuple[str, bool]] = []
    real = SimpleAnimation.__call__

    def frame(self: SimpleAnimation, time: float, level: Any = "full") -> bool:
        done = real(self, time, level)
        if id(self) not in seen:
            seen.add(id(self))
            firsts.append((self.attribute, done))
        return done

    monkeypatch.setattr(SimpleAnimation, "__call__", frame)
    return firsts


async def _hold(pilot: Any, key: str, times: int) -> None:
    for _ in range(times):
        await pilot.press(key)
        await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_cards_right_held_scrolls_by_jumps_to_the_last_card(
        big_map: tuple[Path, int], size: tuple[int, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = big_map
    app = build_app(db, wid, step="cards", who="lea")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        view = app.screen.query_one("#step-cards")
        scroll = view.query_one("#cards-scroll", VerticalScroll)
        firsts = _first_frames(monkeypatch)
        await _hold(pilot, "right", CARDS // 4)
        focused = app.screen.focused
        assert isinstance(focused, CardBox)
        assert focused.card_id == view.card_ids[CARDS // 4]
        assert scroll.scroll_offset.y > 0
        assert scroll.can_view_entire(focused), "the focused card is not wholly on screen"
        assert scroll.vertical_scrollbar.position == scroll.scroll_offset.y
        assert scroll.vertical_scrollbar.window_virtual_size == scroll.virtual_size.height
        offsets = {scroll.scroll_offset.y}
        for _ in range(CARDS):
            await _hold(pilot, "right", 1)
            offsets.add(scroll.scroll_offset.y)
        assert app.screen.focused.card_id == view.card_ids[-1]
        # the view scrolls a card into view at once (no animation), or Textual jumps
        assert firsts or len(offsets) > 1, "no scroll was started: the test saw nothing"
        slid = [name for name, done in firsts if not done]
        assert not slid, f"{len(slid)} of {len(firsts)} scrolls slid over several frames"


async def test_moments_page_down_and_end_jump(
        big_map: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = big_map
    app = build_app(db, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "M")
        await pilot.pause()
        body = app.screen.query_one("#moments-body", LongText)
        body.focus()
        firsts = _first_frames(monkeypatch)
        await _hold(pilot, "pagedown", 3)
        assert body.scroll_offset.y > 0
        await _hold(pilot, "end", 1)
        assert body.scroll_offset.y == body.max_scroll_y > 0
        assert body.vertical_scrollbar.position == body.max_scroll_y
        await _hold(pilot, "home", 1)
        assert body.scroll_offset.y == 0
        assert firsts, "no scroll was started: the test saw nothing"
        assert all(done for _, done in firsts), "a scroll slid over several frames"


async def test_future_state_first_visit_makes_text_of_the_lines_drawn_only(
        big_map: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """The case's lines go to the view as words and a style; a ``Text`` (which strips
    control codes character by character) is made for a line when it is drawn.  At
    10,000 touchpoints the case is ~27,500 lines: making them all was a third of the
    first visit."""
    db, wid = big_map
    app = build_app(db, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        made = [0]
        real = Text.__init__

        def counting(self: Text, *args: Any, **kwargs: Any) -> None:
            made[0] += 1
            real(self, *args, **kwargs)

        monkeypatch.setattr(Text, "__init__", counting)
        await pilot.press("escape", "U")
        await pilot.pause()
        monkeypatch.undo()
        body = app.screen.query_one("#future-body", LongText)
        assert body.lines_drawn > 1000
        assert made[0] < 400, f"{made[0]} Text made to show a screen of the case"
        shown = body.render_line(0).text.rstrip()
        assert shown and str(body.text).startswith(shown), "the first row is not the case's"
