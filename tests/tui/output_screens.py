"""What the output-step tests read and type: the screen as text, a field typed into,
the open row editor, the map as stored.

Shared by ``test_tui_outputs.py`` and ``test_tui_plan_outputs.py``; test modules
never import each other.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from models.db.store import Store
from tui.dialogs.row_editor import RowEditor
from tui.widgets.forms import FieldInput


def reload(db: Path, wid: int) -> Any:
    with Store(db) as store:
        return store.load(wid)


_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                       r'clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>')


def screen_text(app: Any) -> str:
    """What the terminal shows, line by line as plain text (rebuilt from the SVG export)."""
    lines: dict[int, dict[int, str]] = {}
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        lines.setdefault(int(line), {})[round(float(x) / 12.2)] = \
            html.unescape(text).replace("\xa0", " ")
    out = []
    for number in sorted(lines):
        row = ""
        for col in sorted(lines[number]):
            row = row.ljust(col)[:col] + lines[number][col]
        out.append(row)
    return "\n".join(out)


def tracker_rows(app: Any) -> dict[str, str]:
    """The Tracker table's rows: key ("owner:NAME", "card:ID"…) -> its cells as text."""
    table = app.screen.query_one("#tracker-table")
    return {str(key.value): " | ".join(cell.plain if hasattr(cell, "plain") else str(cell)
                                       for cell in table.get_row(key))
            for key in table.rows}


async def type_into(pilot: Any, field: FieldInput, text: str) -> None:
    field.focus()
    field.value = ""
    await pilot.pause()
    for ch in text:
        await pilot.press(ch if ch != " " else "space")


def editor(app: Any) -> RowEditor:
    assert isinstance(app.screen, RowEditor)
    return app.screen
