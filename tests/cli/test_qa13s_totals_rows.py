"""A totals row (and a repeated header row) that ``tickets import`` leaves out is said once,
as what it is: not also as an unreadable creation date and a skipped row."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli

HEAD = "Ticket ID,Subject,Created at,Status\n"
ROWS = "1,a,2024-03-01 10:00,solved\n2,b,2024-03-03 10:00,open\n"


def _notes(db_path: Path, wid: int, path: Path) -> list[str]:
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid),
                             "--dry-run")
    assert (code, err) == (0, "")
    return [line for line in out.splitlines() if line.startswith("  note: ")]


@pytest.mark.parametrize("word", ["Total", "Totals", "Grand total", "total:"])
def test_a_totals_row_is_one_note(db_path: Path, wid: int, tmp_path: Path, word: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEAD + ROWS + f"{word},,,2\n", encoding="utf-8")
    notes = _notes(db_path, wid, path)
    about = [n for n in notes if "line 4" in n or "skipped" in n or "unreadable" in n]
    assert about == [f"  note: line 4 is a totals row ({word!r}): left out, not a ticket"]


def test_a_repeated_header_is_one_note(db_path: Path, wid: int, tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEAD + ROWS + HEAD + "3,c,2024-03-04 10:00,open\n", encoding="utf-8")
    notes = _notes(db_path, wid, path)
    about = [n for n in notes if "line 4" in n or "skipped" in n or "unreadable" in n]
    assert about == ["  note: line 4 repeats the header row (as when two exports are "
                     "joined): left out, not a ticket"]


def test_a_real_bad_row_beside_a_totals_row_is_still_counted(db_path: Path, wid: int,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(HEAD + ROWS + "3,c,not a date,open\n4,d,2024-03-05 10:00,open\n"
                    "5,e,2024-03-06 10:00,open\nTotal,,,5\n", encoding="utf-8")
    notes = _notes(db_path, wid, path)
    assert "  note: 1 unreadable value in 'Created at', first on line 4" in notes
    assert "  note: 1 row skipped: no readable id or creation date" in notes
    assert "  note: line 7 is a totals row ('Total'): left out, not a ticket" in notes
