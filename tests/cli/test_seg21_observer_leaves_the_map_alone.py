"""What an observer's commands guarantee about the map's file and its folder (seg21).

Measured in session 17 (docs/security.md): every command of an observer, read or
refused write, leaves the map file's bytes and modification time as they were, and the
folder holds the same names afterwards.  While another seat has the map open (its
``-wal``/``-shm`` exist) nothing in the folder is created or removed, so the folder's own
modification time stays too.  With no seat open SQLite must create ``-shm`` (and
``-wal``) to read a WAL-mode file, and the command removes them as it closes: the
folder's modification time moves then, and this test does not hold it.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import observed_by_olga

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = [("export", "{w}"), ("tracker",), ("export", "{w}", "-o", "{o}"), ("undo", "{w}")]
REFUSED = ("undo",)
# Each command in a process of its own, as a person runs it (its exit closes what it
# opened), as the account olga.
AS_OLGA = ("import sys; from models.db import access, store; access.current_account = "
           "lambda: 'olga'; store.current_account = lambda: 'olga'; from tui.cli.main import "
           "main; sys.argv = ['journeymap', *sys.argv[1:]]; main()")
EDITOR = ("import sys, time; from models.db.store import Store; s = Store(sys.argv[1], who='lea');"
          " s.load(int(sys.argv[2])); print('open', flush=True); sys.stdin.read()")


def _state(db: Path) -> tuple[str, int, list[str]]:
    return (hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns,
            sorted(p.name for p in db.parent.iterdir()))


@pytest.fixture
def observed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """lea's map in a folder of its own, and the account olga seated as its observer."""
    db = tmp_path / "box" / "team.db"
    db.parent.mkdir()
    return db, observed_by_olga(db, monkeypatch)


def _run_all(db: Path, wid: int, out: Path) -> Iterator[tuple[tuple[str, ...], int, str]]:
    for args in COMMANDS:
        command = [a.format(w=wid, o=out) for a in args]
        done = subprocess.run([sys.executable, "-c", AS_OLGA, "--db", str(db), *command],
                              cwd=ROOT, capture_output=True, text=True, timeout=120,
                              check=False)
        yield args, done.returncode, done.stderr


def test_an_observer_leaves_the_map_file_as_it_was(observed: tuple[Path, int],
                                                   tmp_path: Path) -> None:
    db, wid = observed
    before = _state(db)
    for args, code, err in _run_all(db, wid, tmp_path / "mine.md"):
        assert "Traceback" not in err, args
        assert _state(db) == before, args
        assert code == (1 if args[0] in REFUSED or "-o" in args else 0), (args, err)
        assert ("observer" in err) == bool(code), (args, err)


def test_with_a_seat_open_nothing_in_the_folder_is_created_or_removed(
        observed: tuple[Path, int], tmp_path: Path) -> None:
    db, wid = observed
    editor = subprocess.Popen([sys.executable, "-c", EDITOR, str(db), str(wid)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert editor.stdout is not None and editor.stdout.readline().strip() == "open"
        before, folder = _state(db), db.parent.stat().st_mtime_ns
        assert {"team.db-wal", "team.db-shm"} <= set(before[2])
        for args, _code, err in _run_all(db, wid, tmp_path / "mine.md"):
            assert "Traceback" not in err, args
            assert _state(db) == before and db.parent.stat().st_mtime_ns == folder, args
    finally:
        editor.communicate("", timeout=60)
