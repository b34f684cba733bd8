"""The ``?`` keys panel starts with words a lead reads, not Textual's "Focus Next".

Why: on every screen the panel listed Textual's own screen keys first: "tab Focus
Next", "shift+tab Focus Previous" (session 13 and 14 newcomer walks).  A lead
reads "focus" as nothing; the keys move between the table and the form's fields.
They now say so, on Home, on every step and on the Ticket data screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets._key_panel import BindingsTable

from tests.helpers import settle
from tui.app.launch import build_app


def panel(app) -> str:  # noqa: ANN001
    """The keys the panel lists, as text (Textual renders them as one Rich table)."""
    console = Console(width=60, color_system=None)
    with console.capture() as seen:
        console.print(app.screen.query_one(BindingsTable).render_bindings_table())
    return seen.get()


@pytest.mark.parametrize("where", ["home", "1", "3", "T"])
async def test_the_keys_panel_says_tab_in_words(db_path: Path, wid: int, where: str) -> None:
    app = build_app(db_path, None if where == "home" else wid, step="scope", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if where != "home":
            await pilot.press("escape", where)
            await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        said = panel(app)
    assert "Focus Next" not in said and "Focus Previous" not in said, said
    assert "Next field or table" in said and "Previous field or table" in said, said
