"""CSV that the stdlib reader reads and a strict reader would refuse are imported as before:
a quote inside an unquoted cell (``15" screen``, common in hand-typed subjects) and lines
ended by a lone CR (Excel for Mac's "CSV (Macintosh)"), also past the 10,000-row sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, load, metrics

HEADER = "ticket_id,created_at,resolved_at,status,category"


def _categories(path: Path) -> dict[str, int]:
    imported = engine.import_export(path)
    return {r.group: r.tickets for r in metrics.table(imported, by="category")}


@pytest.mark.parametrize("sample", [10_000, 2])
def test_a_quote_inside_an_unquoted_cell(sample: int, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "SAMPLE_ROWS", sample)
    path = tmp_path / "quote.csv"
    rows = "".join(f"{i},2024-01-0{i} 10:00,,Open,Laptop 15\" screen\n" for i in range(1, 6))
    path.write_text(f"{HEADER}\n{rows}6,2024-01-06 10:00,,Open,Login\n", encoding="utf-8")
    assert _categories(path) == {'Laptop 15" screen': 5, "Login": 1, "all": 6}


@pytest.mark.parametrize("sample", [10_000, 2])
def test_lines_ended_by_a_lone_cr(sample: int, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "SAMPLE_ROWS", sample)
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    path = tmp_path / "mac.csv"
    rows = "".join(f"{i},2024-01-0{i} 10:00,,Open,{'xy'[i % 2]}\r" for i in range(1, 6))
    path.write_bytes(f"{HEADER}\r{rows}".encode())
    assert _categories(path) == {"x": 2, "y": 3, "all": 5}
