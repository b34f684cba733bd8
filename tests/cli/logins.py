"""A team box whose logins can be deleted and created again, for the uid-binding tests.

Shared by the tests of session 11 (a re-created login) and session 12 (a command
completes an old binding): the box's passwd is ``UIDS``, and a test runs as one of its
logins with the uid the box gives it now.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.db import access
from tests.helpers import as_account, run_cli

UIDS = {"lea": 1000, "bob": 1001, "kim": 1004}  # the box's passwd now
RECREATED = "was deleted and created again"


def as_login(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Run as ``name`` with the uid the box gives that login now."""
    as_account(monkeypatch, name)
    monkeypatch.setenv("JOURNEYMAP_USER", name)
    monkeypatch.setattr(access, "current_uid", lambda: UIDS[name], raising=False)
    monkeypatch.setattr("models.db.store.current_uid", lambda: UIDS[name], raising=False)


def recreate(monkeypatch: pytest.MonkeyPatch, name: str, uid: int) -> None:
    """``userdel name && useradd name``: the same login, a new uid."""
    monkeypatch.setitem(UIDS, name, uid)
    as_login(monkeypatch, name)


def fake_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """The box's passwd is ``UIDS``: what a grant looks logins up in."""
    monkeypatch.setattr(access, "login_exists", lambda name: name in UIDS)
    monkeypatch.setattr(access, "login_uid", lambda name: UIDS.get(name), raising=False)
    monkeypatch.setattr("models.live.presence.login_uid", lambda name: UIDS.get(name),
                        raising=False)


def lea_grants_bob(db: Path, monkeypatch: pytest.MonkeyPatch, role: str = "lead") -> int:
    """lea's workshop in ``db``, bob granted ``role`` while his first account existed."""
    fake_box(monkeypatch)
    as_login(monkeypatch, "lea")
    code, out, err = run_cli(db, "new", "--template", "blank", "--persona", "p",
                             "--scenario", "s")
    assert code == 0, err
    wid = int(out.strip())
    assert run_cli(db, "role", str(wid), "bob", role)[0] == 0
    return wid


def forget_uids(db: Path) -> None:
    """What an upgraded version 11 file holds: every binding a login without a uid."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE participant SET account_uid = NULL")
        conn.execute("UPDATE workshop SET lead_uid = NULL")
    conn.close()


def refused(result: tuple[int, str, str]) -> str:
    """The stderr of a command refused in one sentence (exit 1, no traceback)."""
    code, _out, err = result
    assert code == 1 and "Traceback" not in err, err
    assert err.count(".") <= 4 and len(err.strip().splitlines()) <= 3, err  # one sentence
    return err
