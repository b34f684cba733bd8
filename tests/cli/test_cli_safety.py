"""Paths that can never hold a database, and commands that must not create one.

Each is one sentence on stderr, exit 1, and nothing left behind: no empty file at a
mistyped path, no ``/dev/null-journal``, no 0-byte file after a full disk.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tui.cli.main import app

importlib.import_module("tui.cli.workshops")
runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
NEW = ["new", "--template", "blank", "--persona", "p", "--scenario", "s"]


def one_error_line(result: Any, *needles: str) -> None:
    code = result.returncode if isinstance(result, subprocess.CompletedProcess) else (
        result.exit_code)
    assert code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("journeymap: ") and "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("command", [["list"], ["show", "1"], ["export", "1", "--format", "md"],
                                     ["plan", "1"], ["open", "1"], ["open"]])
def test_commands_that_only_read_never_create_a_database(tmp_path: Path,
                                                         command: list[str]) -> None:
    db = tmp_path / "typo.db"
    result = runner.invoke(app, ["--db", str(db), *command])
    one_error_line(result, "There is no journeymap database at", str(db))
    assert not db.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [NEW, ["demo", "--no-open"]])
def test_commands_that_create_may_create_the_file(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "fresh.db"
    result = runner.invoke(app, ["--db", str(db), *command])
    assert result.exit_code == 0, result.output
    assert db.exists()


@pytest.mark.parametrize("value", ["   ", "-", ""])
def test_a_blank_or_dash_journeymap_db_is_refused(tmp_path: Path, value: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOURNEYMAP_DB", value)
    result = runner.invoke(app, NEW)
    if value == "":  # unset in effect: the per-user default (XDG_DATA_HOME in tests)
        assert result.exit_code == 0, result.output
    else:
        one_error_line(result, "is not a database file name")
    assert list(tmp_path.iterdir()) == ([] if value else [tmp_path / "xdg"])


def _special_paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    fifo = tmp_path / "fifo.db"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.db"
    loop.symlink_to(loop)
    folder = tmp_path / "folder.db"
    folder.mkdir()
    return {"fifo": (fifo, "is a FIFO, not a regular file"),
            "devnull": (Path("/dev/null"), "is a device, not a regular file"),
            "loop": (loop, "symbolic link loop"),
            "dir": (folder, "is a directory")}


@pytest.mark.parametrize("kind", ["fifo", "devnull", "loop", "dir"])
@pytest.mark.parametrize("command", [["list"], NEW])
def test_a_db_path_that_is_not_a_regular_file_is_one_sentence(tmp_path: Path, kind: str,
                                                              command: list[str]) -> None:
    path, needle = _special_paths(tmp_path)[kind]
    result = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(path), *command],
                            capture_output=True, text=True, timeout=60, cwd=ROOT,
                            stdin=subprocess.DEVNULL)
    one_error_line(result, needle)
    assert not Path("/dev/null-journal").exists() and not Path("/dev/null-wal").exists()


def test_importing_from_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(tmp_path / "x.db"),
                             "import", str(fifo)], capture_output=True, text=True, timeout=60,
                            cwd=ROOT, stdin=subprocess.DEVNULL)
    one_error_line(result, str(fifo), "not a regular file")
    assert not (tmp_path / "x.db").exists()


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
sys.argv = ["journeymap", "--db", sys.argv[1], "new", "--template", "blank",
            "--persona", "p", "--scenario", "s"]
from tui.cli.main import main
main()
"""


def test_creating_a_database_on_a_full_disk_is_one_sentence_and_leaves_no_file(
        tmp_path: Path) -> None:
    """A file-size limit of 0 bytes makes every write fail the way a full disk does."""
    db = tmp_path / "full.db"
    result = subprocess.run([sys.executable, "-c", FULL_DISK, str(db)], capture_output=True,
                            text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL)
    one_error_line(result, f"Cannot create a database at {db}", "nothing was left behind")
    assert list(tmp_path.iterdir()) == []


def test_a_damaged_file_is_listed_with_a_warning_and_writes_are_refused(db_path: Path) -> None:
    from tests.models.damaged_file import damage

    wid = damage(db_path)
    listed = runner.invoke(app, ["--db", str(db_path), "list"])
    assert listed.exit_code == 0 and "Lockout" in listed.stdout
    assert listed.stderr.startswith("journeymap: warning:") and "is damaged" in listed.stderr
    result = runner.invoke(app, ["--db", str(db_path), "delete", str(wid), "--yes"])
    assert result.exit_code == 1 and "import BACKUP.json" in result.stderr


def test_a_database_in_a_folder_this_account_cannot_write_is_one_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Session 5 QA: on a read-only mount `new` said "unexpected error: OperationalError"."""
    from models.db import dbfile

    db = tmp_path / "ro" / "team.db"
    db.parent.mkdir()
    assert runner.invoke(app, ["--db", str(db), "demo", "--no-open"]).exit_code == 0
    import sqlite3

    conn = sqlite3.connect(db)  # as a closed file: a reader without the folder reads the file
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    real = dbfile.writable
    monkeypatch.setattr(dbfile, "writable", lambda p: p != db.parent and real(p))
    result = runner.invoke(app, ["--db", str(db), "new", "--template", "blank", "--persona",
                                 "p", "--scenario", "s", "--title", "t"])
    assert result.exit_code == 1
    assert "cannot write in" in result.output and "sqlalche" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    listed = runner.invoke(app, ["--db", str(db), "list"])
    assert listed.exit_code == 0, listed.output
