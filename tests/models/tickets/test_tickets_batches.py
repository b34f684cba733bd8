"""The export is streamed in batches and only its first rows are read by the stdlib reader:
neither may change a figure, a note or an error.

Every hand-computed fixture gives the same import read in batches of two records as in one
batch (event-log rows of one ticket split across batches, a footer after a blank line in a
later batch); a file cut off past the sample is refused with the same line and column as one
the sample reads to its end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, load, metrics
from models.tickets import readings as ticket_readings
from models.tickets.errors import TicketImportError

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = "ticket_id,created_at,resolved_at,status,category\n"
GOOD = "".join(f"{i},2024-01-{i % 28 + 1:02d} 10:00,,Open,x\n" for i in range(1, 9))


def _picture(path: Path) -> tuple[object, ...]:
    imported = engine.import_export(path)
    readings = [(r.period, r.group_kind, r.group_value, r.tickets, r.reopened,
                 r.ttr_median_hours, r.ttr_p90_hours, r.csat_mean, r.backlog_open,
                 r.backlog_median_age_hours, r.unavailable, r.counts)
                for r in ticket_readings.build_readings(imported)]
    table = metrics.table(imported, by=None)
    return (imported.rows, imported.tickets, imported.skipped_rows, imported.bad_cells,
            imported.notes, imported.as_of, readings, table)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.csv")))
def test_batches_of_two_records_change_nothing(name: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _picture(FIXTURES / name)
    monkeypatch.setattr(load, "BATCH_ROWS", 2)
    assert _picture(FIXTURES / name) == whole


def _refused(path: Path) -> tuple[int | None, str | None, str]:
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    return info.value.line, info.value.column, str(info.value)


@pytest.mark.parametrize("tail", ["9,2024-01-10 1", '9,2024-01-10 10:00,,Open,"Bill'])
def test_a_cut_off_last_line_past_the_sample(tail: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "cut.csv"
    path.write_text(HEADER + GOOD + tail, encoding="utf-8", newline="")
    read_by_sample = _refused(path)
    monkeypatch.setattr(engine, "SAMPLE_ROWS", 2)
    monkeypatch.setattr(load, "BATCH_ROWS", 3)
    assert _refused(path) == read_by_sample
    assert read_by_sample[0] == 10 and "cut off" in read_by_sample[2]


def test_a_latin1_file_past_the_sample_is_read_whole(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "latin.csv"
    rows = "".join(f"{i},2024-02-0{i % 9 + 1} 10:00,,Open,Réseau\n" for i in range(1, 30))
    path.write_bytes((HEADER + rows).encode("latin-1"))
    monkeypatch.setattr(engine, "SAMPLE_ROWS", 2)
    monkeypatch.setattr(load, "BATCH_ROWS", 5)
    imported = engine.import_export(path)
    groups = {r.group: r.tickets for r in metrics.table(imported, by="category")}
    assert groups == {"Réseau": 29, "all": 29}
    assert any("read as cp1252" in n for n in imported.notes)
