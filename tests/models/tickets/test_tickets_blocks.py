"""An export is handed to polars a block of whole records at a time, and only the columns the
import uses are read: a year of tickets must not need the file's size in memory.

Counted, not timed: the columns polars materialises are the mapped ones (plus the first and
the last, which the footer and cut-off checks read), and a file read in blocks of a few
bytes gives the same import as one read whole, quoted newlines, commas and doubled quotes
included.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.tickets import blocks, engine, load
from models.tickets import readings as ticket_readings

FIXTURES = Path(__file__).parent / "fixtures"


def _materialised(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The column names of every frame polars' reader hands over during the test."""
    seen: list[list[str]] = []
    real = pl.LazyFrame.collect_batches

    def collect_batches(self: pl.LazyFrame, *args: object, **kwargs: object
                        ) -> Iterator[pl.DataFrame]:
        for frame in real(self, *args, **kwargs):  # type: ignore[arg-type]
            seen.append(frame.columns)
            yield frame

    monkeypatch.setattr(pl.LazyFrame, "collect_batches", collect_batches)
    return seen


def test_the_import_materialises_only_the_columns_it_uses(
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = FIXTURES / "zendesk_support_export.csv"
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    seen = _materialised(monkeypatch)
    imported = engine.import_export(path)
    mapped = {header.index(name) for name in imported.columns.values()}
    expected = [load.REC, *(f"c{i}" for i in sorted({0, len(header) - 1, *mapped}))]
    assert len(header) == 41
    # 20 mapped (the id is the first), the last ("Contact reason [list]"), the record number
    assert len(expected) == 22
    assert seen, "polars read no frame: the spy no longer sees the reader"
    assert [len(columns) for columns in seen] == [len(expected)] * len(seen)
    assert all(columns == expected for columns in seen)


def _records(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


cell = st.text(st.sampled_from('ab ,"\n\r;é'), max_size=12)


@settings(deadline=None, max_examples=150)
@given(rows=st.lists(st.lists(cell, min_size=2, max_size=4), min_size=1, max_size=12),
       size=st.integers(1, 40), final_newline=st.booleans())
def test_blocks_end_only_where_a_record_ends(
        rows: list[list[str]], size: int, final_newline: bool,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    text = out.getvalue() if final_newline else out.getvalue().removesuffix("\r\n")
    path = tmp_path_factory.mktemp("blocks") / "export.csv"
    path.write_bytes(text.encode("utf-8"))
    found = list(blocks.record_blocks(path, size))
    assert b"".join(found) == path.read_bytes()
    assert [r for block in found for r in _records(block)] == _records(path.read_bytes())


def _picture(path: Path) -> tuple[object, ...]:
    """Everything an import says and stores: its counts, notes, facts and readings."""
    imported = engine.import_export(path)
    said = (imported.rows, imported.tickets, imported.skipped_rows, imported.bad_cells,
            imported.notes, imported.as_of, imported.data_from)
    stored = [r.model_dump() for r in ticket_readings.build_readings(imported)]
    return said, imported.cube.frame.to_dicts(), stored


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.csv")))
def test_every_fixture_read_in_blocks_of_a_few_bytes_imports_the_same(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _picture(FIXTURES / name)
    monkeypatch.setattr(blocks, "BLOCK_BYTES", 16)
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    seen = _materialised(monkeypatch)
    assert _picture(FIXTURES / name) == whole
    assert len(seen) > 2  # read in many blocks, not one
