"""Opening files: new ones are created, older ones upgraded, anything else refused untouched.

"Untouched" is checked to the byte (sha256 before and after) and by the absence of
``-wal``/``-shm`` side files: switching a file to WAL would already rewrite its header.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from models.db import schema
from models.db.schema import SCHEMA_VERSION, StoreError
from models.db.store import Store
from models.db.tables.workshop import Workshop
from tests.models.old_files import make_journeymap_file, set_version
from tests.models.schema_columns import columns

FACILITATION = ("timer_step", "timer_ends_at", "gather_step", "gather_at", "votes_revealed")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[Path]:
    return [p for p in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal"))
            if p.exists()]


def assert_refused_untouched(path: Path, pattern: str, *, read_only: bool = False) -> None:
    before = sha(path)
    with pytest.raises(StoreError, match=pattern) as info:
        Store(path, read_only=read_only)
    message = str(info.value)
    assert "\n" not in message and "left untouched" in message
    assert sha(path) == before
    assert side_files(path) == []


def test_a_new_file_is_created_and_stamped(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    meta = dict(conn.execute("SELECT key, value FROM journeymap_meta"))
    journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.close()
    assert meta == {"app": "journeymap", "schema_version": str(SCHEMA_VERSION)}
    assert journal == "wal"


def test_an_empty_file_is_treated_as_new(db_path: Path) -> None:
    db_path.write_bytes(b"")
    Store(db_path).create_workshop(title="x")
    assert Store(db_path).list_workshops()[0].title == "x"


def test_a_file_from_a_newer_schema_is_refused_and_unchanged(db_path: Path) -> None:
    make_journeymap_file(db_path)
    set_version(db_path, 999)
    assert_refused_untouched(db_path, r"newer journeymap \(schema 999")
    assert_refused_untouched(db_path, "newer journeymap", read_only=True)


def test_a_random_file_is_refused_and_unchanged(db_path: Path) -> None:
    db_path.write_bytes(os.urandom(4096))
    assert_refused_untouched(db_path, "not an SQLite file")


def test_a_text_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my shopping list\n[bold]milk[/]\n", encoding="utf-8")
    assert_refused_untouched(notes, "not a journeymap database")


def test_a_foreign_sqlite_file_is_refused_and_unchanged(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.close()
    assert_refused_untouched(db_path, "another application")


def test_a_file_with_a_meta_table_of_another_app_is_refused(db_path: Path) -> None:
    make_journeymap_file(db_path)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE journeymap_meta SET value = 'other' WHERE key = 'app'")
    conn.close()
    assert_refused_untouched(db_path, "not written by journeymap")


def test_a_corrupt_sqlite_file_is_refused_and_unchanged(db_path: Path) -> None:
    make_journeymap_file(db_path)
    data = bytearray(db_path.read_bytes())
    data[100:4096] = os.urandom(3996)  # header magic intact, schema page garbage
    db_path.write_bytes(bytes(data))
    assert_refused_untouched(db_path, "cannot be read|not written by journeymap")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        Store(tmp_path)


def make_version_1(path: Path) -> int:
    """Schema 1 by hand: today's tables minus the facilitation columns of workshop."""
    wid = make_journeymap_file(path)
    conn = sqlite3.connect(path)
    with conn:
        for column in FACILITATION:
            conn.execute(f'ALTER TABLE workshop DROP COLUMN "{column}"')
    conn.close()
    set_version(path, 1)
    assert not set(FACILITATION) & columns(path, "workshop")
    return wid


def test_an_older_file_is_upgraded_on_open_with_its_data_kept(db_path: Path) -> None:
    wid = make_version_1(db_path)
    store = Store(db_path, who="upgrader")
    assert set(FACILITATION) <= columns(db_path, "workshop")
    journey = store.load(wid)
    assert journey.workshop.title == "Lockout [bold]"
    assert journey.workshop.votes_revealed is False
    assert journey.workshop.timer_step == "" and journey.workshop.timer_ends_at is None
    assert [p.description for p in journey.pain_points] == ["loop"]
    assert len(journey.stages) == 6
    # the new columns work for edits, and the file now says it is current
    store.update(Workshop, wid, votes_revealed=True, timer_step="stages")
    store.close()
    conn = sqlite3.connect(db_path)
    meta = dict(conn.execute("SELECT key, value FROM journeymap_meta"))
    conn.close()
    assert meta["schema_version"] == str(SCHEMA_VERSION)
    again = Store(db_path).get_workshop(wid)
    assert again.votes_revealed is True and again.timer_step == "stages"


def test_an_older_file_is_not_upgraded_by_an_observer(db_path: Path) -> None:
    make_version_1(db_path)
    before = sha(db_path)
    with pytest.raises(StoreError, match="older journeymap; open it once as a lead"):
        Store(db_path, read_only=True)
    assert sha(db_path) == before


def test_a_truncated_copy_of_a_wal_file_is_refused_without_side_files(tmp_path: Path) -> None:
    """A WAL-mode file read even read-only grows -wal/-shm; a refused file must not."""
    real = tmp_path / "real.db"
    store = Store(real, who="maker")
    for n in range(40):
        store.create_workshop(title=f"w{n}" * 50)
    store.close()
    with sqlite3.connect(real) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(real.read_bytes()[:4096])
    assert truncated.read_bytes()[18:20] == b"\x02\x02"  # still says "WAL mode"
    assert_refused_untouched(truncated, "cannot be read")


@pytest.mark.parametrize("name", ["a#b.db", "q?x=1.db", "pct%20.db", "sp ace.db"])
def test_file_names_with_uri_characters_stay_file_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with Store(path, who="t") as store:
        wid = store.create_workshop(title="x").id
    assert path.exists() and sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == [
        name]
    with Store(path) as again:
        assert again.get_workshop(int(wid or 0)).title == "x"


SOURCE_TABLES = ("stage", "touchpoint", "painpoint", "hypothesiscard", "handoff")


def test_a_version_2_file_gets_the_source_column_and_keeps_its_rows(db_path: Path) -> None:
    wid = make_journeymap_file(db_path)
    conn = sqlite3.connect(db_path)
    with conn:
        for table in SOURCE_TABLES:
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "source"')
    conn.close()
    set_version(db_path, 2)
    store = Store(db_path, who="upgrader")
    assert all("source" in columns(db_path, t) for t in SOURCE_TABLES)
    journey = store.load(wid)
    assert [p.source for p in journey.pain_points] == [""]
    assert [s.source for s in journey.stages] == [""] * 6
    store.close()


def _declared(path: Path, table: str, column: str) -> tuple[str, int]:
    conn = sqlite3.connect(path)
    try:
        row = next(r for r in conn.execute(f'PRAGMA table_info("{table}")') if r[1] == column)
    finally:
        conn.close()
    return row[2], row[3]  # type, NOT NULL (the default is the model's, not the file's)


def test_version_5_source_columns_come_from_the_generic_adder(db_path: Path,
                                                              tmp_path: Path) -> None:
    """Version 5 only added ``source`` columns: the column adder that every upgrade runs
    first declares them exactly as a new file does, so version 5 has no step of its own
    (it used to have one that always found the columns already there).  NOT NULL too:
    existing rows get the model's default, and no NULL can be written later."""
    assert 5 not in schema.STEPS
    make_journeymap_file(db_path)
    conn = sqlite3.connect(db_path)
    with conn:
        for table in SOURCE_TABLES:
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "source"')
    conn.close()
    set_version(db_path, 4)
    with Store(db_path, who="upgrader"):
        pass
    new = tmp_path / "new.db"
    with Store(new, who="maker"):
        pass
    for table in SOURCE_TABLES:
        assert _declared(db_path, table, "source") == _declared(new, table, "source")


# Session 3's journeymap wrote schema 8 files without these two columns; a later change added
# them to the models without a new version, so such a file opened but failed on first use
# ("no such column: ticketsource.data_until").
RELEASED_8_LACKS = (("ticketsource", "data_until"), ("reading", "counts"))


def test_a_schema_8_file_without_the_later_ticket_columns_is_upgraded(db_path: Path) -> None:
    wid = make_journeymap_file(db_path)
    conn = sqlite3.connect(db_path)
    with conn:
        for table, column in RELEASED_8_LACKS:
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    conn.close()
    set_version(db_path, 8)
    with Store(db_path, who="upgrader") as store:
        journey = store.load(wid)
        assert journey.workshop.title == "Lockout [bold]"
        assert journey.readings == [] and journey.ticket_sources == []
    for table, column in RELEASED_8_LACKS:
        assert column in columns(db_path, table)


def test_the_columns_of_this_schema_version_are_written_down(db_path: Path) -> None:
    """A column added to the models needs a new SCHEMA_VERSION (and an entry here): files
    stamped with the current version are trusted to have every column, so none is added."""
    from tests.models.schema_columns import COLUMNS

    with Store(db_path, who="maker"):
        pass
    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    conn.close()
    found = {t: sorted(columns(db_path, t)) for t in sorted(tables)}
    assert SCHEMA_VERSION in COLUMNS, f"write down the columns of schema {SCHEMA_VERSION}"
    assert found == COLUMNS[SCHEMA_VERSION]
