"""Fresh-eyes QA (session 12): the read-only sentence told an owner to ask themselves.

Found on the team box: qa13bob made ``ro.db`` with ``demo`` and ran ``chmod 444 ro.db``;
his next ``journeymap reviewed 1`` said "ro.db is read-only for this account (owner
qa13bob, group qa13bob), so nothing can be saved; ask qa13bob or an administrator to run
`chmod 660 …` and to add this account to the group qa13bob."  The account that owns the
file can run the ``chmod`` itself, and an account already in the file's group needs no
one to add it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.db import dbfile
from models.db.schema import StoreError
from models.db.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX owners and groups")


def refusal(db: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The sentence of an edit when ``db`` itself cannot be written by this account."""
    with Store(db, who="bob") as store:
        store.create_workshop(title="Lockout")
        real = dbfile.writable
        monkeypatch.setattr(dbfile, "writable", lambda p: Path(p) != db and real(p))
        with pytest.raises(StoreError) as info:
            store.create_workshop(title="Second")
    return str(info.value)


def test_the_owner_is_told_to_run_the_chmod_itself(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "ro.db"
    message = refusal(db, monkeypatch)
    assert message.startswith(f"{db} is read-only for this account")
    assert f"run `chmod 660 {db} {db}-wal {db}-shm`" in message
    assert "ask " not in message
    assert "add this account to the group" not in message
    assert "\n" not in message


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file another owner needs root")
def test_a_member_of_the_files_group_is_not_told_to_join_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        store.create_workshop(title="Lockout")
    os.chown(db, 4242, os.getegid())  # a colleague's file, in this account's group
    message = refusal(db, monkeypatch)
    assert "ask uid 4242 or an administrator to run `chmod 660" in message
    assert "add this account to the group" not in message
