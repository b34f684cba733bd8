"""FastTable draws, moves and reports exactly like DataTable, whatever it skips inside."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from tests.tui.table_pair import TablePair, focused_lines, lines
from tui.steps.base import select_key, selected_key, sync_table
from tui.widgets.fast_table import FastTable

ROWS = [(str(i), (Text(str(i)), Text(f"Touchpoint {i}" + "é" * (i % 3)),
                  Text("☺☺" if i % 2 else "·", style="green" if i % 2 else ""), f"plain {i}"))
        for i in range(1, 301)]


async def test_same_lines_keys_and_messages_as_datatable() -> None:
    app = TablePair()
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
        for table in (plain, fast):
            select_key(table, "250")
            table.update_cell("250", "feel", Text("☹", style="red"))
            table.sort("s", reverse=True)
        await pilot.pause()
        assert fast.cursor_row == plain.cursor_row
        assert await focused_lines(pilot, fast) == await focused_lines(pilot, plain)
        for table in (plain, fast):
            table.clear()
            sync_table(table, ROWS[:5])
        await pilot.pause()
        assert await focused_lines(pilot, fast) == await focused_lines(pilot, plain)


async def test_focus_changes_redraw_the_cursor_from_kept_caches() -> None:
    app = TablePair()
    async with app.run_test(size=(200, 30)) as pilot:
        plain, fast = app.query_one("#plain", DataTable), app.query_one("#fast", FastTable)
        for table in (plain, fast):
            table.add_columns("n", "name")
            sync_table(table, [(k, cells[:2]) for k, cells in ROWS[:40]])
        for _ in range(3):  # focus moving back and forth, as on step switches
            focused = await focused_lines(pilot, fast)
            blurred = lines(plain)
            assert await focused_lines(pilot, plain) == focused
            assert lines(fast) == blurred != focused  # the blurred cursor is drawn blurred
