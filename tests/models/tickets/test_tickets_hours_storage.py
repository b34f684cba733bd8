"""A workshop's business-hours schedule: stored, used by the next import, in the backup,
and added to a schema 7 file by the upgrade."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from models.db.store import Store
from models.export.json_backup import export_workshop, import_json
from models.tickets import editing, storage
from tests.models.tickets.business_rows import ROWS


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "zendesk.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Billing").id or 0)


def test_the_schedule_is_stored_and_used_by_the_next_import(store: Store, wid: int,
                                                            export: Path) -> None:
    assert editing.schedule_of(store.load(wid).workshop) is None
    before = storage.import_file(store, wid, export, source="zendesk")
    total = [r for r in before.readings if r.group_kind == "all" and ".." in r.period][0]
    assert total.ttr_business_median_hours is None
    assert "business-hours schedule" in json.loads(total.unavailable)[
        "ttr_business_median_hours"]
    said = editing.set_hours(store, wid, days="mon-fri", start="09:00", end="17:00", tz="UTC",
                             holidays=["2026-12-25"])
    assert said == "Mon-Fri 09:00-17:00 UTC, 1 holiday (2026-12-25)"
    after = storage.import_file(store, wid, export, source="zendesk")
    total = [r for r in after.readings if r.group_kind == "all" and ".." in r.period][0]
    assert total.ttr_business_median_hours == 2.0
    assert total.ttr_business_p90_hours == 2.0
    assert total.frt_business_median_hours == 1.0
    assert total.ttr_median_hours == 66.0


def test_a_bad_schedule_changes_nothing(store: Store, wid: int) -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        editing.set_hours(store, wid, days="mon-fri", start="09:00", end="17:00",
                          tz="Mars/Olympus")
    assert store.load(wid).workshop.business_hours == ""


def test_clearing_the_schedule(store: Store, wid: int) -> None:
    editing.set_hours(store, wid, days="mon-fri", start="09:00", end="17:00", tz="UTC")
    assert editing.clear_hours(store, wid) == "business hours cleared"
    assert editing.schedule_of(store.load(wid).workshop) is None


def test_the_backup_round_trips_the_schedule(store: Store, wid: int, export: Path) -> None:
    editing.set_hours(store, wid, days="sat,sun", start="10:00", end="14:00",
                      tz="Europe/Berlin", holidays=["2026-12-26"])
    storage.import_file(store, wid, export, source="zendesk")
    text = export_workshop(store, wid)
    new = import_json(store, text, "backup.json")
    schedule = editing.schedule_of(store.load(new).workshop)
    assert schedule is not None
    assert schedule.summary() == "Sat, Sun 10:00-14:00 Europe/Berlin, 1 holiday (2026-12-26)"
    again = store.load(new).readings
    assert any(r.ttr_business_median_hours is not None for r in again)


def test_a_schema_7_file_gains_the_schedule_and_business_columns(db_path: Path,
                                                                 export: Path) -> None:
    store = Store(db_path, who="maker")
    wid = int(store.create_workshop(title="Old").id or 0)
    store.close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("ALTER TABLE workshop DROP COLUMN business_hours")
        for column in ("ttr_business_median_hours", "ttr_business_p90_hours",
                       "frt_business_median_hours"):
            conn.execute(f"ALTER TABLE reading DROP COLUMN {column}")
        conn.execute("UPDATE journeymap_meta SET value = '7' WHERE key = 'schema_version'")
    conn.close()
    store = Store(db_path, who="upgrader")
    editing.set_hours(store, wid, days="mon-fri", start="09:00", end="17:00", tz="UTC")
    storage.import_file(store, wid, export, source="zendesk")
    assert any(r.ttr_business_median_hours == 2.0 for r in store.load(wid).readings)
    store.close()


def test_the_markdown_measured_section_shows_business_hours(store: Store, wid: int,
                                                            export: Path) -> None:
    import datetime as dt

    from models.export.markdown import to_markdown

    storage.import_file(store, wid, export, source="zendesk")
    text = to_markdown(store.load(wid), today=dt.date(2026, 12, 31))
    assert ("| Time to resolution, business hours (median) |  |  | 2026-12: not available: no "
            "business-hours schedule was set for this import") in text
    editing.set_hours(store, wid, days="mon-fri", start="09:00", end="17:00", tz="UTC",
                      holidays=["2026-12-25"])
    storage.import_file(store, wid, export, source="zendesk")
    text = to_markdown(store.load(wid), today=dt.date(2026, 12, 31))
    section = text.split("## Measured", 1)[1].split("\n## ", 1)[0]
    assert "Business hours: Mon-Fri 09:00-17:00 UTC, 1 holiday (2026-12-25)." in section
    # November: tickets 1 and 2 (2 and 0.5 business hours); December: ticket 3 (2)
    assert ("| Time to resolution, business hours (median) | ▁█ | 2026-11: 1.2 h | "
            "2026-12: 2.0 h |") in section
    assert "| First response, business hours (median) |" in section
