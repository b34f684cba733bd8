"""Tidying a read-only look's side files never loses an editor's commit nor disturbs it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db import side_files
from models.db.dbfile import read_only_uri
from models.db.store import Store
from models.db.tables.workshop import Workshop
from tests.helpers import build_workshop


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def read_closed_file(db: Path) -> tuple[int, sqlite3.Connection]:
    """A workshop in a file its editor closed, and a read-only look at it, still open."""
    with Store(db, who="lead") as first:
        wid = build_workshop(first)
    reader = sqlite3.connect(read_only_uri(db), uri=True)
    reader.execute("SELECT count(*) FROM workshop").fetchone()
    return wid, reader


def test_an_editor_still_open_keeps_its_side_files_and_its_commit(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    wid, reader = read_closed_file(db)
    editor = Store(db, who="lead")
    try:
        editor.update(Workshop, wid, title="Renamed while read")
        reader.close()
        side_files.leave_as_found()  # the reader's process exits: the editor is still there
        assert names(tmp_path) == ["team.db", "team.db-shm", "team.db-wal"]
        assert editor.load(wid).workshop.title == "Renamed while read"
    finally:
        editor.close()
    assert names(tmp_path) == ["team.db"]


def test_a_commit_left_in_the_wal_reaches_the_file_before_it_goes(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    wid, reader = read_closed_file(db)
    with Store(db, who="lead") as editor:  # closes while the reader is open: no checkpoint
        editor.update(Workshop, wid, title="Committed, in the WAL")
    assert (tmp_path / "team.db-wal").stat().st_size > 0
    reader.close()
    side_files.leave_as_found()
    assert names(tmp_path) == ["team.db"]
    copy = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    try:
        title = copy.execute("SELECT title FROM workshop WHERE id = ?", (wid,)).fetchone()[0]
    finally:
        copy.close()
    assert title == "Committed, in the WAL"
