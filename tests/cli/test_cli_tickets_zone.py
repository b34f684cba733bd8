"""``tickets import --zone``: an export's times without a zone read in the zone it was
written in, the zone used stored with the import and said by ``tickets show``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app

SERVICENOW_LOCAL = ("number,opened_at,state,resolved_at,sys_updated_on\n"
                    "INC0020001,2024-03-05 16:30:00,Resolved,2024-03-06 09:30:00,"
                    "2024-03-06 09:30:00\n"
                    "INC0020002,2024-03-06 08:00:00,Resolved,2024-03-06 10:00:00,"
                    "2024-03-06 10:00:00\n")


def _run(db_path: Path, *args: str) -> tuple[int, str]:
    done = CliRunner().invoke(app, ["--db", str(db_path), *args])
    return done.exit_code, done.output


def test_zone_reads_the_times_and_show_says_it(store: Store, db_path: Path,
                                               tmp_path: Path) -> None:
    wid = str(store.create_workshop(title="T").id)
    code, out = _run(db_path, "tickets", "hours", wid, "--tz", "Europe/Berlin",
                     "--from", "09:00", "--to", "17:00")
    assert code == 0, out
    path = tmp_path / "incidents.csv"
    path.write_text(SERVICENOW_LOCAL, encoding="utf-8")
    code, out = _run(db_path, "tickets", "import", str(path), "-w", wid,
                     "--zone", "Europe/Berlin")
    assert code == 0, out
    assert "read in Europe/Berlin, the zone given for the import" in out
    code, out = _run(db_path, "tickets", "show", wid, "--format", "json")
    assert json.loads(out)[-1]["ttr_business_median_hours"] == 1.0
    code, out = _run(db_path, "tickets", "show", wid)
    assert code == 0, out
    assert "Times without a zone in incidents.csv were read in Europe/Berlin." in out


def test_a_bad_zone_is_refused_in_one_sentence_naming_the_option(
        store: Store, db_path: Path, tmp_path: Path) -> None:
    wid = str(store.create_workshop(title="T").id)
    path = tmp_path / "incidents.csv"
    path.write_text(SERVICENOW_LOCAL, encoding="utf-8")
    code, out = _run(db_path, "tickets", "import", str(path), "-w", wid,
                     "--zone", "Europe/Berln")
    assert code != 0
    assert "--zone 'Europe/Berln' is not an IANA time zone name" in out
    assert "Traceback" not in out
    code, out = _run(db_path, "tickets", "show", wid)
    assert "no ticket data yet" in out  # nothing stored


def test_a_backup_keeps_the_zone_of_each_import(store: Store, db_path: Path,
                                                tmp_path: Path) -> None:
    from models.export.json_backup import export_workshop, import_json

    wid = str(store.create_workshop(title="T").id)
    path = tmp_path / "incidents.csv"
    path.write_text(SERVICENOW_LOCAL, encoding="utf-8")
    code, out = _run(db_path, "tickets", "import", str(path), "-w", wid,
                     "--zone", "Asia/Kolkata")
    assert code == 0, out
    copy = import_json(store, export_workshop(store, int(wid)), "backup.json")
    assert [s.zone for s in store.load(copy).ticket_sources] == ["Asia/Kolkata"]
