"""``tickets import`` with a path that is not a readable CSV says one sentence "FILE: problem"
(no OS error codes) and changes nothing; its help and its --source check list the products
from the one list in ``models.tickets.profiles``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from models.tickets.profiles import SOURCES
from tui.cli.main import app


def _import(db_path: Path, wid: int, *args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(app, ["--db", str(db_path), "tickets", "import", *args,
                                    "-w", str(wid)])
    return done.exit_code, done.stdout, done.stderr


def test_help_and_source_check_list_every_product(db_path: Path, wid: int) -> None:
    shown = CliRunner().invoke(app, ["tickets", "import", "--help"], terminal_width=200)
    assert shown.exit_code == 0
    flat = " ".join(shown.stdout.split())
    for source in SOURCES:
        assert source in flat
    code, _, err = _import(db_path, wid, "x.csv", "--source", "kayako")
    assert code == 1
    assert err == f"journeymap: --source must be one of: {', '.join(SOURCES)}.\n"


@pytest.mark.parametrize("case", ["missing", "folder", "workbook", "empty", "binary"])
def test_a_path_that_is_not_a_csv_export(db_path: Path, store: Store, wid: int,
                                         tmp_path: Path, case: str) -> None:
    path = {"missing": tmp_path / "nope" / "jan.csv", "folder": tmp_path,
            "workbook": tmp_path / "jan.xlsx", "empty": tmp_path / "jan.csv",
            "binary": tmp_path / "jan.csv"}[case]
    if case == "workbook":
        path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml xl/workbook.xml")
    elif case == "empty":
        path.write_bytes(b"")
    elif case == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    said = {"missing": f"{path}: there is no such file.",
            "folder": f"{path}: this is a folder, not a file.",
            "workbook": "jan.xlsx: this looks like an Excel workbook; save it as CSV.",
            "empty": "jan.csv: the file is empty.",
            "binary": "jan.csv: this is a binary file, not a CSV export."}[case]
    for extra in ([], ["--dry-run"]):
        code, out, err = _import(db_path, wid, str(path), *extra)
        assert (code, out) == (1, "")
        assert err == f"journeymap: {said}\n"
        assert "Errno" not in err
    assert store.load(wid).ticket_sources == []


def test_import_says_which_month_is_partial_and_show_gives_each_n(db_path: Path,
                                                                  wid: int) -> None:
    import json

    zendesk = Path(__file__).parent.parent / "models" / "tickets" / "fixtures" / \
        "zendesk_tickets.csv"
    code, out, _ = _import(db_path, wid, str(zendesk))
    assert code == 0
    assert ("  note: 2024-04 has data only to 2024-04-10, a partial month: the evidence "
            "comes from 2024-03\n") in out
    shown = CliRunner().invoke(app, ["--db", str(db_path), "tickets", "show", str(wid),
                                     "--format", "json"])
    total = json.loads(shown.stdout)[-1]
    # The whole span: 12 tickets, 8 resolved (TTR), 5 answered surveys, 4 open.
    assert total["n"]["tickets"] == 12
    assert total["n"]["ttr_median_hours"] == 8
    assert total["n"]["csat_satisfied_share"] == 5
    assert total["n"]["backlog_open"] == 4
    assert "csat_mean" not in total["n"]  # not available: no n
