"""A ``DataTable`` beside a ``FastTable`` in one app: what one draws, the other must.

Why a module: the FastTable and lazy-row tests compare the two tables line by line,
key by key and message by message, and each built the same pair.
"""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable

from tui.widgets.fast_table import FastTable


class TablePair(App[None]):
    """``#plain`` (Textual's DataTable) and ``#fast`` side by side; the rows each
    highlighted and selected, in order."""

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


def lines(table: DataTable[Any]) -> list[str]:
    """Every line the table draws, segment by segment."""
    return [repr(list(table.render_line(y))) for y in range(table.size.height)]


async def focused_lines(pilot: Any, table: DataTable[Any]) -> list[str]:
    """The table's lines while it has the focus (the cursor is drawn by focus)."""
    table.focus()
    await pilot.pause()
    return lines(table)
