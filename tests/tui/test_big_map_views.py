"""Cards and Moments cost what is on screen, not what is in the map (issue 18).

On a 10,000-touchpoint map with 2,500 cards, the Cards step mounted one box per
card (2,500 widgets: ~400 MB for a seat, and every layout walked them) and the
Moments view laid out one ``Static`` of ~4,000 wrapped lines, wrapped again on
every layout.  Here a smaller map of the same shape (more cards and more peaks
and valleys than any screen shows) checks the counts: boxes mounted, lines laid
out, wraps done.  Counts, never timers; the keys still reach every card and line.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import ready, until
from tests.tui.card_map import CARDS, TOUCHPOINTS
from tests.tui.card_map import seat as _seat
from tests.tui.views import all_built
from tui.app.launch import build_app
from tui.widgets.card_grid import CardBox
from tui.widgets.long_text import LongText
from tui.widgets.plan_timeline import PlanTimeline


async def _press(pilot: Any, key: str, times: int) -> None:
    """Press ``key`` ``times`` times, letting the app settle after each (a held key)."""
    for _ in range(times):
        await pilot.press(key)
        await pilot.pause()


def _focused_card(app: Any) -> int | None:
    focused = app.screen.focused
    return focused.card_id if isinstance(focused, CardBox) else None


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_cards_mount_a_window_and_the_arrows_reach_every_card(
        big_map: tuple[Path, int], size: tuple[int, int]) -> None:
    async with _seat(big_map, "cards", size) as (app, pilot):
        mounted = len(app.screen.query(CardBox))
        assert 0 < mounted <= CARDS // 3, f"{mounted} card boxes mounted for {CARDS} cards"
        order = list(app.screen.query_one("#step-cards").card_ids)
        assert len(order) == CARDS
        assert _focused_card(app) == order[0]
        await _press(pilot, "right", CARDS)
        assert _focused_card(app) == order[-1]
        assert len(app.screen.query(CardBox)) <= CARDS // 3
        await _press(pilot, "left", CARDS)
        assert _focused_card(app) == order[0]


async def _long_body(app: Any, pilot: Any, key: str, view: str) -> LongText:
    """Open ``view`` by ``key`` at 80x24; no widget of it may be taller than the
    screen (a widget as tall as its text is laid out whole).  Its ``LongText``."""
    await pilot.press("escape", key)
    await pilot.pause()
    shown = app.screen.query_one(f"#step-{view}")
    tallest = max(w.size.height for w in shown.walk_children(Widget))
    assert tallest <= 24, f"a widget of the {view} view is {tallest} lines tall"
    return shown.query_one(f"#{view}-body", LongText)


async def test_moments_lays_out_a_screen_of_lines_and_wraps_once_per_width(
        big_map: tuple[Path, int]) -> None:
    async with _seat(big_map, "touchpoints", (80, 24)) as (app, pilot):
        body = await _long_body(app, pilot, "M", "moments")
        assert body.lines_drawn > TOUCHPOINTS / 2
        assert body.wraps == 1, "wrapped again once the scrollbar showed"
        wraps = body.wraps
        await pilot.press("escape", "3", "escape", "M")
        await pilot.pause()
        assert body.wraps == wraps
        body.focus()
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_offset.y == body.max_scroll_y > 0


def _count_wrapped_lines(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count every line Rich is asked to wrap (the cost of laying text out)."""
    wrapped = [0]
    wrap = Text.wrap

    def counting(self: Text, *args: Any, **kwargs: Any) -> Any:
        wrapped[0] += self.plain.count("\n") + 1
        return wrap(self, *args, **kwargs)

    monkeypatch.setattr(Text, "wrap", counting)
    return wrapped


async def test_moments_wraps_only_the_lines_near_the_screen(
        big_map: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    async with _seat(big_map, "touchpoints", (80, 24)) as (app, pilot):
        wrapped = _count_wrapped_lines(monkeypatch)
        await pilot.press("escape", "M")
        await pilot.pause()
        body = app.screen.query_one("#moments-body", LongText)
        assert body.lines_drawn > TOUCHPOINTS / 2
        assert wrapped[0] <= 150, f"{wrapped[0]} lines wrapped to show a screen of Moments"
        wrapped[0] = 0
        app.animation_level = "none"  # a jump, not a scroll through every line between
        body.focus()
        await pilot.press("end")
        await pilot.pause()
        assert wrapped[0] <= 150, f"{wrapped[0]} lines wrapped to show the end of Moments"
        width = body.scrollable_content_region.width
        full = app.console.render_lines(body.text, app.console.options.update_width(width),
                                        pad=False)
        while full and not any(s.text.strip() for s in full[-1]):
            full.pop()
        last = "".join(s.text for s in full[-1]).rstrip()
        shown = [body.render_line(y).text.rstrip() for y in range(body.size.height)]
        assert body.scroll_offset.y == body.max_scroll_y > 0
        assert shown[-1] == last, "End did not land on the text's last line"
        assert body.lines_drawn == len(full), "the rows counted differ from Rich's wrap"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_cards_page_and_end_keys_reach_every_card(
        big_map: tuple[Path, int], size: tuple[int, int]) -> None:
    async with _seat(big_map, "cards", size) as (app, pilot):
        order = list(app.screen.query_one("#step-cards").card_ids)
        await pilot.press("end")
        await pilot.pause()
        assert _focused_card(app) == order[-1]
        await pilot.press("home")
        await pilot.pause()
        assert _focused_card(app) == order[0]
        presses = 0
        while _focused_card(app) != order[-1] and presses < CARDS:
            before = order.index(_focused_card(app))
            await pilot.press("pagedown")
            await pilot.pause()
            presses += 1
            after = order.index(_focused_card(app))
            assert after > before + 1 or after == CARDS - 1, "Page Down moved one card"
        assert _focused_card(app) == order[-1]
        await _press(pilot, "pageup", presses)
        assert _focused_card(app) == order[0]


async def test_cards_window_moves_without_remounting_its_boxes(
        big_map: tuple[Path, int]) -> None:
    async with _seat(big_map, "cards", (80, 24)) as (app, pilot):
        view = app.screen.query_one("#step-cards")
        boxes = set(view.query(CardBox))
        await _press(pilot, "right", CARDS // 2)
        assert _focused_card(app) == view.card_ids[CARDS // 2]
        assert view.window_start > 0
        assert set(view.query(CardBox)) == boxes, "the window remounted its boxes"
        shown = {box.card_id for box in boxes}
        assert view.card_ids[CARDS // 2] in shown
        assert all(box.body.plain for box in boxes), "a moved box kept no card text"


async def test_plan_timeline_draws_only_the_rows_on_screen(
        big_map: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = big_map
    with Store(db, who="lea") as store:
        regenerate_plan(store, wid)
        tasks = len(store.load(wid).plan_tasks)
    assert tasks > 100
    app = build_app(db, wid, step="plan", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        timeline = app.screen.query_one(PlanTimeline)
        timeline.focus()
        await pilot.pause()
        bars = [0]
        bar = PlanTimeline._bar

        def counting(self: PlanTimeline, *args: Any) -> Text:
            bars[0] += 1
            return bar(self, *args)

        monkeypatch.setattr(PlanTimeline, "_bar", counting)
        await _press(pilot, "down", 3)
        assert timeline.cursor == 3
        assert bars[0] <= 3 * 24, f"{bars[0]} task bars drawn for 3 moves over {tasks} tasks"
        await pilot.press("end")
        await pilot.pause()
        assert timeline.cursor == tasks - 1
        last = 2 + 2 * (tasks - 1)
        assert "▶" in timeline.render_line(last).text
        scroll = app.screen.query_one("#plan-scroll")
        row = timeline.virtual_region.y + last
        assert scroll.scroll_offset.y <= row < scroll.scroll_offset.y + scroll.size.height


async def test_future_state_lays_out_a_screen_of_lines_and_counts_rows_once(
        big_map: tuple[Path, int]) -> None:
    """The business case lists every card: at 10,000 touchpoints ~30,000 rows in one
    ``Static`` were wrapped whole on every layout of the view (its first visit, and
    Esc's focus change, which the next step key then waited for)."""
    async with _seat(big_map, "touchpoints", (80, 24)) as (app, pilot):
        body = await _long_body(app, pilot, "U", "future")
        assert body.lines_drawn > CARDS
        assert body.wraps == 1
        await pilot.press("escape", "M")
        await pilot.pause()
        await pilot.press("escape", "U")
        await pilot.pause()
        assert body.wraps == 1, "the rows were counted again after Esc and a switch"
def _strips_kept() -> int:
    """Drawn rows (Textual ``Strip`` objects) alive after a full collection."""
    gc.collect()
    return sum(1 for thing in gc.get_objects() if type(thing) is Strip)


async def test_future_state_keeps_a_screen_of_drawn_rows_not_the_whole_case(
        big_map: tuple[Path, int]) -> None:
    """The business case lists every card: thousands of lines on a big map.  Drawn as
    one ``Static`` its every line was kept as a drawn row (~150 MB of a seat at
    10,000 touchpoints); the visit keeps what the screen shows: its 24 rows, each cut
    by the screen's compositor into a few pieces (at most 24), each piece a ``Strip``."""
    screen_rows = 24 * 24
    async with _seat(big_map, "touchpoints", (80, 24)) as (app, pilot):
        assert await all_built(pilot)
        before = _strips_kept()
        await pilot.press("escape", "U")
        await until([pilot], lambda: app.screen.query_one("#step-future").ready)
        await pilot.pause()
        body = app.screen.query_one("#future-body")
        case = body.text if isinstance(body, LongText) else body.render()
        assert str(case).count("\n") > 3 * screen_rows
        kept = _strips_kept() - before
        assert kept <= screen_rows, f"the Future state visit kept {kept} drawn rows"


async def test_future_state_and_moments_keep_their_lines_as_words_not_rich_text(
        big_map: tuple[Path, int]) -> None:
    """Both views keep every line to count its rows; as a Rich ``Text`` each (two lists
    and a span list beside the words) the business case alone was +17 MB of a seat at
    10,000 touchpoints.  A line is made a ``Text`` when it is drawn: the visits keep
    no more ``Text`` than the screens drawn show."""
    async with _seat(big_map, "touchpoints", (80, 24)) as (app, pilot):
        assert await all_built(pilot)
        before = _kept(Text)
        future = await _long_body(app, pilot, "U", "future")
        moments = await _long_body(app, pilot, "M", "moments")
        assert future.lines_drawn + moments.lines_drawn > 4 * 24 * 24
        kept = _kept(Text) - before
        assert kept <= 4 * 24, f"the two visits kept {kept} Rich Text objects"


def _kept(kind: type) -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if type(thing) is kind)


def _on_screen(app: Any, timeline: PlanTimeline) -> bool:
    """The selected task's bar is within what the plan's scroll area shows."""
    scroll = app.screen.query_one("#plan-scroll")
    row = timeline.virtual_region.y + 2 + 2 * timeline.cursor
    return bool(scroll.scroll_offset.y <= row < scroll.scroll_offset.y + scroll.size.height)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_plan_page_keys_move_the_task_cursor_by_a_screen_of_tasks(
        big_map: tuple[Path, int], size: tuple[int, int]) -> None:
    db, wid = big_map
    with Store(db, who="lea") as store:
        regenerate_plan(store, wid)
        tasks = len(store.load(wid).plan_tasks)
    async with _seat(big_map, "plan", size) as (app, pilot):
        timeline = app.screen.query_one(PlanTimeline)
        timeline.focus()
        await pilot.pause()
        scroll = app.screen.query_one("#plan-scroll")
        shown = scroll.scrollable_content_region.height // 2  # two rows a task
        presses = 0
        while timeline.cursor != tasks - 1 and presses < tasks:
            before = timeline.cursor
            await pilot.press("pagedown")
            await pilot.pause()
            presses += 1
            assert timeline.cursor == min(tasks - 1, before + shown), "Page Down"
            assert _on_screen(app, timeline)
        assert 1 < presses < tasks
        await _press(pilot, "pageup", presses)
        assert timeline.cursor == 0 and _on_screen(app, timeline)
        await pilot.press("end")
        await pilot.pause()
        assert timeline.cursor == tasks - 1 and _on_screen(app, timeline)
        await pilot.press("home")
        await pilot.pause()
        assert timeline.cursor == 0 and _on_screen(app, timeline)
