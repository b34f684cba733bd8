"""The file check before anything opens (models/db/dbfile.py), as a user meets it: a file
of a newer journeymap, of another program or not a database at all is refused in one
sentence and left untouched; a mistyped path never leaves an empty file behind; an
observer is told what to do with an older or empty file; a damaged file names how to
recover.  ``check_openable`` (what ``journeymap open`` checks before the app starts) was
called by no domain test before (issue 20)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from models.db import dbfile
from models.db.dbfile import FileState, StoreError
from models.db.store import Store


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _made(path: Path, *, version: int | None = None) -> int:
    """A closed journeymap file with one workshop (schema ``version`` if given)."""
    store = Store(path, who="maker")
    wid = int(store.create_workshop(title="Login lockout").id or 0)
    store.close()
    if version is not None:
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE journeymap_meta SET value = ? WHERE key = 'schema_version'",
                         (str(version),))
        conn.close()
    return wid


def _meta(path: Path, **values: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for key, value in values.items():
            conn.execute("UPDATE journeymap_meta SET value = ? WHERE key = ?", (value, key))
    conn.close()


# -- what a file is --------------------------------------------------------------------


def test_a_current_file_an_older_one_and_nothing_at_all(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    assert dbfile.inspect_file(path) == (FileState.NEW, 0)
    path.write_bytes(b"")
    assert dbfile.inspect_file(path) == (FileState.NEW, 0)
    path.unlink()
    _made(path)
    assert dbfile.inspect_file(path) == (FileState.CURRENT, dbfile.SCHEMA_VERSION)
    _meta(path, schema_version=str(dbfile.SCHEMA_VERSION - 1))
    assert dbfile.inspect_file(path) == (FileState.OLDER, dbfile.SCHEMA_VERSION - 1)


def test_an_sqlite_file_without_tables_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 1").connection.close()
    assert path.stat().st_size > 0
    assert dbfile.inspect_file(path) == (FileState.NEW, 0)


def test_a_file_of_a_newer_journeymap_is_refused_untouched_naming_both_versions(
        tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    _made(path, version=dbfile.SCHEMA_VERSION + 1)
    before = _sha(path)
    with pytest.raises(StoreError) as exc:
        Store(path)
    assert str(exc.value) == (
        f"{path} was written by a newer journeymap (schema {dbfile.SCHEMA_VERSION + 1}, this "
        f"one reads up to {dbfile.SCHEMA_VERSION}); it was left untouched. Upgrade "
        "journeymap to open it.")
    assert _sha(path) == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


@pytest.mark.parametrize(("app", "version", "said"), [
    ("otherapp", None, f"was not written by journeymap; {dbfile.UNREADABLE}"),
    ("journeymap", "eight", f"has an unreadable schema version; {dbfile.UNREADABLE}"),
])
def test_a_meta_table_that_is_not_ours_is_refused(tmp_path: Path, app: str,
                                                  version: str | None, said: str) -> None:
    path = tmp_path / "odd.db"
    _made(path)
    _meta(path, app=app, **({"schema_version": version} if version else {}))
    with pytest.raises(StoreError) as exc:
        dbfile.inspect_file(path)
    assert str(exc.value) == f"{path} {said}"


def test_a_journeymap_file_without_a_version_is_the_oldest(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _made(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM journeymap_meta WHERE key = 'schema_version'")
    conn.close()
    assert dbfile.inspect_file(path) == (FileState.OLDER, 0)


def test_other_files_are_refused_in_words_that_say_why(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("SQLite format 2 but not really")
    with pytest.raises(StoreError) as exc:
        dbfile.inspect_file(text)
    assert str(exc.value) == (f"{text} is not a journeymap database (it is not an SQLite "
                              "file); it was left untouched. Choose another file with --db.")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError) as exc:
        dbfile.inspect_file(other)
    assert str(exc.value) == (f"{other} is an SQLite database of another application, not "
                              "journeymap; it was left untouched. Choose another file with "
                              "--db.")


@pytest.mark.parametrize("name", ["   ", "-", " - "])
def test_a_blank_name_or_a_dash_is_a_mistyped_option(name: str) -> None:
    with pytest.raises(StoreError) as exc:
        dbfile.check_path(Path(name))
    assert str(exc.value) == (f"{name!r} is not a database file name; give --db (or "
                              "JOURNEYMAP_DB) a real path.")


def test_paths_that_can_never_hold_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as exc:
        dbfile.check_path(tmp_path)
    assert str(exc.value) == f"{tmp_path} is a directory, not a database file."
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(StoreError) as exc:
        dbfile.check_path(fifo)
    assert str(exc.value) == (f"{fifo} is a FIFO, not a regular file, so it cannot hold a "
                              "journeymap database; choose another --db path.")
    with pytest.raises(StoreError, match="^/dev/null is a device, not a regular file"):
        dbfile.check_path(Path("/dev/null"))
    dangling = tmp_path / "dangling.db"
    dangling.symlink_to(tmp_path / "gone.db")
    with pytest.raises(StoreError) as exc:
        dbfile.check_path(dangling)
    assert str(exc.value) == (f"{dangling} is a symbolic link to a missing file; choose "
                              "another --db path.")
    loop = tmp_path / "loop.db"
    loop.symlink_to(loop)
    with pytest.raises(StoreError) as exc:
        dbfile.check_path(loop)
    assert str(exc.value) == f"{loop} is a symbolic link loop, not a database file."


def test_a_missing_file_or_one_under_a_file_is_simply_not_there(tmp_path: Path) -> None:
    assert dbfile.check_path(tmp_path / "missing.db") is None
    plain = tmp_path / "plain"
    plain.write_text("x")
    assert dbfile.check_path(plain / "under.db") is None
    info = dbfile.check_path(plain)
    assert info is not None and info.st_size == 1


def test_a_refused_file_leaves_no_side_files_it_did_not_find(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    _made(path, version=dbfile.SCHEMA_VERSION + 5)
    wal = Path(f"{path}-wal")
    with pytest.raises(StoreError):
        dbfile.inspect_file(path)
    assert not wal.exists() and not Path(f"{path}-shm").exists()
    wal.write_bytes(b"kept")  # someone else's side file stays
    with pytest.raises(StoreError):
        dbfile.inspect_file(path)
    assert wal.read_bytes() == b"kept"


# -- opening before the app starts ---------------------------------------------------------


def test_check_openable_says_what_the_store_would_say(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    with pytest.raises(StoreError) as exc:
        dbfile.check_openable(path)
    assert str(exc.value) == (f"There is no journeymap database at {path}; create one with "
                              "`journeymap new`, `journeymap demo` or `journeymap import`.")
    assert not path.exists()  # a mistyped path leaves nothing behind
    with pytest.raises(StoreError) as exc:
        dbfile.check_openable(path, read_only=True)
    assert str(exc.value) == f"{path} has no journeymap workshops to observe yet."
    wid = _made(path)
    assert dbfile.check_openable(path) == path
    assert dbfile.check_openable(str(path), wid, read_only=True) == path
    with pytest.raises(StoreError) as exc:
        dbfile.check_openable(path, wid + 1)
    assert str(exc.value) == f"There is no workshop {wid + 1} in {path}."
    with pytest.raises(StoreError, match=f"^There is no workshop 0 in {path}"):
        dbfile.check_openable(path, 0)


def test_check_openable_sends_an_observer_of_an_older_file_to_a_lead(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    wid = _made(path, version=dbfile.SCHEMA_VERSION - 1)
    assert dbfile.check_openable(path, wid) == path  # a lead or participant upgrades it
    with pytest.raises(StoreError) as exc:
        dbfile.check_openable(path, wid, read_only=True)
    assert str(exc.value) == (f"{path} was made by an older journeymap; open it once as a "
                              "lead or participant to upgrade it, then observers can join.")


def test_check_openable_without_a_path_reads_journeymap_db(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.db"
    monkeypatch.setenv("JOURNEYMAP_DB", str(path))
    _made(path)
    assert dbfile.check_openable(None) == path
    assert dbfile.default_target() == path
    monkeypatch.setenv("JOURNEYMAP_DB", "postgresql://u@host/db")
    assert dbfile.default_target() == "postgresql://u@host/db"
    monkeypatch.setenv("JOURNEYMAP_DB", "")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert dbfile.default_db_path().name == "journeymap.db"
    assert "journeymap" in dbfile.default_db_path().parent.name


def test_check_openable_refuses_a_table_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    _made(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE workshop")
    conn.close()
    with pytest.raises(StoreError) as exc:
        dbfile.check_openable(path, 1)
    assert str(exc.value).startswith(f"{path} cannot be read as a journeymap database (")
    assert str(exc.value).endswith(f"); {dbfile.UNREADABLE}")


@pytest.mark.parametrize("url", ["postgresql://u@h/d", "postgres://u@h/d",
                                 "postgresql+psycopg://u@h/d"])
def test_server_urls_are_not_files(url: str) -> None:
    assert dbfile.is_url(url)
    assert not dbfile.is_url(Path("postgresql://u@h/d")) and not dbfile.is_url("mysql://x")


# -- reading without writing -----------------------------------------------------------------


def test_a_read_only_uri_quotes_the_name_and_is_immutable_only_without_write_access(
        tmp_path: Path) -> None:
    path = tmp_path / "a?b#c%.db"
    path.write_bytes(b"")
    assert dbfile.read_only_uri(path) == f"file:{tmp_path}/a%3Fb%23c%25.db?mode=ro"
    path.chmod(0o444)
    try:
        if not os.access(path, os.W_OK):  # root writes anything
            assert dbfile.read_only_uri(path).endswith("?mode=ro&immutable=1")
    finally:
        path.chmod(0o644)


def test_an_account_that_cannot_write_the_file_or_its_folder_reads_it_immutable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without write access SQLite cannot make the ``-shm`` a WAL file needs, so such a
    reader opens the file as immutable (os.access decides; root may write anything)."""
    path = tmp_path / "w.db"
    path.write_bytes(b"")
    for folder_ok, file_ok in ((False, True), (True, False), (False, False)):
        monkeypatch.setattr(dbfile, "writable",
                            lambda p, f=folder_ok, g=file_ok: f if p == tmp_path else g)
        assert dbfile.read_only_uri(path).endswith("?mode=ro&immutable=1")
    monkeypatch.setattr(dbfile, "writable", lambda p: True)
    assert dbfile.read_only_uri(path).endswith("?mode=ro")


def test_the_health_check_names_the_first_problem(tmp_path: Path) -> None:
    assert dbfile.health_problem(tmp_path / "missing.db") is None
    path = tmp_path / "w.db"
    path.write_bytes(b"")
    assert dbfile.health_problem(path) is None
    path.unlink()
    _made(path)
    assert dbfile.health_problem(path) is None
    assert dbfile.health_problem(path, full=True) is None
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 + 8: page * 2 + 40] = b"\xff" * 32  # scramble a b-tree page header
    path.write_bytes(bytes(data))
    problem = dbfile.health_problem(path, full=True)
    assert problem and "\n" not in problem and problem != "ok"


def test_a_file_over_the_quick_check_limit_is_checked_only_in_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "w.db"
    _made(path)
    data = bytearray(path.read_bytes())
    data[4096 * 2 + 8: 4096 * 2 + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))
    monkeypatch.setattr(dbfile, "QUICK_CHECK_MAX_BYTES", path.stat().st_size)
    assert dbfile.health_problem(path) is not None  # at the limit: still checked
    monkeypatch.setattr(dbfile, "QUICK_CHECK_MAX_BYTES", path.stat().st_size - 1)
    assert dbfile.health_problem(path) is None
    assert dbfile.health_problem(path, full=True) is not None


def test_the_damage_sentence_says_how_to_recover(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    said = str(dbfile.damaged(path, "x" * 500))
    assert said == (
        f"{path} is damaged ({'x' * 120}), so journeymap will not write to it; recover by "
        "importing your latest JSON backup into a new file with `journeymap --db NEW.db "
        "import BACKUP.json` (reading still works, so `export ID --format json` may save "
        "what is left).")


def test_a_read_of_a_file_store_never_creates_it(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="^There is no journeymap database at"):
        Store(path, create=False)
    assert not path.exists()
    store = Store(path)
    assert store.list_workshops() == []
    store.close()
    with Store(path, create=False) as again:
        assert again.list_workshops() == []
