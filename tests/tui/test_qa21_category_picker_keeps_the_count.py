"""The Data screen's category picker (``m``) cuts a long category's name, not its count.

Found at 80x24: a ticket category of 300 characters (a pasted subject line used as a
category) wrapped over two rows and ended "NNN…": the line was cut at 90 cells as a
whole, so "— 14 tickets in 2026-04", what the lead chooses by, was lost.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import data_screen_of, settle
from tui.dialogs.common import PickScreen

LONG = "N" * 300


async def test_a_long_category_keeps_its_ticket_count(db_path: Path, tmp_path: Path) -> None:
    export = tmp_path / "long.csv"
    rows = ["Id,Status,Ticket type,Created at,Solved at"]
    rows += [f"{i},Solved,{LONG if i % 2 else 'Billing'},2026-03-{i:02d} 09:00:00,"
             f"2026-03-{i:02d} 15:00:00" for i in range(1, 8)]
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    async with data_screen_of(db_path, export) as (app, pilot):
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)
        labels = [label.plain for label in app.screen.labels]
    assert len(labels) == 2, labels
    assert all(" tickets in 2026-03" in label for label in labels), labels
    assert all(len(label) <= 90 for label in labels), labels
