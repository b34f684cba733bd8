"""A database file replaced (or deleted) under an open seat stops that seat's writes (qa17).

Found from outside in session 14: an administrator restored a backup with
`mv restored.db team.db` while a seat had `team.db` open.  The seat went on writing
without a word into the file it had open, through the `team.db-wal` that now stood
beside the restored file, so the next reader of `team.db` saw the seat's edit over
the restored workshop ("Backup copy" read "edit2 after replace").  The seat now
compares the file it opened with the one on disk before every write, as it does for
its `-wal` and `-shm`, and refuses in one sentence.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from models.db.dbfile import StoreError
from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop


def _restored(tmp_path: Path) -> Path:
    backup = tmp_path / "restored.db"
    with Store(backup, who="lea", create=True) as store:
        store.create_workshop(title="Backup copy")
    return backup


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT title FROM workshop ORDER BY id")]


def _checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_file_replaced_after_the_seats_first_write_refuses_the_next(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    backup = _restored(tmp_path)
    seat = Store(db, who="lea", create=True)
    wid = int(seat.create_workshop(title="Live").id or 0)
    seat.update(Workshop, wid, title="edit1")
    _checkpoint(db)
    os.replace(backup, db)
    with pytest.raises(StoreError) as info:
        seat.update(Workshop, wid, title="edit2 after replace")
    message = str(info.value)
    assert "replaced or deleted" in message and str(db) in message and "\n" not in message
    with pytest.raises(StoreError, match="replaced or deleted"):
        seat.add(PainPoint(workshop_id=wid, description="also refused"))
    assert seat.wal_lost
    seat.close()
    assert _titles(db) == ["Backup copy"]


def test_a_file_replaced_before_the_seats_first_write_refuses_it(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea", create=True) as first:
        wid = int(first.create_workshop(title="Live").id or 0)
    backup = _restored(tmp_path)
    seat = Store(db, who="lea")
    assert seat.load(wid).workshop.title == "Live"
    os.replace(backup, db)
    with pytest.raises(StoreError, match="replaced or deleted"):
        seat.update(Workshop, wid, title="written into the old file")
    seat.close()
    assert _titles(db) == ["Backup copy"]


def test_a_deleted_file_refuses_the_next_write(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    seat = Store(db, who="lea", create=True)
    wid = int(seat.create_workshop(title="Live").id or 0)
    os.remove(db)
    with pytest.raises(StoreError, match="replaced or deleted"):
        seat.update(Workshop, wid, title="into nowhere")
    seat.close()


def test_a_file_left_alone_keeps_writing(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea", create=True) as seat:
        wid = int(seat.create_workshop(title="Live").id or 0)
        for n in range(3):
            seat.update(Workshop, wid, title=f"edit{n}")
        assert not seat.wal_lost
    assert _titles(db) == ["edit2"]
