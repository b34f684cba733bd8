"""Opening a workshop file (models/db/store.py ``Store``), as seats sharing it rely on:
the file is in WAL mode so readers never block the writer, an observer's store reads and
writes nowhere (not even the journal mode), a reading command never creates a file, a
creation that fails leaves nothing behind, a busy or refusing database is one sentence,
and another seat's commit is noticed through ``data_version``.  Before this file these
were reached mostly through CLI and Textual tests (issue 20)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import models.db.store as store_module
from models.db import dbfile, schema
from models.db.schema import StoreError
from models.db.store import ReadOnlyError, Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop
from tests.models.damaged_file import damage


def _journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def _made(path: Path) -> int:
    with Store(path, who="maker") as store:
        return int(store.create_workshop(title="Login lockout").id or 0)


def test_a_new_file_is_in_wal_mode_with_foreign_keys_and_a_busy_wait(db_path: Path) -> None:
    store = Store(db_path, who="tester")
    store.create_workshop(title="Login lockout")
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert raw.execute("PRAGMA query_only").fetchone()[0] == 0
    store.close()
    assert _journal_mode(db_path) == "wal"


def test_an_observer_store_is_query_only_and_leaves_the_journal_mode_alone(
        tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    wid = _made(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    observer = Store(path, who="Olga", read_only=True)
    assert observer.get_workshop(wid).title == "Login lockout"
    with observer.engine.connect() as c:
        raw = c.connection.dbapi_connection
        assert raw is not None
        assert raw.execute("PRAGMA query_only").fetchone()[0] == 1
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 15000
    with pytest.raises(ReadOnlyError) as exc:
        observer.update(Workshop, wid, title="changed")
    assert str(exc.value) == "Observers cannot change the workshop."
    with pytest.raises(ReadOnlyError):
        observer.add(PainPoint(workshop_id=wid, description="x"))
    with pytest.raises(ReadOnlyError):
        observer.delete_workshop(wid)
    observer.data_version()
    observer.close()
    assert _journal_mode(path) == "delete"
    assert not Path(f"{path}-wal").exists()


def test_an_observer_of_an_older_file_is_sent_to_a_lead(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _made(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE journeymap_meta SET value = ? WHERE key = 'schema_version'",
                     (str(schema.SCHEMA_VERSION - 1),))
    conn.close()
    with pytest.raises(StoreError) as exc:
        Store(path, read_only=True)
    assert str(exc.value) == (f"{path} was made by an older journeymap; open it once as a "
                              "lead or participant to upgrade it, then observers can join.")
    with Store(path, who="lead") as lead:  # the lead's open upgrades it
        assert lead.list_workshops()[0].title == "Login lockout"
    with Store(path, read_only=True) as observer:
        assert observer.list_workshops()[0].title == "Login lockout"


def test_an_observer_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError) as exc:
        Store(path, read_only=True)
    assert str(exc.value) == f"{path} has no journeymap workshops to observe yet."
    assert not path.exists()


def test_a_failed_creation_leaves_no_file_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "full-disk.db"

    def disk_full(_conn: object) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(schema, "create_all", disk_full)
    with pytest.raises(StoreError) as exc:
        Store(path)
    assert str(exc.value) == (f"Cannot create a database at {path} (No space left on "
                              "device); nothing was left behind.")
    assert sorted(tmp_path.iterdir()) == []


def test_a_failed_creation_keeps_the_empty_file_it_was_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.db"
    path.write_bytes(b"")  # made by the user (touch), not by journeymap

    def disk_full(_conn: object) -> None:
        raise OSError("No space left on device.")

    monkeypatch.setattr(schema, "create_all", disk_full)
    with pytest.raises(StoreError, match=r"\(No space left on device\); nothing was left"):
        Store(path)
    assert path.exists()
    monkeypatch.undo()
    with Store(path, who="again") as store:  # room on the disk again: it is a new file
        assert store.list_workshops() == []


def test_a_folder_that_cannot_be_made_is_one_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as exc:
        Store(blocker / "sub" / "w.db")
    assert str(exc.value).startswith(f"Cannot create the folder for {blocker}/sub/w.db: ")
    assert str(exc.value).endswith(".") and "\n" not in str(exc.value)


def test_a_refused_change_is_one_sentence_and_changes_nothing(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_path, who="tester")
    wid = int(store.create_workshop(title="Before").id or 0)
    with pytest.raises(StoreError) as exc, store.write() as s:
        row = s.get(Workshop, wid)
        assert row is not None
        row.title = "After"
        s.flush()
        s.connection().exec_driver_sql("INSERT INTO no_such_table VALUES (1)")
    assert str(exc.value) == "The database refused the change: no such table: no_such_table."
    assert store.get_workshop(wid).title == "Before"
    store.close()


def test_another_seats_commit_moves_data_version_and_reading_does_not(db_path: Path) -> None:
    mine, theirs = Store(db_path, who="a"), Store(db_path, who="b")
    wid = int(mine.create_workshop(title="Lockout").id or 0)
    first = mine.data_version()
    mine.list_workshops()
    theirs.load(wid)
    assert mine.data_version() == first
    theirs.update(Workshop, wid, title="Changed")
    assert mine.data_version() != first
    assert mine.wake_on(wid, lambda: None) is False  # a file has no push; seats poll
    mine.close()
    theirs.close()


def test_an_observer_sees_another_seats_commit(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    wid = _made(path)
    lead = Store(path, who="lead")
    observer = Store(path, read_only=True)
    first = observer.data_version()
    lead.update(Workshop, wid, title="Changed")
    assert observer.data_version() != first
    assert observer.get_workshop(wid).title == "Changed"
    observer.close()
    lead.close()


def test_a_damaged_file_refuses_the_integrity_check_and_every_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.db"
    wid = _made(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    store = Store(path, who="tester")
    store.check_integrity()  # a sound file passes
    store.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 + 8: 4096 * 2 + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))
    monkeypatch.setattr(dbfile, "QUICK_CHECK_MAX_BYTES", 1)  # too big to check on open
    store = Store(path, who="tester", read_only=False)
    assert store.where == str(path) and store.damage is None
    with pytest.raises(StoreError, match=f"^{path} is damaged"):
        store.check_integrity()
    with pytest.raises(StoreError, match=f"^{path} is damaged"):
        store.update(Workshop, wid, title="x")
    store.close()


def test_busy_names_the_wait_in_seconds(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_path, who="tester")
    wid = int(store.create_workshop(title="before").id or 0)
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 1.0)
    impatient = Store(db_path, who="impatient")
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as exc:
            impatient.update(Workshop, wid, title="after")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert str(exc.value) == ("The database is busy: another journeymap kept it locked for "
                              "1 s; try the change again.")
    impatient.close()
    store.close()


def test_an_older_file_too_big_for_the_quick_check_is_checked_in_full_before_its_upgrade(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # opening a big file skips the quick check (it would take minutes), but an upgrade
    # rewrites tables, so it first runs the full check whatever the size: a damaged
    # older file is refused and left as it was
    path = tmp_path / "old.db"
    damage(path, schema_version="2")  # the change log's b-tree page made invalid
    monkeypatch.setattr(dbfile, "QUICK_CHECK_MAX_BYTES", path.stat().st_size - 1)
    assert dbfile.health_problem(path) is None  # too big for the check on open
    before = path.read_bytes()
    with pytest.raises(StoreError, match="is damaged"):
        Store(path, who="x")
    assert path.read_bytes() == before


def test_a_database_error_during_creation_is_one_sentence_in_sqlites_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLAlchemy wraps the driver's error with the SQL and a web link over three lines;
    # the person sees SQLite's own words only
    from sqlalchemy.exc import OperationalError

    path = tmp_path / "io.db"

    def io_error(_conn: object) -> None:
        raise OperationalError("CREATE TABLE workshop (id INTEGER)", {},
                               sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(schema, "create_all", io_error)
    with pytest.raises(StoreError) as exc:
        Store(path)
    assert str(exc.value) == (f"Cannot create a database at {path} (disk I/O error); "
                              "nothing was left behind.")
    assert sorted(tmp_path.iterdir()) == []
