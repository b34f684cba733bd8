"""The server's own time zone changes no figure of an import.

journeymap often runs on a shared server reached over SSH, whose clock may be set to any
zone. An export's timestamps without a zone are read as UTC, zoned ones converted to UTC,
whatever the server's zone: the same file gives the same resolution times, the same first
and latest moments, on a server in New York and on one in Tokyo. The shapes polars reads and
the ones only the Python parsers read (AM/PM, month names, zones) are both checked.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.tickets import engine, metrics

TEXT = ("ticket_id,created_at,resolved_at,category\n"
        "1,03/05/2024 10:00 AM,03/05/2024 01:30 PM,am pm\n"
        "2,2024-03-05 10:00:00,2024-03-05 12:00:00,plain\n"
        "3,2024-03-05 10:00:00+01:00,2024-03-05 12:00:00Z,zoned\n"
        "4,2024-03-04T23:00:00-05:00,2024-03-05T06:00:00+02:00,zoned both\n")


@pytest.fixture(params=["America/New_York", "Asia/Tokyo", "UTC"])
def server_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
                ) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def test_the_same_export_reads_the_same_on_a_server_in_any_zone(
        server_zone: str, tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(TEXT, encoding="utf-8")
    imported = engine.import_export(path)
    assert imported.bad_cells == {} and imported.tickets == 4
    ttr = {row.group: row.ttr_median_hours
           for row in metrics.table(imported, by="category") if row.group != "all"}
    assert ttr == {"am pm": 3.5, "plain": 2.0, "zoned": 3.0, "zoned both": 0.0}
    assert imported.data_from == datetime(2024, 3, 5, 4, 0, tzinfo=UTC)
    assert imported.as_of == datetime(2024, 3, 5, 13, 30, tzinfo=UTC)
