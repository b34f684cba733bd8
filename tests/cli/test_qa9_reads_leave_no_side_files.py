"""A command that only reads leaves the folder as it found it: no ``-wal``, no ``-shm`` (qa9).

Why: reading a WAL-mode file through a ``mode=ro`` connection makes SQLite create
``team.db-wal`` and ``team.db-shm``, and a read-only connection cannot remove them.
So ``list``, ``show``, ``export`` to stdout, and a refused ``templates save`` (it
reads before it checks the role) each left two files behind on an idle file, owned by
whoever ran them: a refused command wrote something after all, and a copy of the
folder looked like a database in use.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.fixture(scope="module")
def idle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("box") / "team.db"
    made = run(db, "new", "--template", "login-lockout", "--persona", "p", "--scenario", "s")
    assert made.returncode == 0, made.stderr
    return db


@pytest.mark.parametrize("args", [("list",), ("show", "1"), ("export", "1", "--format", "csv"),
                                  ("log", "1"), ("who", "1")])
def test_a_read_leaves_only_the_database_file(idle: Path, args: tuple[str, ...]) -> None:
    before = idle.read_bytes()
    done = run(idle, *args)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in idle.parent.iterdir()) == ["team.db"]
    assert idle.read_bytes() == before


def test_a_read_only_connection_still_writes_nothing(idle: Path) -> None:
    """The reader may open the file read-write (so it can tidy its side files), but
    every statement that would write is refused by SQLite itself (``query_only``)."""
    import sqlite3

    from models.db.dbfile import _connect_ro

    conn = _connect_ro(idle)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM workshop")
    conn.close()
    assert sorted(p.name for p in idle.parent.iterdir()) == ["team.db"]
