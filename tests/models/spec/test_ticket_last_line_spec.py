"""How an export's last line is read when the file does not end with a newline.

Spreadsheets save a CSV without a final newline, often after an empty row of commas (the
rest of a formatted range): such a file is complete and is imported whole, wherever its
batches end. A download cut off in the middle of a record leaves a last line shorter than
the header: it is refused, naming the line and the first missing column, even when all
that is left of the record is its first cell, and even past the rows read to plan the
import.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, load
from models.tickets.errors import TicketImportError

HEAD = "ticket_id,created_at,status,notes\n"
ROWS = "".join(f"{i},2024-01-{i:02d} 10:00,Open,note {i}\n" for i in range(1, 9))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.parametrize("batch", [2, 3, 100_000])
@pytest.mark.parametrize("ending", [",,,", ",,,\r\n,,,", "9,2024-01-09 10:00,Open,"])
def test_a_complete_last_line_without_a_newline_is_imported_whatever_the_batches(
        batch: int, ending: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", batch)
    imported = engine.import_export(_write(tmp_path, HEAD + ROWS + ending))
    assert imported.tickets == (9 if ending.startswith("9") else 8)
    assert imported.skipped_rows == 0


@pytest.mark.parametrize("sample", [10_000, 2])
@pytest.mark.parametrize(("ending", "column"), [("9", "created_at"),
                                                ("9,2024-01-09 10:00", "status")])
def test_a_last_line_cut_short_is_refused_naming_the_first_missing_column(
        sample: int, ending: str, column: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "SAMPLE_ROWS", sample)
    monkeypatch.setattr(load, "BATCH_ROWS", 3)
    with pytest.raises(TicketImportError) as info:
        engine.import_export(_write(tmp_path, HEAD + ROWS + ending))
    assert (info.value.line, info.value.column) == (10, column)
    assert "the last line is cut off (fewer fields than the header)" in str(info.value)
