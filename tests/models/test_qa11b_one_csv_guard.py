"""Every CSV the app writes for a person goes through ``models.export.spreadsheet``: one
formula guard, one rule for numbers (session 11 QA found the tickets CSV had its own)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from models.export.spreadsheet import csv_document

ROOT = Path(__file__).resolve().parents[2]
# copies of an export that the import itself reads back, never opened in a spreadsheet
IMPORT_COPIES = {"models/tickets/json_export.py", "models/tickets/load.py"}


def test_text_is_guarded_and_numbers_stay_numbers() -> None:
    text = csv_document([["=1+1", "-2", "@SUM(A1)", "+x", -2, 0.5, None, "a = b"]])
    assert next(csv.reader(io.StringIO(text))) == [
        "'=1+1", "'-2", "'@SUM(A1)", "'+x", "-2", "0.5", "", "a = b"]


def test_a_leading_tab_or_carriage_return_cannot_start_a_cell() -> None:
    row = next(csv.reader(io.StringIO(csv_document([["\t=1", "\r=1"]]))))
    assert not [cell for cell in row if cell.startswith(("\t", "\r", "=", "+", "-", "@"))]


def test_no_other_module_writes_a_csv_of_its_own() -> None:
    writers = {str(p.relative_to(ROOT)) for area in ("models", "tui")
               for p in (ROOT / area).rglob("*.py")
               if re.search(r"csv\.(writer|DictWriter)\(", p.read_text(encoding="utf-8"))}
    assert writers - IMPORT_COPIES == {"models/export/spreadsheet.py"}
