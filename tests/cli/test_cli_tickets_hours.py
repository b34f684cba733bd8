"""``journeymap tickets hours``: the schedule is set by editors only, validated in one
sentence, and ``tickets show`` gains the business-hours keys (null with the reason before)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db import access
from models.db.store import Store
from models.live import presence
from tests.models.tickets.business_rows import ROWS
from tui.cli.main import app

BUSINESS = ("ttr_business_median_hours", "ttr_business_p90_hours", "frt_business_median_hours")


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", str(db), *args])


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "zendesk.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def show_all(db: Path, wid: int, *extra: str) -> dict:  # type: ignore[type-arg]
    out = run(db, "tickets", "show", str(wid), "--by", "group", "--format", "json", *extra)
    assert out.exit_code == 0, out.output
    return json.loads(out.output)[-1]  # type: ignore[no-any-return]


def test_hours_then_import_then_show(store: Store, db_path: Path, export: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    assert run(db_path, "tickets", "import", str(export), "-w", str(wid),
               "--source", "zendesk").exit_code == 0
    before = show_all(db_path, wid)
    for key in BUSINESS:
        assert before[key] is None and "business-hours schedule" in before["unavailable"][key]
    done = run(db_path, "tickets", "hours", str(wid), "--days", "mon-fri", "--from", "09:00",
               "--to", "17:00", "--tz", "UTC", "--holiday", "2026-12-25")
    assert done.exit_code == 0, done.output
    assert "Mon-Fri 09:00-17:00 UTC, 1 holiday (2026-12-25)" in done.output
    assert run(db_path, "tickets", "import", str(export), "-w", str(wid),
               "--source", "zendesk").exit_code == 0
    after = show_all(db_path, wid)
    assert (after["ttr_business_median_hours"], after["ttr_business_p90_hours"],
            after["frt_business_median_hours"]) == (2.0, 2.0, 1.0)
    csv_out = run(db_path, "tickets", "show", str(wid), "--by", "group", "--format", "csv")
    head = csv_out.output.splitlines()[0].split(",")
    assert all(key in head for key in BUSINESS)
    table = run(db_path, "tickets", "show", str(wid), "--by", "group")
    assert table.exit_code == 0
    assert "Business hours, all tickets: TTR median 2.0 h, p90 2.0 h" in table.output
    shown = run(db_path, "tickets", "hours", str(wid))
    assert shown.exit_code == 0 and "Mon-Fri 09:00-17:00 UTC" in shown.output


@pytest.mark.parametrize(("args", "word"), [
    (["--tz", "Mars/Olympus"], "Mars/Olympus"),
    (["--tz", "UTC", "--days", "mon-funday"], "mon-funday"),
    (["--tz", "UTC", "--from", "18:00"], "18:00"),
    (["--tz", "UTC", "--holiday", "Christmas"], "Christmas"),
    (["--tz", "UTC", "--holiday", "9999-12-31"], "holiday 9999-12-31"),
    (["--tz", "UTC", "--holiday", "0001-01-01"], "holiday 0001-01-01"),
])
def test_a_bad_schedule_is_one_sentence(store: Store, db_path: Path, args: list[str],
                                        word: str) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    out = run(db_path, "tickets", "hours", str(wid), *args)
    assert out.exit_code == 1 and word in out.output
    assert len(out.output.strip().splitlines()) == 1
    assert store.load(wid).workshop.business_hours == ""


def test_clear_and_not_set(store: Store, db_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    out = run(db_path, "tickets", "hours", str(wid))
    assert out.exit_code == 0 and "not set" in out.output
    assert run(db_path, "tickets", "hours", str(wid), "--tz", "UTC").exit_code == 0
    cleared = run(db_path, "tickets", "hours", str(wid), "--clear")
    assert cleared.exit_code == 0 and store.load(wid).workshop.business_hours == ""


def test_an_observer_cannot_set_hours(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Shared").id or 0)
        presence.grant(store, wid, "olga", "observer")
    monkeypatch.setattr(access, "current_account", lambda: "olga")
    monkeypatch.setattr("models.db.store.current_account", lambda: "olga")
    with Store(db, who="olga") as store:
        presence.join(store, wid, "olga")
    out = run(db, "tickets", "hours", str(wid), "--tz", "UTC")
    assert out.exit_code == 1 and "the account olga is an observer" in out.output
    with Store(db, who="lea") as store:
        assert store.load(wid).workshop.business_hours == ""
