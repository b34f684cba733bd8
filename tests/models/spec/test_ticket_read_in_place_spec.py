"""An ordinary export is read where it lies, once; only an odd one is copied first.

A ticket export can be a gigabyte. A UTF-8 one (LF or Windows' CRLF line ends, with or
without a byte-order mark, comma-, semicolon- or tab-separated) is read by polars in place:
no copy of it is written to the temporary folder, whose disk may be small on a shared
server. A file in another encoding (Excel's Windows-1252) is copied once as UTF-8, and a
file of lone-CR line ends (Excel for Mac's "CSV (Macintosh)") is spotted from its first
bytes and copied once with plain line ends: each is read by polars once, never tried as it
is first and then again.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from models.tickets import engine, load

HEAD = ["ticket_id", "created_at", "status", "subject"]
ROWS = [[str(i), f"2024-01-{i:02d} 10:00", "Open", f"Café {i}"] for i in range(1, 7)]


def _write(tmp_path: Path, end: str, encoding: str, bom: bool = False, sep: str = ",") -> Path:
    path = tmp_path / "tickets.csv"
    text = end.join(sep.join(row) for row in [HEAD, *ROWS]) + end
    path.write_bytes(("\ufeff" if bom else "").encode(encoding) + text.encode(encoding))
    return path


class Reads:
    """How often polars read the export and how many temporary copies were made."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.scans = self.copies = 0
        scan, folder = pl.scan_csv, tempfile.TemporaryDirectory

        def counted_scan(*args: Any, **kwargs: Any) -> pl.LazyFrame:
            self.scans += 1
            return scan(*args, **kwargs)

        def counted_folder(*args: Any, **kwargs: Any) -> Any:
            self.copies += 1
            return folder(*args, **kwargs)

        monkeypatch.setattr(pl, "scan_csv", counted_scan)
        monkeypatch.setattr(tempfile, "TemporaryDirectory", counted_folder)


@pytest.mark.parametrize(("end", "bom"), [("\n", False), ("\r\n", False), ("\r\n", True)])
def test_a_utf8_export_is_read_in_place_once(
        end: str, bom: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, end, "utf-8", bom)
    reads = Reads(monkeypatch)
    assert engine.import_export(path).tickets == len(ROWS)
    assert (reads.scans, reads.copies) == (1, 0)


@pytest.mark.parametrize("sep", [";", "\t"])
def test_a_semicolon_or_tab_separated_export_is_read_in_place_once(
        sep: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # European spreadsheets save CSV with ';'; help desks' "TSV" exports use tabs
    path = _write(tmp_path, "\r\n", "utf-8", sep=sep)
    reads = Reads(monkeypatch)
    imported = engine.import_export(path)
    assert (imported.tickets, imported.skipped_rows) == (len(ROWS), 0)
    assert (reads.scans, reads.copies) == (1, 0)


@pytest.mark.parametrize(("end", "encoding"), [("\r\n", "cp1252"), ("\r", "utf-8"),
                                               ("\r", "cp1252")])
def test_an_odd_export_is_copied_once_and_read_once(
        end: str, encoding: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    path = _write(tmp_path, end, encoding)
    reads = Reads(monkeypatch)
    imported = engine.import_export(path)
    assert imported.tickets == len(ROWS) and imported.skipped_rows == 0
    assert (reads.scans, reads.copies) == (1, 1)
