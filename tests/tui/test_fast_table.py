"""FastTable draws, moves and reports exactly like DataTable, whatever it skips inside."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable

from tui.steps.base import select_key, selected_key, sync_table
from tui.widgets.fast_table import FastTable

ROWS = [(str(i), (Text(str(i)), Text(f"Touchpoint {i}" + "é" * (i % 3)),
                  Text("☺☺" if i % 2 else "·", style="green" if i % 2 else ""), f"plain {i}"))
        for i in range(1, 301)]


class _Pair(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.highlighted: dict[str, list[str | None]] = {"plain": [], "fast": []}
        self.selected: dict[str, list[str | None]] = {"plain": [], "fast": []}

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield DataTable(id="plain", cursor_type="row", zebra_stripes=True)
            yield FastTable(id="fast", cursor_type="row", zebra_stripes=True)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.highlighted[event.data_table.id or ""].append(event.row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.selected[event.data_table.id or ""].append(event.row_key.value)


def _lines(table: DataTable[Any]) -> list[str]:
    return [repr(list(table.render_line(y))) for y in range(table.size.height)]


async def _focused_lines(pilot: Any, table: DataTable[Any]) -> list[str]:
    """The table's lines while it has the focus (the cursor is drawn by focus)."""
    table.focus()
    await pilot.pause()
    return _lines(table)


async def test_same_lines_keys_and_messages_as_datatable() -> None:
    app = _Pair()
    async with app.run_test(size=(200, 30)) as pilot:
        plain, fast = app.query_one("#plain", DataTable), app.query_one("#fast", FastTable)
        for table in (plain, fast):
            for key, label in (("n", "#"), ("name", "Touchpoint"), ("feel", "Feel"),
                               ("s", "Str")):
                table.add_column(label, key=key)
            sync_table(table, ROWS)
        await pilot.pause()
        assert [c.content_width for c in fast.columns.values()] == \
            [c.content_width for c in plain.columns.values()]
        assert fast.virtual_size == plain.virtual_size
        assert await _focused_lines(pilot, fast) == await _focused_lines(pilot, plain)
        for keys in (["down"] * 3, ["pagedown"], ["end"], ["up"], ["home"], ["enter"]):
            seen = []
            for table in (plain, fast):
                table.focus()
                await pilot.press(*keys)
                await pilot.pause()
                seen.append(_lines(table))
            assert fast.cursor_row == plain.cursor_row, keys
            assert fast.scroll_offset == plain.scroll_offset, keys
            assert seen[0] == seen[1], keys
            assert selected_key(fast) == selected_key(plain), keys
        assert app.highlighted["fast"] == app.highlighted["plain"]
        assert app.selected["fast"] == app.selected["plain"] != []
        for table in (plain, fast):
            select_key(table, "250")
            table.update_cell("250", "feel", Text("☹", style="red"))
            table.sort("s", reverse=True)
        await pilot.pause()
        assert fast.cursor_row == plain.cursor_row
        assert await _focused_lines(pilot, fast) == await _focused_lines(pilot, plain)
        for table in (plain, fast):
            table.clear()
            sync_table(table, ROWS[:5])
        await pilot.pause()
        assert await _focused_lines(pilot, fast) == await _focused_lines(pilot, plain)


async def test_focus_changes_redraw_the_cursor_from_kept_caches() -> None:
    app = _Pair()
    async with app.run_test(size=(200, 30)) as pilot:
        plain, fast = app.query_one("#plain", DataTable), app.query_one("#fast", FastTable)
        for table in (plain, fast):
            table.add_columns("n", "name")
            sync_table(table, [(k, cells[:2]) for k, cells in ROWS[:40]])
        for _ in range(3):  # focus moving back and forth, as on step switches
            focused = await _focused_lines(pilot, fast)
            blurred = _lines(plain)
            assert await _focused_lines(pilot, plain) == focused
            assert _lines(fast) == blurred != focused  # the blurred cursor is drawn blurred
