"""The footer's keys as one widget (issue 18: a step switch, keypress to screen updated).

A footer of one widget per key had a switch rewrite about eight keys' labels, lay them out
again (each new width asked for a layout of its own) and send Show, Hide and Resize
messages to every key widget it showed or hid: the largest drawing left in a switch.  The
keys are now one line, repainted whole when they change.  Work is counted here (messages
to the footer's widgets, lines it draws, layout requests, widgets it holds), never time;
each count was seen failing on the key widgets first.  What a key looks like and does
(clicks, hover, tooltips) is held below and by the snapshots, which did not change.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widget import Widget

from models.db.store import Store
from tests.helpers import SIZE, build_workshop, ready, until
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView
from tui.widgets.footer import CalmFooter

SWITCHES = ("5", "3", "4", "2", "6", "8", "3")  # every switch changes some keys


def _workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        return build_workshop(store)


def _in_footer(widget: Any) -> bool:
    return any(isinstance(node, CalmFooter) for node in widget.ancestors_with_self)


async def _settled(pilot: Any) -> None:
    """Every view built and shown once, so that each switch below is a kept switch."""
    app = pilot.app
    await ready(pilot)
    assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                       and app.screen.prebuilt
                       and all(v.ready for v in app.screen.query(StepView)), rounds=400)
    for key in (*SWITCHES, "1"):
        await pilot.press("escape", key)
        await ready(pilot)
    app.pairing.stop()


async def _per_switch(pilot: Any, counter: Counter[str]) -> list[dict[str, int]]:
    seen: list[dict[str, int]] = []
    for key in SWITCHES:
        await pilot.press("escape")
        await ready(pilot)
        counter.clear()
        await pilot.press(key)
        await ready(pilot)
        seen.append(dict(counter))
    return seen


async def test_a_switch_sends_no_message_to_the_footers_widgets(db_path: Path,
                                                                monkeypatch: Any) -> None:
    """Each key widget shown or hidden got a Show or Hide, each new width a Resize."""
    from textual.message_pump import MessagePump

    counter: Counter[str] = Counter()
    real = MessagePump.post_message

    def counting(self: MessagePump, message: Any) -> bool:
        if isinstance(message, events.Show | events.Hide | events.Resize) \
                and isinstance(self, Widget) and _in_footer(self):
            counter[type(message).__name__] += 1
        return real(self, message)

    monkeypatch.setattr(MessagePump, "post_message", counting)
    app = build_app(db_path, _workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await _settled(pilot)
        seen = await _per_switch(pilot, counter)
    assert seen == [{}] * len(SWITCHES), seen


async def test_a_switch_draws_one_footer_line_and_lays_nothing_out_for_it(
        db_path: Path, monkeypatch: Any) -> None:
    """The keys whose text changed were drawn one line each (≈ 7 per switch), and each
    asked for a layout pass to place its new width."""
    from textual._styles_cache import StylesCache

    counter: Counter[str] = Counter()
    drawing: list[Widget] = []
    real_lines, real_line = Widget.render_lines, StylesCache.render_line
    real_refresh = Widget.refresh

    def render_lines(self: Widget, crop: Any) -> Any:
        drawing.append(self)
        try:
            return real_lines(self, crop)
        finally:
            drawing.pop()

    def render_line(self: StylesCache, *args: Any, **kwargs: Any) -> Any:
        if drawing and _in_footer(drawing[-1]):
            counter["lines"] += 1
        return real_line(self, *args, **kwargs)

    def refresh(self: Widget, *regions: Any, **kwargs: Any) -> Any:
        if kwargs.get("layout") and _in_footer(self):
            counter["layout requests"] += 1
        return real_refresh(self, *regions, **kwargs)

    monkeypatch.setattr(Widget, "render_lines", render_lines)
    monkeypatch.setattr(StylesCache, "render_line", render_line)
    monkeypatch.setattr(Widget, "refresh", refresh)
    app = build_app(db_path, _workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await _settled(pilot)
        seen = await _per_switch(pilot, counter)
    assert seen == [{"lines": 1}] * len(SWITCHES), seen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_footer_is_two_widgets_whatever_the_steps_shown(
        db_path: Path, size: tuple[int, int]) -> None:
    """The keys' line and the palette key; the key widgets were one per key ever shown
    (a dozen and more), the same ones kept and rewritten on every step."""
    app = build_app(db_path, _workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        footer = app.screen.query_one(CalmFooter)
        widgets = set()
        for key in ("3", "5", "4", "6", "7", "8", "2", "E", "1"):
            await pilot.press("escape", key)
            await ready(pilot)
            children = list(footer.walk_children(Widget))
            widgets |= set(map(id, children))
            assert [type(w).__name__ for w in children] == ["FooterLine", "FooterKey"], key
            shown = [(k.action, k.description, k.disabled) for k, _ in footer.placed()[:-1]]
            assert shown == [(b.action, footer._shown()[i].description, not enabled)
                             for i, (b, enabled, _) in enumerate(footer._chosen())], key
        assert len(widgets) == 2


async def _pressed_by_mouse_down(app: Any, pilot: Any, monkeypatch: Any,
                                 step_key: str) -> tuple[list[str], list[str]]:
    """Each key of the step's footer pressed by a mouse down on each of its cells."""
    pressed: list[str] = []
    monkeypatch.setattr(app, "simulate_key", pressed.append)
    await pilot.press("escape", step_key)
    await ready(pilot)
    footer = app.screen.query_one(CalmFooter)
    expected: list[str] = []
    for shown, region in footer.placed():
        for x in range(region.x, region.right):
            await pilot.mouse_down(offset=(x, region.y))
            await pilot.mouse_up(offset=(x, region.y))
            expected.append(shown.key)
    monkeypatch.undo()
    return pressed, expected


@pytest.mark.parametrize("step_key", ["3", "2", "6", "7"])
async def test_a_mouse_down_on_any_cell_of_a_key_presses_that_key(
        db_path: Path, monkeypatch: Any, step_key: str) -> None:
    """What ``FooterKey`` did on a mouse down, for every cell of every key shown (the
    two halves of "+/- Sentiment" press + and -), at 80 columns."""
    app = build_app(db_path, _workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        pressed, expected = await _pressed_by_mouse_down(app, pilot, monkeypatch, step_key)
    assert pressed == expected and len(set(expected)) >= 5, (pressed, expected)
    if step_key == "3":
        assert {"plus", "minus"} <= set(pressed)


async def test_a_click_between_keys_presses_nothing(db_path: Path, monkeypatch: Any) -> None:
    app = build_app(db_path, _workshop(db_path), step="touchpoints", who="lea")
    pressed: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        monkeypatch.setattr(app, "simulate_key", pressed.append)
        footer = app.screen.query_one(CalmFooter)
        placed = footer.placed()
        taken = {x for _, region in placed for x in range(region.x, region.right)}
        y = placed[0][1].y
        gaps = [x for x in range(80) if x not in taken]
        assert gaps
        for x in gaps:
            await pilot.click(offset=(x, y))
    assert pressed == []


async def test_a_disabled_key_rings_the_bell() -> None:
    """A key shown disabled (its action not available now) rings the bell, as before."""
    from textual.app import App, ComposeResult

    from tui.widgets.footer_line import FooterLine, ShownKey

    class One(App[None]):
        def compose(self) -> ComposeResult:
            line = FooterLine()
            line.keys = (ShownKey("a", "a", "Add", "add", disabled=True, tooltip="Add"),
                         ShownKey("d", "d", "Delete", "delete", disabled=False, tooltip=""))
            yield line

    app = One()
    rung: list[str] = []
    pressed: list[str] = []
    async with app.run_test(size=(30, 3)) as pilot:
        app.bell = lambda: rung.append("bell")  # type: ignore[method-assign]
        app.simulate_key = pressed.append  # type: ignore[method-assign,assignment]
        await pilot.mouse_down(offset=(0, 0))
        await pilot.mouse_down(offset=(6, 0))
        line = app.query_one(FooterLine)
        strip = line.render_line(0)
    assert rung == ["bell"] and pressed == ["d"]
    assert all(segment.style and segment.style.dim for segment in list(strip)[:2])


def _cells(app: Any) -> list[tuple[str, str]]:
    strip = app.screen._compositor.render_strips()[-1]  # noqa: SLF001
    return [(ch, str(segment.style)) for segment in strip for ch in segment.text]


async def test_the_key_under_the_mouse_is_lit_and_gives_the_tooltip(db_path: Path) -> None:
    """Hovering a key lights its cells (key and words, not the gap after it) with the
    hover background, and only them; its words (the full description) are the tooltip;
    between keys and off the footer nothing is lit."""
    from tui.widgets.footer_line import FooterLine

    app = build_app(db_path, _workshop(db_path), step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        footer = app.screen.query_one(CalmFooter)
        line = footer.query_one(FooterLine)
        plain = _cells(app)
        placed = footer.placed()[:-1]
        lit_background: set[str] = set()
        for shown, region in placed:
            await pilot.hover(offset=(region.x, region.y))
            await pilot.pause()
            cells = _cells(app)
            changed = {x for x, (was, now) in enumerate(zip(plain, cells, strict=True))
                       if was != now}
            assert changed == set(range(region.x, region.right)), (shown, changed)
            assert [ch for ch, _ in cells] == [ch for ch, _ in plain]
            lit_background |= {style.split(" on ")[-1] for _, style in
                               cells[region.x:region.right]}
            assert line.tooltip == shown.tooltip and shown.tooltip, shown
        gap = placed[0][1].right
        await pilot.hover(offset=(gap, placed[0][1].y))
        await pilot.pause()
        assert _cells(app) == plain and line.tooltip is None
        await pilot.hover(offset=(1, 1))
        await pilot.pause()
        assert _cells(app) == plain
    assert len(lit_background) == 1 and lit_background != {"#303030"}, lit_background


async def test_the_same_keys_handed_again_repaint_nothing() -> None:
    """The keys of a step equal to those shown (a step with the same keys, a bindings
    signal that changed nothing) leave the line as drawn."""
    from textual.app import App, ComposeResult

    from tui.widgets.footer_line import FooterLine, ShownKey

    keys = (ShownKey("n", "n", "Next", "next_step", disabled=False, tooltip="Next step"),)

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield FooterLine()

    async with One().run_test(size=(30, 3)) as pilot:
        line = pilot.app.query_one(FooterLine)
        assert line.show(keys)
        await pilot.pause()
        refreshed: list[int] = []
        line.refresh = lambda *a, **k: refreshed.append(1)  # type: ignore[method-assign,assignment]
        assert not line.show(tuple(keys))
        assert line.show(keys + keys) and refreshed == [1]
