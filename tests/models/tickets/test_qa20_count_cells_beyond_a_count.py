"""A count cell no count can be ("inf", "1e400", "1e308") is an unreadable cell, not a crash.

Found from the command line: `tickets import` of a CSV whose reopens column held "inf" said
"unexpected error: OverflowError: cannot convert float infinity to integer", and "1e308"
said Polars' "int value too large for Polars integer types: 1000…336".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, metrics

BEYOND = ["inf", "Infinity", "1e400", "1e308", "9.3e18", "99999999999999999999"]


@pytest.mark.parametrize("column", ["reopens", "replies"])
@pytest.mark.parametrize("cell", BEYOND)
def test_a_count_no_integer_holds_is_left_unread(tmp_path: Path, column: str,
                                                 cell: str) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(f"ticket_id,created_at,resolved_at,status,{column}\n"
                    f"1,2024-03-01 09:00,2024-03-01 10:00,solved,{cell}\n"
                    "2,2024-03-02 09:00,2024-03-02 10:00,solved,1\n"
                    "3,2024-03-03 09:00,2024-03-03 10:00,solved,0\n", encoding="utf-8")
    imported = engine.import_export(path)
    total = metrics.table(imported, by=None)[-1]
    assert total.tickets == 3
    if column == "reopens":
        assert total.reopen_rate == 0.5


@pytest.mark.parametrize("cell", ["inf", "-inf", "Infinity", "1e400", "nan", "inf:0"])
def test_a_duration_no_clock_can_show_is_left_unread(tmp_path: Path, cell: str) -> None:
    """`tickets show --format json` wrote "requester_wait_p90_hours": Infinity (not JSON)."""
    path = tmp_path / "odd.csv"
    path.write_text("ticket_id,created_at,resolved_at,status,requester_wait_minutes\n"
                    f"1,2024-03-01 09:00,2024-03-01 10:00,solved,{cell}\n"
                    "2,2024-03-02 09:00,2024-03-02 10:00,solved,30\n"
                    "3,2024-03-03 09:00,2024-03-03 10:00,solved,30\n", encoding="utf-8")
    total = metrics.table(engine.import_export(path), by=None)[-1]
    assert total.tickets == 3
    assert total.requester_wait_p90_hours == 0.5
