"""Exports as a support lead re-saves them: opened in Excel in a European locale and saved
as CSV (``;``-separated, dates re-written day first, UTF-8 BOM or cp1252, CRLF, a quoted
newline in a subject), and report exports with more than one title line above the column
names. Each figure worked out by hand beside the file."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from models.tickets import engine, metrics

ROWS = [["Id", "Created at", "Solved at", "Status", "Subject", "Via", "Replies", "Requester"],
        ["1", "05/03/2024 10:00", "05/03/2024 12:00", "Solved", "Crème brûlée\nsecond line",
         "Mail", "1", "Zoë"],
        ["2", "06/03/2024 10:00", "", "Open", "Naïve ; semi", "Mail", "0", "Zoë"]]


def _excel(rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return f'"{text}"' if ";" in text or "\n" in text else text
    return "".join(";".join(cell(c) for c in row) + "\r\n" for row in rows)


@pytest.mark.parametrize(("name", "data"), [
    ("bom.csv", codecs.BOM_UTF8 + _excel(ROWS).encode("utf-8")),
    ("ansi.csv", _excel(ROWS).encode("cp1252")),
])
def test_a_zendesk_export_saved_by_a_european_excel_is_read_day_first(
        tmp_path: Path, name: str, data: bytes) -> None:
    """Excel writes ``;`` where the decimal mark is a comma, and those locales write the
    day first: 05/03/2024 is 5 March. Read month-first before, both tickets landed in May
    and June."""
    path = tmp_path / name
    path.write_bytes(data)
    imp = engine.import_export(path)
    assert imp.product == "zendesk"
    assert imp.cube.periods() == ["2024-03"]
    row = metrics.table(imp, by=None)[-1]
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (2, 2.0, 1)
    assert any("read as day-first" in n for n in imp.notes), imp.notes


@pytest.mark.parametrize("gap", ["", "\n"])
def test_two_title_lines_above_the_column_names(tmp_path: Path, gap: str) -> None:
    """A report's name and a "Generated ..." line above the column names (line 3, or 4
    after a blank line): refused before as "no usable columns" with the title as the only
    column."""
    path = tmp_path / "report.csv"
    path.write_text("Tickets report\nGenerated 2024-04-01 by Ann\n" + gap
                    + "Id,Created at,Solved at,Status\n"
                    "1,2024-03-01 10:00,2024-03-01 12:00,Solved\n"
                    "2,2024-03-02 10:00,,Open\n", encoding="utf-8")
    imp = engine.import_export(path)
    row = metrics.table(imp, by=None)[-1]
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (2, 2.0, 1)
    header_line = 4 if gap else 3
    assert any(f"the column names are on line {header_line}" in n for n in imp.notes)


def test_a_semicolon_report_with_a_title_is_read(tmp_path: Path) -> None:
    """A report exported by a European spreadsheet: title lines, then ';'-separated names.
    The delimiter vote counted the title lines and chose ',' (one column: refused)."""
    path = tmp_path / "report.csv"
    path.write_text("Tickets report, March\nGenerated 01/04/2024 by Ann\n\n"
                    "Id;Created at;Solved at;Status\n"
                    "1;05/03/2024 10:00;05/03/2024 12:00;Solved\n"
                    "2;06/03/2024 10:00;;Open\n", encoding="utf-8")
    imp = engine.import_export(path)
    assert imp.cube.periods() == ["2024-03"]
    row = metrics.table(imp, by=None)[-1]
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (2, 2.0, 1)
