"""The plain-sqlite3 read of a workshop (models/db/light_journey.py), as a reader of its
rows sees them: a failing comparison or a log line shows a row by its table and values."""

from __future__ import annotations

from models.db.light_journey import Row


def test_a_light_row_shows_its_table_and_its_values_only() -> None:
    row = Row("stage", {"id": 3, "name": "Intake «x»", "kpi_name": None})
    assert repr(row) == "stage(id=3, name='Intake «x»', kpi_name=None)"
    assert (row.id, row.name, row.kpi_name) == (3, "Intake «x»", None)
