"""``tickets show --by`` takes every grouping the metrics engine has (``fields.GROUPINGS``),
``period`` included: one row per month of the span, then the span's total."""

from __future__ import annotations

import json
from pathlib import Path

from models.tickets.fields import GROUPINGS
from tests.helpers import run_cli

CSV = ("id,created_at,solved_at,status,category\n"
       "1,2024-03-01 10:00,2024-03-01 12:00,solved,login\n"
       "2,2024-03-02 10:00,2024-03-02 11:00,solved,login\n"
       "3,2024-04-01 10:00,2024-04-01 14:00,solved,billing\n")


def _imported(db_path: Path, wid: int, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(CSV, encoding="utf-8")
    code, _, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert (code, err) == (0, "")


def test_by_period_is_one_row_per_month_then_the_span(db_path: Path, wid: int,
                                                       tmp_path: Path) -> None:
    _imported(db_path, wid, tmp_path)
    code, out, err = run_cli(db_path, "tickets", "show", str(wid), "--by", "period",
                             "--format", "json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [(r["group"], r["period"], r["tickets"]) for r in rows] == [
        ("2024-03", "2024-03", 2), ("2024-04", "2024-04", 1), ("all", "2024-03..2024-04", 3)]
    assert rows[0]["ttr_median_hours"] == 1.5
    code, table, err = run_cli(db_path, "tickets", "show", str(wid), "--by", "period")
    assert (code, err) == (0, "")
    assert "Tickets by period, 2024-03..2024-04" in table
    assert "2024-04" in table.split("\n", 3)[3]


def test_by_period_of_one_month_is_that_month(db_path: Path, wid: int,
                                              tmp_path: Path) -> None:
    _imported(db_path, wid, tmp_path)
    code, out, err = run_cli(db_path, "tickets", "show", str(wid), "--by", "period",
                             "--period", "2024-04", "--format", "json")
    assert (code, err) == (0, "")
    assert [(r["group"], r["tickets"]) for r in json.loads(out)] == [("2024-04", 1),
                                                                     ("all", 1)]


def test_the_help_and_the_refusal_name_every_grouping_of_the_engine(
        db_path: Path, wid: int, tmp_path: Path) -> None:
    assert "period" in GROUPINGS
    _imported(db_path, wid, tmp_path)
    code, out, err = run_cli(db_path, "tickets", "show", str(wid), "--by", "weekday")
    assert (code, out) == (1, "")
    assert err == f"journeymap: --by must be one of {', '.join(GROUPINGS)}.\n"
    code, out, _ = run_cli(db_path, "tickets", "show", "--help")
    assert code == 0
    assert f"{', '.join(GROUPINGS[:-1])} or {GROUPINGS[-1]} (default" in " ".join(out.split())
