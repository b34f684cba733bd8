"""Ticket files as real spreadsheets write them (QA session 14): a decimal mark is decided by
the file as a whole, not by its delimiter alone.

Excel's "Unicode text" (UTF-16, tab-delimited, CRLF) writes numbers as its locale displays
them. A German Excel writes 1.44 hours as ``1,440`` when the cell shows three decimals, and
the same file's other numbers (``0,5``, ``2,25``) and its dates (``04.03.2024``) say the
locale. Before, only a ';' file was read with a decimal comma, so ``1,440`` became 1440 h
in a tab file: an invented median, with no note."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from models.tickets import engine, metrics, values

HEADER = "Ticket ID\tCreated\tResolved\tStatus\tCategory\tFirst response hours\r\n"


def _excel_text(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "export.txt"
    text = HEADER + "".join(row + "\r\n" for row in rows)
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    return path


def _total(path: Path) -> metrics.GroupMetrics:
    return metrics.table(engine.import_export(path), by=None)[-1]


def test_a_decimal_comma_tab_export_reads_1_440_as_one_and_a_half_hours(tmp_path: Path) -> None:
    path = _excel_text(tmp_path, [
        "1\t04.03.2024 09:00\t04.03.2024 11:00\tClosed\tLogin\t0,5",
        "2\t05.03.2024 10:00\t07.03.2024 10:00\tClosed\tBilling\t1,440",
        "3\t06.03.2024 08:00\t06.03.2024 12:00\tClosed\tLogin\t2,25",
    ])
    # 0.5, 1.44 and 2.25 hours: median 1.44 (read as thousands it was 1440 h).
    assert _total(path).first_response_median_hours == pytest.approx(1.44)
    notes = engine.import_export(path).notes
    assert any("decimal comma" in n and "'0,5'" in n for n in notes)


def test_a_point_decimal_tab_export_keeps_its_thousands(tmp_path: Path) -> None:
    path = _excel_text(tmp_path, [
        "1\t2024-03-04 09:00\t2024-03-04 11:00\tClosed\tLogin\t0.5",
        "2\t2024-03-05 10:00\t2024-03-07 10:00\tClosed\tBilling\t1,440",
        "3\t2024-03-06 08:00\t2024-03-06 12:00\tClosed\tLogin\t2.25",
    ])
    assert _total(path).first_response_median_hours == pytest.approx(2.25)


def test_dotted_dates_say_the_locale_when_no_number_does(tmp_path: Path) -> None:
    path = _excel_text(tmp_path, [
        "1\t04.03.2024 09:00\t04.03.2024 11:00\tClosed\tLogin\t1,440",
        "2\t05.03.2024 10:00\t07.03.2024 10:00\tClosed\tBilling\t3",
        "3\t06.03.2024 08:00\t06.03.2024 12:00\tClosed\tLogin\t1",
    ])
    assert _total(path).first_response_median_hours == pytest.approx(1.44)


def test_a_file_that_says_both_keeps_its_delimiter_s_rule(tmp_path: Path) -> None:
    # '0,5' and '0.25' in one file: no locale is visible, so the tab file keeps the
    # thousands comma (as before) and a note says the numbers disagree.
    path = _excel_text(tmp_path, [
        "1\t2024-03-04 09:00\t2024-03-04 11:00\tClosed\tLogin\t0,5",
        "2\t2024-03-05 10:00\t2024-03-07 10:00\tClosed\tBilling\t1,440",
        "3\t2024-03-06 08:00\t2024-03-06 12:00\tClosed\tLogin\t0.25",
    ])
    assert _total(path).first_response_median_hours == pytest.approx(0.5)
    assert any("both decimal marks" in n and "'0.25'" in n
               for n in engine.import_export(path).notes)


@pytest.mark.parametrize(("cells", "mark"), [
    (["0,5", "1,440"], True), (["12,25"], True), (["1.250,5"], True), (["0,440"], True),
    (["0.5", "1,440"], False), (["1,234.5"], False), (["0.440"], False),
    (["1,440", "2,880", "3"], None), (["1.250"], None), (["Login", "2024-03-01"], None),
    (["0,5", "0.5"], None),
])
def test_the_decimal_mark_a_column_shows(cells: list[str], mark: bool | None) -> None:
    assert values.decimal_mark_evidence(cells) == mark


def test_excel_serial_dates_are_read_as_days_since_1899_12_30(tmp_path: Path) -> None:
    """A sheet whose date cells were formatted as numbers saves them as Excel serials:
    46023.375 is 2026-01-01 09:00. Before, every such ticket was refused as an unreadable
    creation date."""
    path = tmp_path / "serial.csv"
    path.write_text("ticket_id,created_at,resolved_at,status\n"
                    "1,46023.375,46023.5,solved\n"          # 09:00 -> 12:00: 3 h
                    "2,46024.375,46025.375,solved\n"        # a day: 24 h
                    "3,46026.3840277778,46026.4256944444,solved\n",  # 09:13 -> 10:13: 1 h
                    encoding="utf-8")
    imported = engine.import_export(path)
    total = metrics.table(imported, by=None)[-1]
    assert imported.tickets == 3 and imported.skipped_rows == 0
    assert (total.ttr_median_hours, total.ttr_p90_hours) == (3.0, 24.0)
    assert total.period == "2026-01"
    assert any("Excel serial" in n for n in imported.notes)


def test_whole_excel_serials_are_dates_without_a_time(tmp_path: Path) -> None:
    path = tmp_path / "serial_days.csv"
    path.write_text("ticket_id,created_at,resolved_at,status\n1,46023,46024,solved\n",
                    encoding="utf-8")
    total = metrics.table(engine.import_export(path), by=None)[-1]
    assert total.ttr_median_hours is None


def test_serials_read_in_the_import_s_zone(tmp_path: Path) -> None:
    path = tmp_path / "serial.csv"
    path.write_text("ticket_id,created_at,resolved_at,status\n1,46023.375,46023.5,solved\n",
                    encoding="utf-8")
    imported = engine.import_export(path, zone="Europe/Berlin")
    assert imported.data_from is not None and imported.data_from.hour == 8  # 09:00 CET
