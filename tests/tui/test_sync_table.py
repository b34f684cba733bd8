"""sync_table: a changed cell wider than its column widens the column (was cut: "in progr")."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from tui.steps.base import sync_table
from tui.widgets.fast_table import FastTable


class _Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="plain")
        yield FastTable(id="fast")


async def test_a_wider_value_widens_its_column() -> None:
    app = _Tables()
    async with app.run_test(size=(80, 24)) as pilot:
        for table in app.query(DataTable):
            table.add_columns("Item", "Status")
            sync_table(table, [("a", ("Card", "proposed")), ("b", ("Task", "done"))])
            await pilot.pause()
            sync_table(table, [("a", ("Card", "in progress")), ("b", ("Task", "done"))])
            await pilot.pause()
            status = table.columns[list(table.columns)[1]]
            assert status.content_width >= len("in progress"), table.id
            assert "in progress" in "".join(
                seg.text for seg in table.render_line(1))
