"""Business hours do not depend on which reader read the export.

polars reads an export in place; a file it refuses that the stdlib reader reads (here a
quote inside an unquoted cell, as hand-edited exports have) is read again from a
normalised copy. With a schedule the business-hours figures of such a file are those of
the same tickets in a clean file, never left out because the file needed the second
reading.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, metrics
from models.tickets.hours import Schedule

ROWS = """Id,Group,Status,Created at,Solved at,First reply time in minutes
1,{group},Solved,2026-11-27 16:00:00,2026-11-30 10:00:00,60
2,{group},Solved,2026-11-24 16:00:00,2026-11-25 10:00:00,1200
"""
SCHEDULE = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")


@pytest.mark.parametrize("group", ["Billing", 'Bill"ing'])
def test_business_hours_of_a_file_read_either_way(tmp_path: Path, group: str) -> None:
    path = tmp_path / "zendesk.csv"
    path.write_text(ROWS.format(group=group), encoding="utf-8")
    imported = engine.import_export(path, source="zendesk", schedule=SCHEDULE)
    *_, total = metrics.table(imported, by="group")
    assert (total.ttr_business_median_hours, total.n["ttr_business_median_hours"]) == (2.0, 2)
