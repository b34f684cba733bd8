"""What one key costs inside the app (issue 18: a cursor move or an edit in one frame).

A cursor move or a one-field edit changes a few cells: the table's row, the
form's fields, the "saved" time in the header, the sentiment line.  None of
them changes a widget's size, so none may ask Textual for a layout pass of the
whole screen (≈ 7 ms CPU each with a 14-field form) or repaint the whole screen,
and what did not change is not redrawn.  Cost tests count the work done, never
the time it took.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from models.db.tables.workshop import Touchpoint
from tests.helpers import ready, screen_text, until
from tui.app.launch import build_app
from tui.widgets.step_bar import SentimentLine, StepBar


@asynccontextmanager
async def _on_touchpoints(db: Path, wid: int) -> AsyncIterator[tuple[Any, Any, Any]]:
    """The app at 120x40 on the touchpoints step, its table focused: (app, pilot, view)."""
    app = build_app(db, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        # the idle prebuild lays each view out once, out of sight: its passes are not a key's
        assert await until([pilot], lambda: app.screen.prebuilt, rounds=400)
        view = app.screen.view("touchpoints")
        view.table.focus()
        await ready(pilot)
        yield app, pilot, view


async def test_cursor_moves_ask_for_no_layout_pass(db_path: Path, wid: int,
                                                   work: Counter[str]) -> None:
    """Rows with names of different lengths and sentiments -2..+2: the form's fields change
    text length on every move (Textual's Input asks for a layout pass when it does)."""
    async with _on_touchpoints(db_path, wid) as (app, pilot, view):
        names = set()
        work.clear()  # from here on
        seen = work
        for _ in range(5):
            await pilot.press("down")
            await pilot.pause()
            names.add(view.form.field("name").value)
        assert len({len(name) for name in names}) > 1  # the texts did change length
        assert seen["layout pass"] == 0
        assert seen["whole screen"] == 0
        key = view.current_key()
        assert view.form.field("name").value == app.journey.touchpoint(int(key)).name


async def test_an_edit_repaints_what_it_changed_only(db_path: Path, wid: int,
                                                     work: Counter[str]) -> None:
    async with _on_touchpoints(db_path, wid) as (app, pilot, view):
        await pilot.press("down")
        await ready(pilot)
        tp = app.journey.touchpoint(int(view.current_key()))
        work.clear()  # from here on
        seen = work
        await pilot.press("minus" if tp.sentiment > -2 else "plus")
        await pilot.pause()
        assert seen["layout pass"] == 0
        assert seen["whole screen"] == 0  # the "saved" time repaints the header's title
        assert "saved " in app.sub_title  # after the seat's role, if any
        assert app.sub_title in screen_text(app)
        assert seen["SentimentLine"] == 1  # the sentiment changed: the curve moves
        assert seen["StepBar"] == 0  # no step's completeness changed


async def test_an_edit_that_leaves_the_curve_alone_does_not_redraw_it(
        db_path: Path, wid: int, work: Counter[str]) -> None:
    async with _on_touchpoints(db_path, wid) as (app, pilot, view):
        key = int(view.current_key())
        work.clear()  # from here on
        seen = work
        assert app.save_field(Touchpoint, key, "thinks", "Is my data gone?")
        await pilot.pause()
        assert seen[SentimentLine.__name__] == 0
        assert seen[StepBar.__name__] == 0
        assert view.form.field("thinks").value == "Is my data gone?"


async def test_a_changed_cell_redraws_its_row_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.text import Text
    from textual.app import App, ComposeResult

    from tui.widgets.fast_table import FastTable

    class One(App[None]):
        def compose(self) -> ComposeResult:
            table = FastTable(cursor_type="row")
            table.add_column("n", key="n")
            table.add_column("v", key="v")
            for i in range(60):
                table.add_row(Text(f"row {i}"), Text("·"), key=str(i))
            yield table

    app = One()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(FastTable)
        drawn: list[Any] = []
        real = FastTable._render_line_in_row

        def counted(self: FastTable, row_key: Any, *args: Any, **kwargs: Any) -> Any:
            drawn.append(row_key.value)
            return real(self, row_key, *args, **kwargs)

        monkeypatch.setattr(FastTable, "_render_line_in_row", counted)
        table.update_cell("3", "v", Text("+"))
        await pilot.pause()
        assert drawn == ["3"]
        assert re.search(r"row 3 +\+", screen_text(app))
        table.update_cell("50", "v", Text("-"))  # not on screen: nothing to draw now
        await pilot.pause()
        assert drawn == ["3"]
        table.move_cursor(row=50)
        await pilot.pause()
        assert [cell.plain for cell in table.get_row("50")] == ["row 50", "-"]
        assert re.search(r"row 50 +-", screen_text(app))


async def test_a_field_entered_offers_its_suggestion(db_path: Path, wid: int) -> None:
    """Rows are shown without looking suggestions up; entering the field looks it up, so
    → at the end of "Ema" still completes "Email" as before."""
    async with _on_touchpoints(db_path, wid) as (app, pilot, view):
        key = int(view.current_key())
        assert app.save_field(Touchpoint, key, "channel", "Ema")
        await pilot.press("down", "up")
        await ready(pilot)
        assert view.form.field("channel").value == "Ema"
        view.edit_first("channel")
        await ready(pilot)
        await pilot.press("end", "right")
        await ready(pilot)
        assert view.form.field("channel").value == "Email"


async def test_the_step_bar_is_recomputed_only_for_fields_it_reads(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every step's completeness is counted over the whole map (10,000 touchpoints: a
    noticeable part of a key); a touchpoint's sentiment or words cannot change it, its
    owner can (Ownership is done when every touchpoint has one)."""
    import tui.screens.workshop as workshop

    async with _on_touchpoints(db_path, wid) as (app, pilot, view):
        key = int(view.current_key())
        counted: list[int] = []
        real = workshop.step_states

        def states(journey: Any) -> Any:
            counted.append(1)
            return real(journey)

        monkeypatch.setattr(workshop, "step_states", states)
        await pilot.press("minus")
        assert app.save_field(Touchpoint, key, "feels", "Relieved")
        await pilot.pause()
        assert counted == []
        assert app.save_field(Touchpoint, key, "owner_team", "")
        await pilot.pause()
        assert counted == [1]
        assert app.screen.query_one(StepBar).states["ownership"].missing.endswith("no owner")


async def test_a_plain_cell_is_drawn_as_datatable_draws_it_once_per_content(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells of a first visit: repeated values (stage, feel, lane…) go through Rich once,
    and every cell's segments (text, colours, its row and column for clicks) equal what
    Textual's own ``DataTable._render_cell`` makes, with and without cursor and hover."""
    from rich.console import Console
    from rich.style import Style
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from tui.widgets.fast_table import FastTable

    class One(App[None]):
        def compose(self) -> ComposeResult:
            table = FastTable(cursor_type="row", zebra_stripes=True)
            table.add_column("n", key="n")
            table.add_column("lane", key="lane")
            table.add_column("feel", key="feel")
            for i in range(30):
                table.add_row(Text(f"row {i}"), Text("front" if i % 3 else "back"),
                              Text("+1 ☺", style="green", no_wrap=True, end=""), key=str(i))
            yield table

    app = One()
    async with app.run_test(size=(60, 40)) as pilot:
        await pilot.pause()
        table = app.query_one(FastTable)
        for row in range(20):
            for column in range(3):
                for cursor, hover in ((False, False), (True, False), (False, True)):
                    base = Style(bgcolor="grey11" if row % 2 else "black")
                    table._cell_render_cache.clear()
                    ours = table._render_cell(row, column, base, 9, cursor, hover)
                    table._cell_render_cache.clear()
                    theirs = DataTable._render_cell(table, row, column, base, 9, cursor, hover)
                    assert ours == theirs, (row, column, cursor, hover)
                    assert [[s.style.meta for s in line] for line in ours] == \
                        [[s.style.meta for s in line] for line in theirs]
        renders: list[int] = []
        real = Console.render_lines

        def counted(self: Console, *args: Any, **kwargs: Any) -> Any:
            renders.append(1)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(Console, "render_lines", counted)
        table._cell_render_cache.clear()
        table._jm_distinct_cells = None
        for row in range(20):
            for column in range(3):
                table._render_cell(row, column, Style(), 9)
        # Rich rendered twice per cell (the padding, then the text in it): 60 cells were
        # 120 renders, then one pair per distinct content (23); now a plain one-line cell
        # is made directly (``cut_cell``, equal to Rich's segments above), none by Rich
        assert len(renders) == 0
