"""Broken and hostile ticket files through ``tickets import`` (dry run and real import): each
is refused in one sentence naming the file, the line and (where there is one) the column,
with nothing stored; or imported whole with a note naming the line it left out. Never a
traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli

HEAD = "id,created_at,status,category\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


TITLED = {
    "titled.csv": "Incident report - all open incidents\nnumber,opened_at,state,category\n"
                  "INC1,01-03-2024 10:00,Closed,a\nINC2,02-03-2024 10:00,New,b\n",
    "titled_padded.csv": "Cases by owner,,,\n\nid,created_at,status,category\n"
                         "1,2024-03-01 10:00,solved,a\n2,2024-03-02 10:00,open,b\n",
}
REFUSED = {
    "headers_only.csv": (HEAD, "line 2: the file has a header but no data rows."),
    "mixed_dates.csv": (
        HEAD + "1,2024-03-01 10:00,solved,a\n2,Mar 5 2024,open,b\n3,05-Mar-2024 10:00,open,a\n"
        "4,03/02/2024 10:00,open,b\n5,\"Mar 6, 2024\",open,b\n",
        "line 5, column 'created_at': '03/02/2024 10:00' is a date written in another format "
        "than the rest of the column; export the file again with one date format."),
    "mixed_resolved.csv": (
        "id,created_at,resolved_at,status\n1,2024-03-01 10:00,\"Mar 2, 2024 10:00\",solved\n"
        "2,2024-03-01 10:00,\"Mar 3, 2024 10:00\",solved\n3,2024-03-01 10:00,03/04/2024 10:00,"
        "solved\n",
        "line 4, column 'resolved_at': '03/04/2024 10:00' is a date written in another "
        "format than the rest of the column; export the file again with one date format."),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_broken_file_is_refused_in_one_sentence(db_path: Path, store: Store, wid: int,
                                                  tmp_path: Path, name: str) -> None:
    text, said = REFUSED[name]
    path = _write(tmp_path, name, text)
    for extra in (["--dry-run"], []):
        code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid), *extra)
        assert (code, out) == (1, "")
        assert err == f"journeymap: {name}, {said}\n"
        assert "Traceback" not in err
    assert store.load(wid).ticket_sources == []


def _imported(db_path: Path, wid: int, path: Path) -> str:
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid), "--dry-run")
    assert (code, err) == (0, "")
    code, real, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert (code, err) == (0, "")
    assert real.splitlines()[0].replace("Imported", "Would import", 1) == out.splitlines()[0]
    return out


def _total(db_path: Path, wid: int) -> dict[str, object]:
    code, out, _ = run_cli(db_path, "tickets", "show", str(wid), "--format", "json")
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows[-1]


def test_a_header_row_repeated_mid_file_is_left_out_and_named(db_path: Path, wid: int,
                                                             tmp_path: Path) -> None:
    # Two exports joined in a spreadsheet: the second one's header sits on line 4.
    path = _write(tmp_path, "joined.csv", HEAD + "1,2024-03-01 10:00,solved,a\n"
                  "2,2024-03-02 10:00,open,b\n" + HEAD + "3,2024-03-03 10:00,solved,a\n")
    out = _imported(db_path, wid, path)
    assert "3 tickets" in out
    assert "  note: line 4 repeats the header row (as when two exports are joined): left " \
        "out, not a ticket\n" in out
    assert _total(db_path, wid)["tickets"] == 3


def test_a_trailing_total_row_is_left_out_and_named(db_path: Path, wid: int,
                                                    tmp_path: Path) -> None:
    path = _write(tmp_path, "total.csv", HEAD + "1,2024-03-01 10:00,solved,a\n"
                  "2,2024-03-02 10:00,open,b\nTotal,,,2\n")
    out = _imported(db_path, wid, path)
    assert "2 tickets" in out
    assert "  note: line 4 is a totals row ('Total'): left out, not a ticket\n" in out
    assert _total(db_path, wid)["tickets"] == 2


def test_a_duplicate_column_name_is_said_and_the_other_can_be_chosen(
        db_path: Path, wid: int, tmp_path: Path) -> None:
    text = ("id,created_at,status,status,category\n1,2024-03-01 10:00,solved,open,a\n"
            "2,2024-03-02 10:00,open,open,b\n")
    path = _write(tmp_path, "twice.csv", text)
    out = _imported(db_path, wid, path)
    assert "  note: column 'status' appears 2 times (columns 3 and 4): the first is used; " \
        "--map status=#4 takes the other\n" in out
    assert _total(db_path, wid)["backlog_open"] == 1
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid),
                          "--map", "status=#4")
    assert (code, err) == (0, "")
    assert "  status                   <- status (column 4)\n" in out
    assert _total(db_path, wid)["backlog_open"] == 2
    code, _, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid),
                        "--map", "status=#9", "--dry-run")
    assert code == 1
    assert err.startswith("journeymap: twice.csv, line 1: --map status=#9: the file has "
                          "5 columns")


def test_a_column_of_only_placeholders_is_said_and_its_metric_unavailable(
        db_path: Path, wid: int, tmp_path: Path) -> None:
    path = _write(tmp_path, "sentinels.csv", "id,created_at,status,resolved_at,category\n"
                  "1,2024-03-01 10:00,solved,1900-01-01 00:00:00,a\n"
                  "2,2024-03-02 10:00,solved,1900-01-01 00:00:00,b\n")
    out = _imported(db_path, wid, path)
    assert "  note: column 'resolved_at' holds no date in any of its 2 rows (blank or " \
        "placeholders such as 1900-01-01): what needs it is not available\n" in out
    total = _total(db_path, wid)
    assert total["ttr_median_hours"] is None
    assert isinstance(total["unavailable"], dict)
    assert "ttr_median_hours" in total["unavailable"]


def test_a_single_row_is_a_whole_import(db_path: Path, wid: int, tmp_path: Path) -> None:
    path = _write(tmp_path, "one.csv", "id,created_at,solved_at,status,category\n"
                  "1,2024-03-01 10:00,2024-03-01 12:30,solved,a\n")
    out = _imported(db_path, wid, path)
    assert out.startswith("Would import one.csv: generic, 1 row, 1 ticket, 2024-03 (1 month).")
    assert _total(db_path, wid)["ttr_median_hours"] == 2.5


@pytest.mark.parametrize(("name", "title", "names_on"), [
    ("titled.csv", "Incident report - all open incidents", 2),
    ("titled_padded.csv", "Cases by owner", 3),
])
def test_a_report_title_line_is_skipped_and_the_file_imported(
        db_path: Path, wid: int, tmp_path: Path, name: str, title: str, names_on: int) -> None:
    path = _write(tmp_path, name, TITLED[name])
    out = _imported(db_path, wid, path)
    assert "2 tickets" in out
    assert (f"  note: line 1: the report title ({title!r}) above the column names is left "
            f"out; the column names are on line {names_on}\n") in out
    assert _total(db_path, wid)["tickets"] == 2


def test_a_bad_line_after_a_title_is_named_by_its_file_line(
        db_path: Path, wid: int, tmp_path: Path) -> None:
    path = _write(tmp_path, "titled_cut.csv", "Cases by owner\nid,created_at,status,category\n"
                  "1,2024-03-01 10:00,solved,a\n2,\"2024-03-02 10:00,open,b\n")
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert (code, out) == (1, "")
    assert err.startswith("journeymap: titled_cut.csv, line 4: the last line is cut off")
