"""An export's first rows decide how it is read: a large export is planned from its head.

The inspection (and so the import's plan) reads only the first ``engine.SAMPLE_ROWS`` rows:
they decide which column is what and whether dates are day-first or month-first, so a
million-row export is planned without reading it all. A row past them cannot change the
plan: a day-first date there, in a column whose sampled dates fit both orders, is read the
way the sample decided, and the import reports it as an unreadable value on its own line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine

HEADER = "ticket_id,created_at,resolved_at,status\n"
# Dates that fit both orders (day and month both 12 or less), then one that is day-first.
ROWS = (
    "1,01/02/2024 10:00,03/02/2024 10:00,Solved\n"
    "2,02/03/2024 10:00,04/03/2024 10:00,Solved\n"
    "3,05/04/2024 10:00,25/04/2024 10:00,Solved\n"
)


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


def test_a_day_first_date_inside_the_first_rows_decides_the_order(tmp_path: Path) -> None:
    path = _export(tmp_path)
    assert engine.inspect_export(path).date_kinds["resolved_at"] == "day-first"
    imported = engine.import_export(path)
    assert imported.bad_cells == {}


def test_a_day_first_date_past_the_first_rows_does_not_change_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _export(tmp_path)
    monkeypatch.setattr(engine, "SAMPLE_ROWS", 2)
    assert engine.inspect_export(path).date_kinds["resolved_at"] == "month-first"
    imported = engine.import_export(path)
    assert imported.bad_cells == {"resolved_at": (1, 4)}
    assert "1 unreadable value in 'resolved_at', first on line 4" in imported.notes
