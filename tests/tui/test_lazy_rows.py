"""Lazy rows: FastTable turns a row into Rich ``Text`` only when the row is drawn.

A ``LazyRow`` is the plain text and style of each cell.  The table must look,
move and report exactly as if it had been given the ``Text`` cells up front,
while building only the rows that reach the screen (issue 18: a 10,000-row
first visit built 80,000 ``Text`` objects for the 35 rows on screen).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tests.tui.table_pair import TablePair, focused_lines, lines
from tui.steps.base import select_key, selected_key, sync_table
from tui.widgets.fast_table import FastTable, LazyRow

COLUMNS = (("n", "#"), ("name", "Touchpoint"), ("feel", "Feel"), ("hand", "Handoff"))


def _lazy(i: int, name: str = "Touchpoint") -> LazyRow:
    hand: str | Text = ""
    if i % 7 == 0:
        hand = Text("⇄ from Tier 1")
        hand.append(" !", style="bold red")
    wide = "漢字漢字" if i == 150 else ""  # two cells a character: the widest name
    return LazyRow((str(i), f"{name} {i}" + "é" * (i % 3) + wide, "☺☺" if i % 2 else "·", hand),
                   ("", "", "green" if i % 2 else ""))


def _eager(row: LazyRow) -> tuple[Text, ...]:
    """The cells a view built before lazy rows (``safe``: no wrap, no end)."""
    return tuple(text if isinstance(text, Text) else
                 Text(text, style=row.style(i), no_wrap=True, end="")
                 for i, text in enumerate(row.texts))


LAZY = [(str(i), _lazy(i)) for i in range(1, 301)]
EAGER = [(key, _eager(row)) for key, row in LAZY]


async def test_lazy_rows_draw_move_and_report_like_text_cells() -> None:
    app = TablePair()
    async with app.run_test(size=(200, 30)) as pilot:
        plain, fast = app.query_one("#plain", DataTable), app.query_one("#fast", FastTable)
        for table, rows in ((plain, EAGER), (fast, LAZY)):
            for key, label in COLUMNS:
                table.add_column(label, key=key)
            sync_table(table, rows)  # type: ignore[arg-type]
        await pilot.pause()
        assert [c.content_width for c in fast.columns.values()] == \
            [c.content_width for c in plain.columns.values()]
        assert fast.virtual_size == plain.virtual_size
        assert await focused_lines(pilot, fast) == await focused_lines(pilot, plain)
        for keys in (["down"] * 3, ["pagedown"], ["end"], ["up"], ["home"], ["enter"]):
            seen = []
            for table in (plain, fast):
                table.focus()
                await pilot.press(*keys)
                await pilot.pause()
                seen.append(lines(table))
            assert fast.cursor_row == plain.cursor_row, keys
            assert fast.scroll_offset == plain.scroll_offset, keys
            assert seen[0] == seen[1], keys
            assert selected_key(fast) == selected_key(plain), keys
        assert app.highlighted["fast"] == app.highlighted["plain"]
        assert app.selected["fast"] == app.selected["plain"] != []
        assert fast.get_row("7") == plain.get_row("7")  # cells come out as Text
        assert fast.get_cell("8", "feel") == plain.get_cell("8", "feel")


async def test_an_edited_lazy_row_updates_its_cells_and_widens_its_column() -> None:
    app = TablePair()
    async with app.run_test(size=(200, 30)) as pilot:
        plain, fast = app.query_one("#plain", DataTable), app.query_one("#fast", FastTable)
        for table, rows in ((plain, EAGER), (fast, LAZY)):
            for key, label in COLUMNS:
                table.add_column(label, key=key)
            sync_table(table, rows)  # type: ignore[arg-type]
        await pilot.pause()
        edited = [(k, _lazy(int(k), "A much longer touchpoint name") if k == "3" else row)
                  for k, row in LAZY]
        for table, rows in ((plain, [(k, _eager(r)) for k, r in edited]), (fast, edited)):
            select_key(table, "3")
            sync_table(table, rows)  # type: ignore[arg-type]
        await pilot.pause()
        assert [c.content_width for c in fast.columns.values()] == \
            [c.content_width for c in plain.columns.values()]
        assert await focused_lines(pilot, fast) == await focused_lines(pilot, plain)
        assert "A much longer" in fast.get_cell("3", "name").plain
        for table, rows in ((plain, EAGER[:5]), (fast, LAZY[:5])):
            sync_table(table, rows)  # type: ignore[arg-type]
        await pilot.pause()
        assert await focused_lines(pilot, fast) == await focused_lines(pilot, plain)


class _Big(App[None]):
    def compose(self) -> ComposeResult:
        yield FastTable(id="fast", cursor_type="row")


async def test_only_the_rows_on_screen_are_turned_into_text() -> None:
    app = _Big()
    async with app.run_test(size=(80, 20)) as pilot:
        table = app.query_one(FastTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        sync_table(table, [(str(i), _lazy(i)) for i in range(10_000)])
        table.focus()
        await pilot.pause()
        assert table.row_count == 10_000
        assert table.rows_built <= 2 * 20  # the screen's rows, not the table's
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.rows_built <= 4 * 20
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.rows_built <= 6 * 20
        assert selected_key(table) == "9999"
