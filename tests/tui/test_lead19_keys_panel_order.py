"""The ``?`` keys panel lists the step's own keys before the cursor keys of its table.

Why: on Cards the panel opened with the card grid's ←, →, ↑, ↓, pgup, pgdn, home,
end (session-14 newcomer walk); on a table step with Textual's "Cursor up",
"Cursor down"…  Textual lists the focused widget's keys first.  A lead opens the
panel to find what the *step* can do ("Card for top pain", "Add stage"): those
come first now, the keys every grid and table share come last.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets._key_panel import BindingsTable

from models.db.store import Store
from tests.helpers import outputs_workshop, settle
from tui.app.launch import build_app


def panel_lines(app) -> list[str]:  # noqa: ANN001
    """The panel's rows as text, top to bottom."""
    console = Console(width=60, color_system=None)
    with console.capture() as seen:
        console.print(app.screen.query_one(BindingsTable).render_bindings_table())
    return [line.strip() for line in seen.get().splitlines() if line.strip()]


def first_line_with(lines: list[str], words: str) -> int:
    return next(i for i, line in enumerate(lines) if words in line)


@pytest.mark.parametrize(("step", "own", "first", "cursor"), [
    ("cards", "Card for top pain", "Export action plan", "Left"),
    ("stages", "Add stage", "Add stage", "Cursor up"),
])
async def test_the_steps_own_keys_come_before_the_cursor_keys(
        db_path: Path, step: str, own: str, first: str, cursor: str) -> None:
    with Store(db_path, who="lea") as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step=step, who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.focused is not None  # the grid / table, whose keys Textual lists first
        await pilot.press("question_mark")
        await settle(pilot)
        lines = panel_lines(app)
    assert first_line_with(lines, own) < first_line_with(lines, cursor), lines
    assert first_line_with(lines, "Next step") < first_line_with(lines, cursor), lines
    assert first in lines[0], lines  # the panel opens with what the step does
