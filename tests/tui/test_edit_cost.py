"""What a one-field edit costs beyond the cell it changed (issue 18: ≤ 16 ms at 100 touchpoints).

A sentiment edit moved the curve, and Textual turned all six rows of the
sentiment line into strips again (each of its ~140 style runs a new style
object: a third of the edit's CPU), although most rows had not changed; and the
edit ran CSS queries over the whole screen (~190 widgets) to find the view and
the form's fields it already knew.  These tests count that work, never time.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.css.query import DOMQuery
from textual.visual import Visual, visualize

from models.db.store import Store
from tests.helpers import build_workshop, ready, until
from tui.app.launch import build_app
from tui.widgets.step_bar import SentimentLine


def _whole(line: SentimentLine) -> list[Any]:
    """The strips Textual's default rendering makes of ``render()`` (Widget._render_content)."""
    width, height = line.size
    return Visual.to_strips(line, visualize(line, line.render()), width, height,
                            line.visual_style)


def _drawn(line: SentimentLine) -> list[Any]:
    """The strips the widget hands Textual, row by row (before the styles cache)."""
    return [line.render_line(y) for y in range(line.size.height)]


def _same(a: list[Any], b: list[Any]) -> bool:
    return [list(s) for s in a] == [list(s) for s in b]


class _One(App[None]):
    def compose(self) -> ComposeResult:
        yield SentimentLine(id="line")


@pytest.mark.parametrize("width", [30, 80, 120])
async def test_the_line_drawn_row_by_row_is_the_whole_text_rendered(width: int) -> None:
    rng = random.Random(width)
    app = _One()
    async with app.run_test(size=(width, 10)) as pilot:
        line = app.query_one(SentimentLine)
        for stages, per_stage in [(1, 1), (3, 4), (10, 10), (4, 200), (2, 1)]:
            sections = [(f"Stage {s} ✓ [b]x[/b]", [rng.randint(-2, 2) for _ in range(per_stage)])
                        for s in range(stages)]
            line.set_sections(sections)
            await pilot.pause()
            assert _same(_drawn(line), _whole(line)), (stages, per_stage)
            line.set_sections([(name, [v * -1 for v in values]) for name, values in sections])
            await pilot.pause()
            assert _same(_drawn(line), _whole(line)), (stages, per_stage, "flipped")


async def test_an_edit_turns_only_the_changed_rows_into_strips(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view("touchpoints")
        view.table.focus()
        await pilot.press("down")
        await ready(pilot)
        line = view.query_one(SentimentLine)
        before = line.render().split("\n")
        converted: list[int] = []
        real = Visual.to_strips

        def counted(widget: Any, visual: Any, width: int, height: int | None, *args: Any,
                    **kwargs: Any) -> Any:
            if isinstance(widget, SentimentLine):
                converted.append(1)  # one row (the empty rows above it cost nothing)
            return real(widget, visual, width, height, *args, **kwargs)

        monkeypatch.setattr(Visual, "to_strips", staticmethod(counted))
        tp = app.journey.touchpoint(int(view.current_key()))
        await pilot.press("minus" if tp.sentiment > -2 else "plus")
        await ready(pilot)
        after = line.render().split("\n")
        changed = sum(1 for old, new in zip(before, after, strict=True)
                      if (old.plain, old.spans) != (new.plain, new.spans))
        assert 0 < changed < len(after)  # the curve moved; the stage names did not
        assert sum(converted) == changed
        monkeypatch.setattr(Visual, "to_strips", staticmethod(real))
        assert _same(_drawn(line), _whole(line))


async def test_an_edit_runs_no_query_over_the_screen(db_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        # the idle prebuild builds views (their forms find their fields by query): not a key's
        assert await until([pilot], lambda: app.screen.prebuilt, rounds=400)
        view = app.screen.view("touchpoints")
        view.table.focus()
        await pilot.press("down")
        await ready(pilot)
        queries: list[str] = []
        real = DOMQuery.nodes

        def counted(self: DOMQuery[Any]) -> Any:
            queries.append(repr(self))
            return real.fget(self)  # type: ignore[attr-defined]

        monkeypatch.setattr(DOMQuery, "nodes", property(counted))
        tp = app.journey.touchpoint(int(view.current_key()))
        await pilot.press("minus" if tp.sentiment > -2 else "plus")
        await pilot.pause()  # (tests.helpers.ready queries the screen itself)
        assert queries == [], queries
        assert view.form.field("sentiment").value == str(
            app.journey.touchpoint(tp.id).sentiment)
