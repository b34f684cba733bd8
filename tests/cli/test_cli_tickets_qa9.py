"""QA session 9, through ``journeymap tickets``: hostile category names in ``tickets show
--format csv`` (formulas, terminal escapes, a 1 MB cell), a JSON export (refused then, read
since session 10), and a month imported again from another file (or another product) said,
not silently replaced."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli

HOSTILE = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
           "\x1b[31mRED\x1b[0m", "\u202eevil.exe", "[bold]markup[/bold]"]


def _write(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def _hostile(tmp_path: Path) -> Path:
    rows: list[list[object]] = [["Id", "Created at", "Solved at", "Status", "Category"]]
    for i, name in enumerate([*HOSTILE, "A" * 1_000_000], start=1):
        rows.append([i, f"2024-03-{i:02d} 09:00", f"2024-03-{i:02d} 10:00", "Solved", name])
    return _write(tmp_path / "hostile.csv", rows)


def test_hostile_categories_reach_the_csv_as_text(db_path: Path, wid: int,
                                                  tmp_path: Path) -> None:
    code, _, err = run_cli(db_path, "tickets", "import", str(_hostile(tmp_path)), "-w", str(wid))
    assert code == 0, err
    code, out, err = run_cli(db_path, "tickets", "show", str(wid), "--by", "category",
                          "--format", "csv")
    assert code == 0, err
    assert "\x1b" not in out  # printed on a terminal, the CSV must not drive it
    groups = [row[0] for row in csv.reader(io.StringIO(out))][1:]
    for formula in HOSTILE[:4]:
        assert "'" + formula in groups
    assert not [g for g in groups if g.startswith(("=", "+", "-", "@"))]
    assert "A" * 1_000_000 in groups  # the whole cell, not cut
    assert "\u202e" not in out  # a right-to-left override is shown, not obeyed
    assert [g for g in groups if g.endswith("evil.exe") and g != "evil.exe"]
    assert "[bold]markup[/bold]" in groups


def test_hostile_categories_in_json_are_exact(db_path: Path, wid: int, tmp_path: Path) -> None:
    run_cli(db_path, "tickets", "import", str(_hostile(tmp_path)), "-w", str(wid))
    code, out, _ = run_cli(db_path, "tickets", "show", str(wid), "--by", "category",
                        "--format", "json")
    assert code == 0
    groups = {r["group"] for r in json.loads(out)}
    assert set(HOSTILE) <= groups and "A" * 1_000_000 in groups


def test_a_json_export_is_imported(db_path: Path, wid: int, tmp_path: Path) -> None:
    """Refused in one sentence in session 9; imported since session 10."""
    path = tmp_path / "incremental.json"
    path.write_text(json.dumps({"tickets": [{"id": 1, "created_at": "2024-03-04T09:00:00Z"}],
                                "after_cursor": None, "end_of_stream": True}),
                    encoding="utf-8")
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert code == 0, err
    assert "JSON: 1 record read from 'tickets'" in out + err


def test_json_that_holds_no_tickets_is_one_sentence(db_path: Path, wid: int, tmp_path: Path
                                                    ) -> None:
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"count": 0, "next_page": None}), encoding="utf-8")
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert code == 1 and out == ""
    assert err.startswith("journeymap: page.json: the JSON holds no list of tickets")
    assert err.count("\n") == 1


def _month(path: Path, first_id: int, created: list[str]) -> Path:
    rows: list[list[object]] = [["Id", "Created at", "Solved at", "Status"]]
    rows += [[first_id + i, c, "", "Open"] for i, c in enumerate(created)]
    return _write(path, rows)


def test_a_month_imported_again_says_which_import_it_replaces(db_path: Path, wid: int,
                                                              tmp_path: Path) -> None:
    email = _month(tmp_path / "email.csv", 1, ["2024-02-10 09:00", "2024-03-04 09:00",
                                               "2024-03-05 09:00"])
    chat = tmp_path / "chat.csv"
    _write(chat, [["Conversation ID", "Conversation started at", "Current conversation state",
                   "Channel", "Team currently assigned"],
                  ["c1", "2024-03-20 09:00", "open", "Chat", "Support"],
                  ["c2", "2024-04-01 09:00", "open", "Chat", "Support"]])
    assert run_cli(db_path, "tickets", "import", str(email), "-w", str(wid))[0] == 0
    code, out, err = run_cli(db_path, "tickets", "import", str(chat), "-w", str(wid), "--dry-run")
    assert code == 0, err
    said = [line for line in out.splitlines() if "2024-03" in line and "replace" in line]
    assert said == ["  note: 2024-03 was imported before from email.csv (a generic export): "
                    "this import's figures replace its figures for that month, they are not "
                    "added to them"]
    code, out, err = run_cli(db_path, "tickets", "import", str(chat), "-w", str(wid))
    assert code == 0, err
    assert any("2024-03 was imported before from email.csv" in line
               for line in out.splitlines())
    assert "2024-02" not in "".join(line for line in out.splitlines() if "replace" in line)


def test_the_same_file_again_says_it_replaces_itself(db_path: Path, wid: int,
                                                     tmp_path: Path) -> None:
    path = _month(tmp_path / "march.csv", 1, ["2024-03-04 09:00", "2024-03-05 09:00"])
    run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    code, out, _ = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert code == 0
    assert "  note: 2024-03 was imported before from march.csv (a generic export): this " \
           "import's figures replace its figures for that month, they are not added to " \
           "them" in out.splitlines()


def test_ctrl_c_during_an_import_says_nothing_was_stored(db_path: Path, wid: int,
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    from models.tickets import engine

    def interrupted(rows: int) -> None:
        raise KeyboardInterrupt

    real = engine.import_export
    monkeypatch.setattr(engine, "import_export",
                        lambda *a, **k: real(*a, **{**k, "progress": interrupted}))
    path = _month(tmp_path / "march.csv", 1, ["2024-03-04 09:00", "2024-03-05 09:00"])
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert (code, out) == (130, "")
    assert err == "journeymap: The import of march.csv was cancelled; nothing was stored.\n"
    with Store(db_path) as store:
        assert store.load(wid).ticket_sources == []


def test_the_replaced_note_names_the_product_in_english(db_path: Path, wid: int,
                                                        tmp_path: Path) -> None:
    chat = _write(tmp_path / "chat.csv", [
        ["Conversation ID", "Conversation started at", "Current conversation state",
         "Team currently assigned", "Last teammate rating"],
        ["c1", "2024-03-20 09:00", "open", "Support", ""]])
    run_cli(db_path, "tickets", "import", str(chat), "-w", str(wid))
    code, out, _ = run_cli(db_path, "tickets", "import", str(chat), "-w", str(wid), "--dry-run")
    assert code == 0
    assert "  note: 2024-03 was imported before from chat.csv (an intercom export): this " \
           "import's figures replace its figures for that month, they are not added to " \
           "them" in out.splitlines()


def test_months_replaced_are_said_once_per_earlier_file(db_path: Path, wid: int,
                                                        tmp_path: Path) -> None:
    q1 = _month(tmp_path / "q1.csv", 1, ["2024-01-05 09:00", "2024-02-05 09:00",
                                         "2024-03-05 09:00"])
    march = _month(tmp_path / "march.csv", 10, ["2024-03-06 09:00"])
    both = _month(tmp_path / "both.csv", 20, ["2024-02-07 09:00", "2024-03-07 09:00",
                                              "2024-04-07 09:00"])
    run_cli(db_path, "tickets", "import", str(q1), "-w", str(wid))
    run_cli(db_path, "tickets", "import", str(march), "-w", str(wid))
    code, out, _ = run_cli(db_path, "tickets", "import", str(both), "-w", str(wid), "--dry-run")
    assert code == 0
    said = [line for line in out.splitlines() if "replace" in line]
    assert said == [
        "  note: 2024-02 was imported before from q1.csv (a generic export): this import's "
        "figures replace its figures for that month, they are not added to them",
        "  note: 2024-03 was imported before from march.csv (a generic export): this "
        "import's figures replace its figures for that month, they are not added to them"]
    code, out, _ = run_cli(db_path, "tickets", "import", str(q1), "-w", str(wid), "--dry-run")
    assert "  note: 2024-01 and 2024-02 were imported before from q1.csv (a generic export): "\
           "this import's figures replace its figures for those months, they are not added "\
           "to them" in out.splitlines()
    assert "  note: 2024-03 was imported before from march.csv (a generic export): this " \
           "import's figures replace its figures for that month, they are not added to " \
           "them" in out.splitlines()
