"""A login deleted and created again does not inherit the old account's roles (session 11).

Found in session 10's threat model: seats were bound to a login name only, so a new OS
account that reused a deleted account's login (bob leaves, a new bob joins months later)
was the old bob in every workshop, lead seats included.  A binding now keeps the login's
uid too; a login whose uid is not the stored one is refused in one sentence until a lead
grants it again.  A binding from an older file has no uid yet: the first seat that login
takes gives it its uid.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.db import access
from models.db.schema import SCHEMA_VERSION
from models.db.store import Store
from models.live import presence
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


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """lea's workshop, bob granted participant while his first account existed."""
    monkeypatch.setattr(access, "login_exists", lambda name: name in UIDS)
    monkeypatch.setattr(access, "login_uid", lambda name: UIDS.get(name), raising=False)
    monkeypatch.setattr("models.live.presence.login_uid", lambda name: UIDS.get(name),
                        raising=False)
    as_login(monkeypatch, "lea")
    db = tmp_path / "team.db"
    code, out, err = run_cli(db, "new", "--template", "blank", "--persona", "p",
                             "--scenario", "s")
    assert code == 0, err
    wid = int(out.strip())
    assert run_cli(db, "role", str(wid), "bob", "lead")[0] == 0
    return db, wid


def refused(result: tuple[int, str, str]) -> str:
    code, _out, err = result
    assert code == 1 and "Traceback" not in err, err
    assert err.count(".") <= 4 and len(err.strip().splitlines()) <= 3, err  # one sentence
    return err


def test_a_recreated_login_gets_none_of_the_old_accounts_roles(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    as_login(monkeypatch, "bob")
    assert run_cli(db, "open", str(wid))[0] == 0
    assert seated == ["lead"]
    recreate(monkeypatch, "bob", 1002)
    assert RECREATED in refused(run_cli(db, "open", str(wid)))
    assert RECREATED in refused(run_cli(db, "open", str(wid), "--as", "Robert"))
    assert RECREATED in refused(run_cli(db, "seat", "bob", "--workshop", str(wid),
                                        "--role", "lead", "--key", "x"))
    assert RECREATED in refused(run_cli(db, "role", str(wid), "kim", "observer"))
    assert RECREATED in refused(run_cli(db, "delete", str(wid), "--yes"))
    assert seated == ["lead"]


def test_a_lead_grants_the_recreated_login_again(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    monkeypatch.setitem(UIDS, "bob", 1002)  # re-created before he ever sat
    assert run_cli(db, "role", str(wid), "bob", "participant")[0] == 0  # lea, again
    as_login(monkeypatch, "bob")
    assert run_cli(db, "open", str(wid))[0] == 0
    assert seated == ["participant"]


def test_the_recreated_creator_is_not_the_lead(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    recreate(monkeypatch, "lea", 1003)
    assert RECREATED in refused(run_cli(db, "open", str(wid)))
    assert RECREATED in refused(run_cli(db, "delete", str(wid), "--yes"))
    assert seated == []


def test_a_binding_without_a_uid_takes_the_uid_of_the_logins_first_seat(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    conn = sqlite3.connect(db)  # what an upgraded version 11 file holds
    with conn:
        conn.execute("UPDATE participant SET account_uid = NULL")
        conn.execute("UPDATE workshop SET lead_uid = NULL")
    conn.close()
    as_login(monkeypatch, "bob")
    assert run_cli(db, "open", str(wid))[0] == 0
    recreate(monkeypatch, "bob", 1002)
    assert RECREATED in refused(run_cli(db, "open", str(wid)))
    assert seated == ["lead"]


def test_an_older_file_gets_the_uid_columns_and_keeps_its_bindings(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    conn = sqlite3.connect(db)
    with conn:
        conn.execute('ALTER TABLE participant DROP COLUMN "account_uid"')
        conn.execute('ALTER TABLE workshop DROP COLUMN "lead_uid"')
        conn.execute("UPDATE journeymap_meta SET value = '11' WHERE key = 'schema_version'")
    conn.close()
    with Store(db, who="lea") as store:
        rows = presence.participants(store, wid)
        assert [(p.name, p.account, p.account_uid) for p in rows] == [("bob", "bob", None)]
        assert store.get_workshop(wid).lead_uid is None
    conn = sqlite3.connect(db)
    version = conn.execute("SELECT value FROM journeymap_meta "
                           "WHERE key = 'schema_version'").fetchone()[0]
    conn.close()
    assert version == str(SCHEMA_VERSION)


def test_a_server_keeps_no_uid_and_gets_the_columns_of_an_older_schema(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seats of a PostgreSQL server run on other machines: a uid there means nothing."""
    from sqlalchemy import text

    from models.db import server

    monkeypatch.setattr(access, "login_uid", lambda name: UIDS.get(name), raising=False)
    monkeypatch.setattr("models.live.presence.login_uid", lambda name: UIDS.get(name),
                        raising=False)
    as_login(monkeypatch, "lea")
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
        presence.grant(store, wid, "bob", "participant", account="bob")
    engine = server.make_engine(pg_url, read_only=False)
    with engine.begin() as conn:  # a server database made by schema 11
        conn.execute(text('ALTER TABLE participant DROP COLUMN "account_uid"'))
        conn.execute(text('ALTER TABLE workshop DROP COLUMN "lead_uid"'))
        conn.execute(text("UPDATE journeymap_meta SET value = '11' "
                          "WHERE key = 'schema_version'"))
    engine.dispose()
    recreate(monkeypatch, "bob", 1002)  # another machine's bob: another uid
    with Store(pg_url, who="bob") as store:
        assert store.uid is None
        assert presence.join(store, wid, "bob").role == "participant"
        assert [p.account_uid for p in presence.participants(store, wid)] == [None]
        assert store.get_workshop(wid).lead_uid is None
