"""What an import keeps per ticket after reading (session 14, 1,000,000 tickets): only what a
metric reads, in the narrowest type that keeps every figure. The record number is needed
while reading (to name a line) and the id until the duplicate check; a count of reopens or
replies is compared with 0 and 1 only, so a 32-bit count keeps every figure."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from models.tickets import engine, metrics

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_kept_tickets_hold_no_record_number_and_narrow_counts() -> None:
    imported = engine.import_export(FIXTURES / "zendesk_support_export.csv")
    frame = imported.cube.frame
    assert "_rec" not in frame.columns and "id" not in frame.columns
    assert frame.schema["reopens"] == pl.Int32 and frame.schema["replies"] == pl.Int32


def test_a_count_past_32_bits_still_counts_as_reopened(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("ticket_id,created_at,resolved_at,status,reopens,replies\n"
                    "1,2024-03-01 09:00,2024-03-01 10:00,solved,99999999999,1\n"
                    "2,2024-03-02 09:00,2024-03-02 10:00,solved,0,99999999999\n",
                    encoding="utf-8")
    total = metrics.table(engine.import_export(path), by=None)[-1]
    assert total.reopen_rate == 0.5 and total.fcr_rate == 0.5
