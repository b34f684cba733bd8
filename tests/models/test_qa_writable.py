"""Fresh-eyes QA (session 5): a file whose folder (or itself) this account cannot write.

Found on a read-only mount: `new` and `open` as a lead failed with "unexpected error:
OperationalError: (sqlite3.OperationalError) unable to open database file" and
SQLAlchemy's link on a second line (the app: "journeymap cannot start: (sqlite3…").
SQLite keeps NAME-wal and NAME-shm beside the file, so an editing seat needs the folder;
reading (observers, `show`, `export`) still works.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.db import dbfile
from models.db.schema import StoreError
from models.db.store import Store


def made(tmp_path: Path) -> Path:
    db = tmp_path / "team" / "team.db"
    with Store(db, who="lea") as store:
        store.create_workshop(title="Lockout")
    for side in ("-wal", "-shm"):
        Path(f"{db}{side}").unlink(missing_ok=True)
    return db


def deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    real = dbfile.writable
    monkeypatch.setattr(dbfile, "writable", lambda p: Path(p) != denied and real(p))


@pytest.mark.parametrize("which", ["folder", "file"])
def test_an_editing_seat_is_told_in_one_sentence(tmp_path: Path, which: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = made(tmp_path)
    deny(monkeypatch, db.parent if which == "folder" else db)
    with Store(db, who="lea") as store:
        with pytest.raises(StoreError) as info:
            store.create_workshop(title="Second")
        assert [w.title for w in store.list_workshops()] == ["Lockout"]
    message = str(info.value)
    assert "\n" not in message and "sqlalche" not in message and "OperationalError" not in message
    assert str(db.parent if which == "folder" else db) in message
    assert "chmod" in message and "--role observer" not in message  # what to fix (qa11b)
    with Store(db, who="kim", read_only=True) as reader:  # reading still works
        assert [w.title for w in reader.list_workshops()] == ["Lockout"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="root writes into a read-only folder anyway")
def test_a_real_read_only_folder(tmp_path: Path) -> None:
    db = made(tmp_path)
    db.parent.chmod(0o555)
    try:
        with pytest.raises(StoreError, match="cannot write in"):
            with Store(db, who="lea") as store:
                store.create_workshop(title="Second")
    finally:
        db.parent.chmod(0o755)
