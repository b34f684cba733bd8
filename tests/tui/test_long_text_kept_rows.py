"""LongText keeps the laid-out rows of the lines near the screen, not of every line
it ever showed (issue 18).

Why: Moments and the Future state's business case are thousands of lines on a big
map; a person who pages through them, or presses End and Home (whose animated
scroll draws the lines it passes), made the widget keep every line's rows with
their caches for as long as the seat ran (+7 MB for End and Home in the two views
on a 10,000-touchpoint map).  Counted in lines kept, never in bytes or time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from tui.widgets.long_text import LongText

LINES = 2000


class OneLongText(App[None]):
    def compose(self) -> ComposeResult:
        yield LongText(id="body")

    def on_mount(self) -> None:
        body = self.query_one(LongText)
        body.update([Text(f"line {i} " + "word " * (i % 30)) for i in range(LINES)])
        body.focus()


@asynccontextmanager
async def _shown() -> AsyncIterator[tuple[Pilot[None], LongText]]:
    app = OneLongText()
    app.animation_level = "none"  # End and Home jump: the rows counted are the keys'
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        yield pilot, app.query_one(LongText)


async def test_paging_through_keeps_the_rows_of_a_few_screens() -> None:
    async with _shown() as (pilot, body):
        for _ in range(60):
            await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        drawn_last = body.lines_wrapped
        await pilot.press("end")
        await pilot.press("home")
        await pilot.pause()
        assert body.lines_wrapped <= 4 * 24, (
            f"{body.lines_wrapped} lines kept laid out, after {drawn_last} while paging")


async def test_rows_dropped_and_drawn_again_are_the_same() -> None:
    async with _shown() as (pilot, body):
        first = [body.render_line(y).text for y in range(20)]
        for _ in range(60):
            await pilot.press("pagedown")
        await pilot.press("home")
        await pilot.pause()
        assert [body.render_line(y).text for y in range(20)] == first
