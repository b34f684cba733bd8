"""A plain table cell made directly draws what Rich draws (issue 18, first visits).

``tui.widgets.cut_cell.cell_line`` replaces Rich's render of one-line, one-style table
cells; these tests hold it to Rich's own output for any text, width, style and cursor
state, and count that a first visit to a table step sends no body cell through Rich.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.renderables.styled import Styled
from textual.strip import Strip
from textual.widgets import DataTable

from tests.helpers import SIZE, ready
from tests.tui.views import all_built, table_lines
from tui.app.launch import build_app
from tui.steps.columns import FitTable
from tui.widgets.cut_cell import cell_line

CONSOLE = Console(width=200, color_system="truecolor", legacy_windows=False)
STYLES = st.sampled_from(["", "green", "bold yellow", "dim", "yellow", "none",
                          "italic #ff0000 on #101010"])
LAYERS = st.sampled_from([Style(), Style(bgcolor="#202020"), Style(color="#e0e0e0", bold=True),
                          Style(bgcolor="#0000aa", color="#ffffff", reverse=False)])
TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


def by_rich(text: str, style: str, overflow: str | None, justify: str | None, end: str,
            width: int, padding: int, pre: Style, post: Style, meta: Style) -> list[Segment]:
    """The line ``tui.widgets.cell_render`` asks Rich for (its reference)."""
    cell = Text(text, style=style, no_wrap=True, end=end, overflow=overflow,  # type: ignore[arg-type]
                justify=justify)  # type: ignore[arg-type]
    options = CONSOLE.options.update_dimensions(width, 1).update(no_wrap=True)
    lines = CONSOLE.render_lines(Styled(Padding(cell, (0, padding)), pre_style=pre,
                                        post_style=post), options)
    return list(Segment.apply_style(lines[0], meta))


def drawn(line: list[Segment]) -> list[Segment]:
    """The line as the table keeps it (``DataTable`` simplifies each row's strip)."""
    return [s for s in Strip(line).simplify() if s.text]


@settings(deadline=None, max_examples=400)
@given(text=TEXTS, style=STYLES, overflow=st.sampled_from(["ellipsis", None, "fold", "crop"]),
       justify=st.sampled_from([None, "default"]), end=st.sampled_from(["", "\n"]),
       width=st.integers(1, 40),
       padding=st.integers(0, 2), pre=LAYERS, post=LAYERS,
       row=st.integers(0, 3), column=st.integers(0, 3))
@example(text="漢字漢字漢字", style="green", overflow="ellipsis", justify=None, end="", width=6,
         padding=1, pre=Style(), post=Style(), row=0, column=0)  # a wide letter cut in half
@example(text="", style="green", overflow="ellipsis", justify=None, end="\n", width=4, padding=1,
         pre=Style(bgcolor="#202020"), post=Style(), row=1, column=2)
def test_a_plain_cell_is_drawn_as_rich_draws_it(text: str, style: str, overflow: str | None,
                                                justify: str | None, end: str, width: int,
                                                padding: int,
                                                pre: Style, post: Style, row: int,
                                                column: int) -> None:
    meta = Style.from_meta({"row": row, "column": column})
    made = cell_line(CONSOLE, text, style, overflow, justify, end, width, padding, pre, post,
                     meta)
    if made is None:  # left to Rich: no room, or text Rich alone can lay out
        assert width - 2 * padding < 1 or not text.isprintable()
        return
    assert drawn(made) == drawn(by_rich(text, style, overflow, justify, end, width, padding,
                                        pre, post, meta))
    assert sum(cell_len(s.text) for s in made) == width  # the whole cell, nothing to pad


@pytest.mark.parametrize("text, width, padding, justify", [
    ("a\tb", 10, 1, None), ("two\nlines", 10, 1, None), ("x", 2, 1, None),
    ("pad me", 10, 1, "left"), ("centre", 12, 1, "center"), ("right", 12, 1, "right")])
def test_what_only_rich_can_lay_out_is_left_to_it(text: str, width: int, padding: int,
                                                  justify: str | None) -> None:
    assert cell_line(CONSOLE, text, "", None, justify, "", width, padding, Style(), Style(),
                     Style()) is None


async def _table_on_screen(pilot: Any, key: str) -> DataTable[Any]:
    app = pilot.app
    await ready(pilot)
    assert await all_built(pilot)
    await pilot.press(key)
    await pilot.pause()
    view = app.screen.view()
    return view.query_one(DataTable)


@pytest.mark.parametrize("key", ["2", "3", "4", "5"])
async def test_each_table_step_draws_the_same_lines_made_directly_as_through_rich(
        db_path: Path, long_tables: int, key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(db_path, long_tables, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        table = await _table_on_screen(pilot, key)
        await pilot.press("down", "down")  # the cursor away from the first row
        await pilot.pause()

        made = table_lines(table)
        monkeypatch.setattr(FitTable, "_cut_cell", lambda *args, **kwargs: None)
        assert made == table_lines(table)
        assert any(strip.text.strip() for strip in made[3:])


@pytest.mark.parametrize("key", ["2", "3", "4", "5"])
async def test_a_first_visit_sends_no_table_row_through_rich(
        db_path: Path, long_tables: int, key: str, rich_cells: Counter[str]) -> None:
    """Counted: cells rendered by Rich (``Styled``, how a table cell is drawn) while the
    step is first shown.  Only the header's labels (one per column) still are."""
    app = build_app(db_path, long_tables, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await all_built(pilot)
        await pilot.pause()
        rich_cells.clear()
        await pilot.press(key)
        await pilot.pause()
        table = app.screen.view().query_one(DataTable)
        assert table.size.height > 20  # a screenful of rows was drawn
        assert rich_cells["cells"] <= len(table.columns), rich_cells
