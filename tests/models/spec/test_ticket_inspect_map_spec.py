"""Inspecting an export with a mapping shows the plan the mapping asks for.

The import dialog and ``journeymap tickets import --map`` inspect a file before importing
it; a column chosen with ``--map created=COLUMN`` must be the one the inspection plans and
decides the date order of, not the column the automatic guess would have taken.
"""

from __future__ import annotations

from pathlib import Path

from models.tickets import engine


def test_a_mapped_column_is_the_one_inspected(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "ticket_id,created_at,when,status\n"
        "1,2024-01-02 10:00,13/01/2024 10:00,Open\n"
        "2,2024-01-03 10:00,14/01/2024 10:00,Open\n",
        encoding="utf-8",
    )
    guessed = engine.inspect_export(path)
    assert guessed.plan.columns["created"] == 1
    mapped = engine.inspect_export(path, mapping={"created": "when"})
    assert mapped.plan.columns["created"] == 2
    assert mapped.date_kinds == {"when": "day-first"}
