"""Swimlanes draw the columns in view only, exactly as the whole drawing would show them.

A 10,000-touchpoint map has lanes 40,000 cells wide; building them whole cost
~0.3 s of CPU on every first visit to Ownership (issue 18).  Any window of a
line must equal the same columns of the full drawing (``draw_swimlanes``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import HorizontalScroll

from tui.widgets import drawings
from tui.widgets.drawings import LaneLayout, LanePoint, Swimlanes, draw_swimlanes

CONSOLE = Console(width=100_000, color_system="truecolor")


def _segments(text: Text) -> list[Segment]:
    return list(Segment.simplify(CONSOLE.render(text, CONSOLE.options.update(no_wrap=True))))


def _points(n: int, teams: list[str], stages: list[str]) -> list[LanePoint]:
    return [LanePoint(i + 1, teams[(i * 7 // 3) % len(teams)], stages[i * len(stages) // n],
                      handoff_in=i % 3 == 0, informed=i % 6 == 0) for i in range(n)]


def _check_windows(points: list[LanePoint], windows: list[tuple[int, int]]) -> None:
    full = draw_swimlanes(points).split("\n")
    layout = LaneLayout(points)
    assert layout.height == len(full)
    assert layout.width == max(line.cell_len for line in full)
    for y, line in enumerate(full):
        for x1, x2 in windows:
            assert _segments(layout.window(y, x1, x2)) == _segments(line[x1:x2]), (y, x1, x2)


def test_windows_equal_the_same_columns_of_the_whole_drawing() -> None:
    points = _points(300, ["Tier 1", "Tier 2", "", "Billing"], ["Notice", "Ask", "Wait"])
    _check_windows(points, [(0, 120), (5, 90), (17, 18), (400, 520), (1100, 1300), (0, 1300)])


@settings(deadline=None, max_examples=40)
@given(teams=st.lists(st.text(max_size=20), min_size=1, max_size=4),
       stages=st.lists(st.text(max_size=12), min_size=1, max_size=5),
       n=st.integers(min_value=1, max_value=60),
       x1=st.integers(min_value=0, max_value=260), span=st.integers(min_value=1, max_value=120))
def test_any_window_of_any_user_text_matches(teams: list[str], stages: list[str], n: int,
                                             x1: int, span: int) -> None:
    _check_windows(_points(n, teams, stages), [(x1, x1 + span), (0, 80)])


class _Lanes(App[None]):
    def compose(self) -> ComposeResult:
        with HorizontalScroll():
            yield Swimlanes(id="lanes")


async def test_a_big_map_never_draws_the_whole_lanes(monkeypatch: pytest.MonkeyPatch) -> None:
    def whole(*args: object, **kwargs: object) -> Text:
        raise AssertionError("the whole drawing was built")

    points = _points(10_000, ["Tier 1", "Tier 2", "Billing"], ["Notice", "Ask", "Wait"])
    app = _Lanes()
    async with app.run_test(size=(80, 10)) as pilot:
        monkeypatch.setattr(drawings, "draw_swimlanes", whole)
        lanes = app.query_one(Swimlanes)
        lanes.set_points(points)
        await pilot.pause()
        assert lanes.size.width == LaneLayout(points).width
        shown = [lanes.render_line(y).text[:80] for y in range(4)]
        monkeypatch.undo()
        full = draw_swimlanes(points).split("\n")
        assert shown == [line[:80].plain for line in full[:4]]
