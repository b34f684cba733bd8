"""Writing an export file (models/export/files.py): whole, with the mode a plain open()
gives, never over the workshop database or its side files, never onto a folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.export.files import ProtectedPath, check_target, write_file


def test_the_file_is_written_whole_with_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        written = write_file(tmp_path / "plan.md", b"# Plan\n")
    finally:
        os.umask(old)
    assert written == (tmp_path / "plan.md").resolve()
    assert written.read_bytes() == b"# Plan\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_a_second_export_replaces_the_first(tmp_path: Path) -> None:
    write_file(tmp_path / "plan.md", b"old and longer\n")
    write_file(tmp_path / "plan.md", b"new\n")
    assert (tmp_path / "plan.md").read_bytes() == b"new\n"


def test_a_relative_path_comes_back_absolute(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert write_file(Path("plan.md"), b"x") == (tmp_path / "plan.md").resolve()


def test_a_home_path_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert check_target(Path("~/plan.md"), None) == tmp_path / "plan.md"


@pytest.mark.parametrize("side", ["", "-wal", "-shm", "-journal"])
def test_the_database_and_its_side_files_are_refused(tmp_path: Path, side: str) -> None:
    db = tmp_path / "team.db"
    db.write_bytes(b"SQLite format 3\x00")
    target = Path(f"{db}{side}")
    with pytest.raises(ProtectedPath) as err:
        write_file(target, b"x", database=db)
    assert str(err.value) == (f"{target} is the workshop database (or a file beside it); "
                              "choose another file name")
    assert db.read_bytes() == b"SQLite format 3\x00"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.db"]


def test_a_folder_is_refused_asking_for_a_file_name(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as err:
        write_file(tmp_path, b"x")
    assert str(err.value) == f"{tmp_path} is a folder; add a file name such as plan.md"


def test_another_file_beside_the_database_is_fine(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    db.write_bytes(b"")
    assert write_file(tmp_path / "team.db.md", b"x", database=db).read_bytes() == b"x"
