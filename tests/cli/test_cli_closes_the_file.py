"""A command that has finished leaves the database whole in its one file.

Why: README's team box is made with ``journeymap new`` run by an administrator,
then ``chmod 660 team.db``.  ``new`` left ``team.db-wal`` and ``team.db-shm``
behind (its connections were never closed, so SQLite never checkpointed), created
with the umask's 644 before the chmod: the first colleague to open the workshop
could not save anything ("attempt to write a readonly database"), and a copy of
``team.db`` alone held no workshop at all.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(db: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("args", [
    ("new", "--template", "blank", "--persona", "IT admin", "--scenario", "Locked out",
     "--title", "Lockout Q3"),
    ("demo", "--no-open"),
])
def test_a_command_that_created_a_workshop_leaves_no_wal_behind(tmp_path: Path,
                                                                args: tuple[str, ...]) -> None:
    db = tmp_path / "team.db"
    run(db, *args)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["team.db"], left


def test_a_copy_of_the_file_alone_holds_the_workshop(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    run(db, "new", "--template", "blank", "--persona", "IT admin", "--scenario", "Locked out",
        "--title", "Lockout Q3")
    copy = tmp_path / "copy" / "team.db"
    copy.parent.mkdir()
    copy.write_bytes(db.read_bytes())
    assert "Lockout Q3" in run(copy, "list")
