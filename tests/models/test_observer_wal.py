"""An observer who cannot write the folder still sees what the editors wrote.

SQLite keeps the latest commits in ``NAME-wal`` until a checkpoint, and a reader
finds them through ``NAME-shm``.  A read-only account cannot *create* the ``-shm``,
but it can read one an editor's open connection made: then ``mode=ro`` reads the
WAL.  Only when there is no ``-shm`` (no editor has the file open: the last one
checkpointed everything into the main file on closing) is the file read as
``immutable``, and a seat reopens as ``mode=ro`` once an editor appears.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db import dbfile
from models.db.store import Store

REPO = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")
READER = """
import sqlite3, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from models.db.dbfile import read_only_uri
uri = read_only_uri(Path(sys.argv[2]))
print(uri.endswith("immutable=1"),
      sqlite3.connect(uri, uri=True).execute("SELECT count(*) FROM workshop").fetchone()[0])
"""


def _read_as_another_account(folder: Path, db: Path) -> tuple[bool, int]:
    """Read ``db`` as an account that cannot write ``folder``: (immutable?, workshops)."""
    if os.geteuid() == 0:  # root writes anything: read as "nobody" instead
        if not os.access(SYSTEM_PYTHON, os.X_OK) or not os.access(REPO, os.R_OK):
            pytest.skip("no Python the nobody account can run")

        def as_nobody() -> None:
            os.setgid(65534)
            os.setuid(65534)

        out = subprocess.run([str(SYSTEM_PYTHON), "-c", READER, str(REPO), str(db)],
                             capture_output=True, text=True, preexec_fn=as_nobody,
                             check=True, env={"PATH": "/usr/bin"})
    else:
        folder.chmod(0o555)
        try:
            out = subprocess.run([sys.executable, "-c", READER, str(REPO), str(db)],
                                 capture_output=True, text=True, check=True)
        finally:
            folder.chmod(0o755)
    flag, count = out.stdout.split()
    return flag == "True", int(count)


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder everyone may read (pytest's own temp folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="jm-shared-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_reader_without_write_access_sees_commits_still_in_the_wal(shared: Path) -> None:
    db = shared / "j.db"
    with Store(db, who="lead") as editor:
        editor.create_workshop(title="First")
        editor.create_workshop(title="Second, still in the WAL")
        assert Path(f"{db}-wal").stat().st_size > 0
        (db.parent / f"{db.name}-shm").chmod(0o644)
        (db.parent / f"{db.name}-wal").chmod(0o644)
        db.chmod(0o644)
        assert _read_as_another_account(shared, db) == (False, 2)
    # The editor closed: everything is in the main file and the side files are gone.
    assert not Path(f"{db}-shm").exists()
    assert _read_as_another_account(shared, db) == (True, 2)


def test_an_open_observer_seat_sees_edits_made_after_an_editor_arrives(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seat opened while nobody had the file open (immutable); an editor then opens
    and writes: the next poll moves and the next read sees the new rows."""
    with Store(db_path, who="lead") as editor:
        editor.create_workshop(title="Before")
    assert not Path(f"{db_path}-shm").exists()
    denied = [True]  # the observer's account cannot write; the editor's can
    real = dbfile.writable
    monkeypatch.setattr(dbfile, "writable", lambda p: not denied[0] and real(p))

    def as_editor() -> Store:
        denied[0] = False
        try:
            return Store(db_path, who="lead")
        finally:
            denied[0] = True

    observer = Store(db_path, who="watcher", read_only=True)
    try:
        assert [w.title for w in observer.list_workshops()] == ["Before"]
        before = observer.data_version()
        with as_editor() as editor:
            denied[0] = False
            editor.create_workshop(title="After")
            denied[0] = True
            assert observer.data_version() != before
            assert {w.title for w in observer.list_workshops()} == {"Before", "After"}
    finally:
        observer.close()


def test_the_uri_is_immutable_only_while_no_shm_can_be_read(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    db = tmp_path / "j.db"
    sqlite3.connect(db).close()
    monkeypatch.setattr(dbfile, "writable", lambda _p: False)
    assert dbfile.read_only_uri(db).endswith("?mode=ro&immutable=1")
    Path(f"{db}-shm").write_bytes(b"")
    assert dbfile.read_only_uri(db).endswith("?mode=ro")
