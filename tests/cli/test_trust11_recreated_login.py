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
from tests.cli.logins import (
    RECREATED,
    UIDS,
    as_login,
    fake_box,
    forget_uids,
    lea_grants_bob,
    recreate,
    refused,
)
from tests.helpers import run_cli


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """lea's workshop, bob granted lead while his first account existed."""
    db = tmp_path / "team.db"
    return db, lea_grants_bob(db, monkeypatch)


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
    forget_uids(db)
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

    fake_box(monkeypatch)
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
        assert access.require(store, wid, "bob", "edit") == "participant"  # a CLI change
        assert [p.account_uid for p in presence.participants(store, wid)] == [None]
        assert store.get_workshop(wid).lead_uid is None
