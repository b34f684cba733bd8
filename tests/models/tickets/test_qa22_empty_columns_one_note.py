"""Columns with no value at all are said in one note, not one note each.

Found on session 18's walk: importing the Zendesk fixture on the Data screen at 80x24
covered half the screen with six notes repeating "holds no value in any of its 7 rows
(blank or placeholders such as '?' or 'N/A'): what needs it is not available", one per
wait-time column.  Columns empty in the same way now share one sentence naming each.
"""

from __future__ import annotations

from pathlib import Path

from models.tickets import engine

FIXTURE = Path(__file__).parent / "fixtures" / "zendesk_support_export.csv"


def test_six_empty_columns_are_one_note_naming_each() -> None:
    notes = engine.import_export(FIXTURE).notes
    empty = [n for n in notes if "in any of" in n]
    assert len(empty) == 1, notes
    for column in ("Requester wait time in minutes", "Agent wait time in minutes",
                   "On hold time in minutes within business hours"):
        assert repr(column) in empty[0], empty
    assert empty[0].startswith("columns ") and "hold no value in any of their 7 rows" \
        in empty[0] and empty[0].endswith("what needs them is not available"), empty
