"""A team box (docs/security.md): under ``umask 007`` every member of the group can edit,
without a ``chmod`` after the first opener, and a read-only member is told what to fix.

Found in session 11 QA: SQLite made a new file 0644 minus the umask (0640), and
``NAME-wal``/``NAME-shm`` kept the mode and group they were created with.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db import dbfile
from models.db.schema import StoreError
from models.db.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes and groups")


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def sides(db: Path) -> list[Path]:
    return [Path(f"{db}-wal"), Path(f"{db}-shm")]


def test_a_new_database_is_writable_by_the_group_under_umask_007(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with umask(0o007), Store(db, who="lea") as store:
        store.create_workshop(title="Lockout")
        assert mode(db) == 0o660
        assert [mode(p) for p in sides(db)] == [0o660, 0o660]


def test_a_new_database_keeps_what_a_stricter_umask_asks(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with umask(0o077), Store(db, who="lea"):
        assert mode(db) == 0o600


def test_side_files_follow_a_chmod_made_while_the_workshop_is_open(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with umask(0o027), Store(db, who="lea") as first:
        first.create_workshop(title="Lockout")
        assert [mode(p) for p in sides(db)] == [0o640, 0o640]
        db.chmod(0o660)  # the README's step, made while a seat has the file open
        with Store(db, who="sam") as second:
            assert [w.title for w in second.list_workshops()] == ["Lockout"]
        assert [mode(p) for p in sides(db)] == [0o660, 0o660]


def _another_group() -> int | None:
    mine = os.getgroups() if os.geteuid() else [os.getgid(), 1]
    return next((g for g in mine if g != os.stat("/tmp").st_gid and g != os.getegid()), None)


def test_side_files_follow_the_main_files_group(tmp_path: Path) -> None:
    group = _another_group()
    if group is None:
        pytest.skip("this account belongs to one group only")
    db = tmp_path / "team.db"
    with Store(db, who="lea") as first:
        first.create_workshop(title="Lockout")
        os.chown(db, -1, group)  # `chgrp journey team.db` outside a setgid folder
        with Store(db, who="sam") as second:
            second.list_workshops()
        assert [os.stat(p).st_gid for p in sides(db)] == [group, group]


@pytest.mark.parametrize("which", ["", "-shm", "-wal"])
def test_a_read_only_file_says_what_to_fix(tmp_path: Path, which: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        store.create_workshop(title="Lockout")
        locked = Path(f"{db}{which}")
        real = dbfile.writable
        monkeypatch.setattr(dbfile, "writable", lambda p: Path(p) != locked and real(p))
        with pytest.raises(StoreError) as info:
            store.create_workshop(title="Second")
    message = str(info.value)
    assert message.startswith(f"{locked} is read-only for this account")
    assert f"`chmod 660 {db} {db}-wal {db}-shm`" in message
    assert "--role observer" not in message and "\n" not in message
