"""An export file is whole or not there, even when the exporting process is killed.

``models/export/files.py`` writes beside the target and renames: a ``kill -9``
between the two leaves the previous file exactly as it was.  The temporary file
is created by this process alone (``O_EXCL``): a name already taken, by a
leftover of a killed export or by a link someone placed there, is never written
through.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from models.export import files
from models.export.files import write_file

ROOT = Path(__file__).resolve().parents[2]

KILLED_BEFORE_RENAME = """
import os, signal, sys
from pathlib import Path
from models.export import files
def die(src, dst):
    os.kill(os.getpid(), signal.SIGKILL)
files.os.replace = die
files.write_file(Path(sys.argv[1]), b"new plan\\n" * 100_000)
"""


def test_kill_9_before_the_rename_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_bytes(b"old plan\n")
    out = subprocess.run([sys.executable, "-c", KILLED_BEFORE_RENAME, str(target)],
                         cwd=ROOT, capture_output=True, timeout=60)
    assert out.returncode == -signal.SIGKILL
    assert target.read_bytes() == b"old plan\n"
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".journeymap-")
    # the next export is not stopped by what the killed one left
    write_file(target, b"next\n")
    assert target.read_bytes() == b"next\n"


def test_a_taken_temporary_name_is_never_written_through(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "authorized_keys"
    victim.write_bytes(b"keep me\n")
    folder = tmp_path / "shared"
    folder.mkdir()
    names = iter([b"\x00\x00\x00\x00\x00\x01", b"\x00\x00\x00\x00\x00\x02"])
    monkeypatch.setattr(files.os, "urandom", lambda n: next(names)[:n])
    (folder / ".journeymap-000000000001").symlink_to(victim)
    assert write_file(folder / "plan.md", b"plan\n") == (folder / "plan.md").resolve()
    assert victim.read_bytes() == b"keep me\n"
    assert (folder / "plan.md").read_bytes() == b"plan\n"
    assert sorted(p.name for p in folder.iterdir()) == [".journeymap-000000000001", "plan.md"]


def test_a_failed_write_removes_its_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_file(tmp_path / "plan.md", b"x")
    assert list(tmp_path.iterdir()) == []


def test_the_new_file_has_the_mode_a_plain_open_gives(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        written = write_file(tmp_path / "plan.md", b"x")
        with open(tmp_path / "plain.md", "wb") as f:
            f.write(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.stat().st_mode) == 0o664
    assert stat.S_IMODE((tmp_path / "plain.md").stat().st_mode) == 0o664
