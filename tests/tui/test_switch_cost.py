"""What a step switch between kept views costs Textual, counted (issue 18: switches).

A switch must lay the screen out once, and nothing that follows it on its own
(the seat's heartbeat telling the others which step is on screen, the footer's
keys) may add a pass of the whole screen or re-render widgets whose look did not
change.  Counts of work, never timings: each of these was seen failing first.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from tests.helpers import SIZE, ready, until
from tests.tui.switch_looks import built_workshop, count_lines, count_rows, screen_lines, settled
from tui.app.launch import build_app


async def test_the_heartbeat_after_a_switch_lays_nothing_out_for_a_seat_alone(
        db_path: Path, work: Any) -> None:
    """Alone in the workshop the presence bar is hidden; the heartbeat that tells the
    file which step is on screen (a moment after each switch) re-laid the whole screen
    out to put the new step's name in that hidden bar."""
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        pairing = app.pairing
        seen: list[int] = []
        for key, step in (("5", "pains"), ("3", "touchpoints"), ("4", "ownership")):
            await pilot.press("escape")
            await ready(pilot)
            work.clear()
            await pilot.press(key)
            assert await until([pilot], lambda step=step: pairing._beat_step == step)
            await pilot.pause()
            seen.append(work["layout pass"])
        assert not app.screen.query_one("#presence").display
        assert seen == [1, 1, 1], seen


async def test_a_switch_repaints_the_views_not_the_switcher_behind_them(
        db_path: Path, work: Any) -> None:
    """Choosing the view to show repainted the container holding the views: every line
    of the content area re-rendered as blank background, under the view about to be
    drawn over it.  The views shown and hidden are repainted as they must be."""
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        seen: list[tuple[int, int, int]] = []
        for key in ("5", "3"):
            await pilot.press("escape")
            await ready(pilot)
            work.clear()
            await pilot.press(key)
            await pilot.pause()
            seen.append((work["ContentSwitcher"], work["PainsView"], work["TouchpointsView"]))
        assert seen == [(0, 1, 1), (0, 1, 1)], seen


async def test_a_switch_is_one_screen_update_with_the_step_bar_in_it(
        db_path: Path, work: Any, monkeypatch: Any) -> None:
    """The step bar's new current step reached the screen on the bar's own idle turn,
    after the switch's layout pass had composed the screen: a second update (it
    composes every widget under the bar's region) for one line of text."""
    from textual.screen import Screen

    late: list[list[str]] = []
    real = Screen._compositor_refresh

    def update(self: Screen[Any]) -> None:
        late.append(sorted(type(w).__name__ for w in self._dirty_widgets))
        real(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", update)
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        for key in ("5", "3"):
            await pilot.press("escape")
            await ready(pilot)
            late.clear()
            await pilot.press(key)
            await pilot.pause()
            assert not any("StepBar" in dirty for dirty in late[1:]), late


def _count_arranges(monkeypatch: Any) -> list[int]:
    """Calls to arrange the whole screen (the compositor's map of every widget)."""
    from textual._compositor import Compositor

    calls = [0]
    real = Compositor._arrange_root

    def counting(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "_arrange_root", counting)
    return calls


async def test_a_switch_arranges_the_screen_once(db_path: Path, monkeypatch: Any) -> None:
    """The layout pass arranges every widget of the screen and keeps the map it built;
    Textual then threw that map away as soon as a widget outside it asked for its
    region (the view just hidden, a footer key), and arranged the screen again, once
    or twice more per switch, to answer."""
    arranges = _count_arranges(monkeypatch)
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        seen: list[int] = []
        for key in ("5", "3", "5", "3", "4", "2"):
            await pilot.press("escape")
            await ready(pilot)
            arranges[0] = 0
            await pilot.press(key)
            await pilot.pause()
            seen.append(arranges[0])
        assert seen == [1] * 6, seen


async def test_the_screen_map_kept_between_layout_passes_is_the_screen_laid_out(
        db_path: Path) -> None:
    """What the kept map answers (where a widget is) is what arranging afresh answers,
    after switches, a resize while views are hidden, and edits."""
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        compositor = app.screen._compositor
        for keys, size in ((("5",), None), (("3", "down", "plus"), None), ((), (80, 24)),
                           (("4",), None), (("5", "2"), (120, 40)), (("3",), None)):
            for key in keys:
                await pilot.press(key)
                await ready(pilot)
            if size:
                await pilot.resize_terminal(*size)
                await ready(pilot)
            kept = compositor.full_map
            fresh, _ = compositor._arrange_root(app.screen, compositor.size, visible_only=False)
            assert {w: g.region for w, g in kept.items()} == \
                {w: g.region for w, g in fresh.items()}



async def test_a_switch_draws_again_only_lines_whose_look_changed(
        db_path: Path, monkeypatch: Any) -> None:
    """A view shown again at the same size looks as it did: its own lines (the background
    around its children) were drawn afresh on every switch, 18 per view at 120x40, for
    the view shown and the one hidden.  The step bar going back to a step it showed
    before, at the same width, built its text again too."""
    from tui.widgets.step_bar import StepBar

    drawn = count_lines(monkeypatch)
    bar = Counter[str]()
    real_bar = StepBar.render

    def bar_render(self: StepBar) -> Any:
        bar[self.current] += 1
        return real_bar(self)

    monkeypatch.setattr(StepBar, "render", bar_render)
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        for key in ("5", "3", "5", "3"):
            await pilot.press("escape")
            await ready(pilot)
            drawn.clear()
            bar.clear()
            await pilot.press(key)
            await pilot.pause()
            views = {k: v for k, v in drawn.items() if k.endswith("View")}
            assert views == {} and not bar, (dict(drawn), dict(bar))


async def test_a_switch_finds_its_view_without_a_css_query(
        db_path: Path, monkeypatch: Any) -> None:
    """Whether a step's view exists was a CSS query over every widget of every built view
    (≈ 190 widgets matched against ``#step-…`` on each switch, half the key's own work);
    the views are the switcher's children, found by id."""
    from textual.css import query

    matched = [0]
    real = query.match

    def counting(*args: Any, **kwargs: Any) -> Any:
        matched[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(query, "match", counting)
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        seen: list[int] = []
        for key in ("5", "3", "4", "2"):
            await pilot.press("escape")
            await ready(pilot)
            matched[0] = 0
            await pilot.press(key)
            await pilot.pause()
            seen.append(matched[0])
        assert max(seen) < 40, seen


async def _shown(db: Path, wid: int, sizes: list[tuple[int, int]]) -> list[list[str]]:
    """Steps 3, 5, 4, 2 shown at each size in turn, the terminal resized in between."""
    app = build_app(db, wid, step="scope", who="lea")
    screens: list[list[str]] = []
    async with app.run_test(size=sizes[0]) as pilot:
        await settled(pilot)
        app.pairing.stop()
        for size in sizes:
            await pilot.resize_terminal(*size)
            await ready(pilot)
            for key in ("3", "5", "4", "2"):
                await pilot.press("escape", key)
                await ready(pilot)
                screens.append(screen_lines(app))
    return screens


async def test_a_view_shown_after_a_resize_is_laid_out_and_drawn_at_the_new_size(
        db_path: Path) -> None:
    """Views hidden while the terminal is resized keep their lines only for the size they
    had: shown again, each is laid out and drawn as a view built at the new size."""
    wid = built_workshop(db_path)
    resized = await _shown(db_path, wid, [(80, 24), (120, 40), (80, 24)])
    wide = await _shown(db_path, wid, [(120, 40)])
    narrow = await _shown(db_path, wid, [(80, 24)])
    assert resized[4:8] == wide
    assert resized[8:] == narrow
    assert resized[:4] == narrow


async def test_tab_never_lands_in_a_hidden_step_view(db_path: Path) -> None:
    """Every built view stays mounted; Tab and shift+Tab go round the step shown only."""
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        for key in ("3", "5", "2"):
            await pilot.press("escape", key)
            await ready(pilot)
            shown = app.screen.view()
            for tab in ("tab",) * 25 + ("shift+tab",) * 25:
                await pilot.press(tab)
                focused = app.focused
                assert focused is not None and shown in focused.ancestors_with_self, \
                    (key, tab, focused)


async def test_a_click_where_a_hidden_views_widget_was_reaches_the_view_shown(
        db_path: Path) -> None:
    """A click at the place of the Pains table, once Touchpoints is shown, goes to what
    Touchpoints draws there; the hidden table keeps its cursor and gets no click."""
    from textual import events
    from textual.widgets import DataTable

    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        await pilot.press("escape", "5")
        await ready(pilot)
        pains = app.screen.view("pains").query_one(DataTable)
        spot = pains.region.offset + (3, 2)
        cursor = pains.cursor_coordinate
        clicked: list[Any] = []
        pains.post_message = lambda message, real=pains.post_message: (  # type: ignore[method-assign]
            clicked.append(message) if isinstance(message, events.MouseEvent) else None,
            real(message))[1]
        await pilot.press("escape", "3")
        await ready(pilot)
        target, _ = app.screen.get_widget_at(*spot)
        assert app.screen.view("touchpoints") in target.ancestors_with_self
        await pilot.click(offset=spot)
        await ready(pilot)
        assert pains.cursor_coordinate == cursor and not clicked
        assert app.screen.step == "touchpoints"


async def test_a_kept_view_is_not_rebuilt_for_a_change_it_does_not_show(
        db_path: Path, monkeypatch: Any) -> None:
    """The Plan's first visit writes its tasks into the snapshot (a new revision); shown
    again, Touchpoints rebuilt every row though no touchpoint or stage had changed
    (10,000 rows at issue 18's size: most of a 70-140 ms switch), and Pain points ranked
    and rebuilt its 2,500.  A change it shows,
    made while it was hidden, is still drawn when it is shown again."""
    from models.db.tables.workshop import Stage
    from tui.steps.pains import PainsView
    from tui.steps.touchpoints import TouchpointsView

    built = count_rows(monkeypatch, TouchpointsView, PainsView)
    app = build_app(db_path, built_workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app.pairing.stop()
        assert app.journey is not None and not app.journey.plan_tasks
        await pilot.press("escape", "8")
        await ready(pilot)
        assert app.journey.plan_tasks  # written on this first visit
        built.clear()
        for key in ("3", "5"):
            await pilot.press("escape", key)
            await ready(pilot)
        assert not built, built
        await pilot.press("escape", "2")
        await ready(pilot)
        stage = app.journey.stages[0]
        assert app.save_field(Stage, int(stage.id or 0), "name", "Renamed [b]stage[/b]")
        await pilot.press("escape", "3")
        await ready(pilot)
        table = app.screen.view("touchpoints").table  # type: ignore[attr-defined]
        assert "Renamed [b]stage[/b]" in str(table.get_row_at(0)[1])
