"""A command that changes a workshop completes its account's old bindings (session 12).

Found in session 11's note: schema 12 keeps a uid beside each login a role is bound
to, but a binding from an older file got its uid only from a seat (``open``, ``seat``)
or ``journeymap role``.  A login that only ever used the command line kept a binding
without a uid, so a new account re-created under the same login was taken for it.  Now
the one role check of every command that changes data (``access.require``) binds the
uid as a seat does; commands that only read write nothing, an observer's included.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.db.store import Store
from models.live import presence
from tests.cli.logins import (
    RECREATED,
    as_login,
    forget_uids,
    lea_grants_bob,
    recreate,
    refused,
)
from tests.helpers import build_workshop, run_cli

ROOT = Path(__file__).resolve().parents[2]

CHANGES = [("reviewed", "{w}"), ("plan", "{w}", "--regenerate"),
           ("costs", "{w}", "phone", "4.5"), ("escalation", "{w}", "--add")]


def uids(db: Path) -> dict[str, int | None]:
    """Each binding's uid, the creator's under ``lead:``."""
    conn = sqlite3.connect(db)
    try:
        found = dict(conn.execute("SELECT name, account_uid FROM participant").fetchall())
        lead = conn.execute("SELECT lead_account, lead_uid FROM workshop").fetchone()
    finally:
        conn.close()
    return {**found, f"lead:{lead[0]}": lead[1]}


def command(args: tuple[str, ...], wid: int) -> list[str]:
    return [a.format(w=wid) for a in args]


@pytest.mark.parametrize("args", CHANGES, ids=lambda a: a[0])
def test_a_recreated_login_is_refused_after_the_first_account_ran_a_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seated: list[str],
        args: tuple[str, ...]) -> None:
    db = tmp_path / "team.db"
    wid = lea_grants_bob(db, monkeypatch, role="participant")
    forget_uids(db)
    as_login(monkeypatch, "bob")
    code, _out, err = run_cli(db, *command(args, wid))
    assert code == 0, err
    assert uids(db) == {"bob": 1001, "lead:lea": None}  # bob's only
    recreate(monkeypatch, "bob", 1002)
    assert RECREATED in refused(run_cli(db, "open", str(wid)))
    assert RECREATED in refused(run_cli(db, *command(args, wid)))
    assert seated == []


def test_the_creators_command_binds_the_creators_uid(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seated: list[str]) -> None:
    db = tmp_path / "team.db"
    wid = lea_grants_bob(db, monkeypatch)
    forget_uids(db)
    assert run_cli(db, "reviewed", str(wid))[0] == 0  # lea, the creator
    assert uids(db) == {"bob": None, "lead:lea": 1000}
    recreate(monkeypatch, "lea", 1003)
    assert RECREATED in refused(run_cli(db, "reviewed", str(wid)))
    assert RECREATED in refused(run_cli(db, "open", str(wid)))
    assert seated == []


def test_a_refused_command_binds_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    wid = lea_grants_bob(db, monkeypatch, role="observer")
    forget_uids(db)
    as_login(monkeypatch, "bob")
    assert "observer" in refused(run_cli(db, "reviewed", str(wid)))
    assert uids(db) == {"bob": None, "lead:lea": None}


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Each file of the folder: its bytes' digest and modification time."""
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir())}


@pytest.fixture
def observed(tmp_path: Path) -> tuple[Path, int]:
    """A closed file from before schema 12 where this process's login is bob, observer.

    The read runs as a person runs it (its own process, this real login), so nothing
    of the test's own stays open on the file to change it."""
    db = tmp_path / "box" / "team.db"
    db.parent.mkdir()
    with Store(db, who="lea") as store:
        wid = build_workshop(store)
        presence.grant(store, wid, "bob", "observer", account=store.account)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE workshop SET lead_account = 'lea'")
    conn.close()
    forget_uids(db)
    assert sorted(p.name for p in db.parent.iterdir()) == ["team.db"]
    return db, wid


@pytest.mark.parametrize("args", [("show", "{w}"), ("export", "{w}"),
                                  ("export", "{w}", "-f", "json"), ("log", "{w}")],
                         ids=lambda a: "-".join(a).replace("{w}", "w"))
def test_an_observers_read_writes_nothing_not_even_its_uid(
        observed: tuple[Path, int], args: tuple[str, ...]) -> None:
    db, wid = observed
    before = fingerprint(db.parent)
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db),
                           *command(args, wid)], capture_output=True, text=True, cwd=ROOT,
                          check=False, env={**os.environ, "JOURNEYMAP_USER": "bob"})
    assert done.returncode == 0 and done.stdout, done.stderr
    assert fingerprint(db.parent) == before
    assert uids(db) == {"bob": None, "lead:lea": None}
