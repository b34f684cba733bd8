"""A reader's check of the file never opens the database file while side files exist.

Found measuring session 17's observer files: ``dbfile.tidy_reader`` read the file's
header with a plain ``open``/``close`` on every call, and a read-only seat asks it at
every poll (``Store.data_version``).  Closing any descriptor of the file drops every
POSIX lock the process holds on it, SQLite's included ("How To Corrupt An SQLite
Database", 2.2): an editor closing next then took itself for the last connection and
removed the ``-wal``/``-shm`` the reader still had open.  With a side file present the
reader is not the last to close anyway, so the header need not be read at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db import dbfile
from models.db.store import Store


def watch_opens(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path ``Path.open`` opens from now on, in order."""
    opened: list[Path] = []
    real = Path.open

    def watched(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watched)
    return opened


def test_no_header_read_while_an_editor_has_the_file_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as editor:
        editor.create_workshop(title="Open")
        assert Path(f"{db}-shm").exists()
        opened = watch_opens(monkeypatch)
        assert dbfile.tidy_reader(db) is False
        assert dbfile.read_only_uri(db).endswith("?mode=ro")
        assert db not in opened, "the database file was opened (and closed) beside SQLite"


def test_an_idle_file_is_still_read_tidily(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as editor:
        editor.create_workshop(title="Idle")
    assert dbfile.tidy_reader(db) is True


def test_a_light_read_beside_an_open_seat_does_not_open_the_file_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Tracker's and the exports' light reads (``dbfile.open_current``) run in a seat
    whose own store has the file open: their check of the SQLite header dropped its locks."""
    db = tmp_path / "team.db"
    with Store(db, who="lea") as editor:
        editor.create_workshop(title="Open")
        opened = watch_opens(monkeypatch)
        conn = dbfile.open_current(db)
        assert conn is not None
        conn.close()
        assert db not in opened, "the database file was opened (and closed) beside SQLite"
