"""A role is granted to an account, never claimed by whoever joins first (qa9).

Why: ``journeymap role 3 alice lead`` used to create an unbound seat "alice"; the first OS
account to run ``open 3 --as alice`` took it, lead role included.  On a team box where bob
is quicker than alice, that is a lead's seat given to the wrong person.  Now the grant binds
the seat to the OS account of that name (or the one named with ``--account``), so the role
reaches alice's command line at once and nobody else can take it; a lead role for a name
with no account on the box is refused until the lead names the account.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.db import access
from models.db.store import Store
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Participant
from models.live import presence
from tui.cli.main import app

runner = CliRunner()
LOGINS = {"alice", "bob", "lea"}


def run(db: Path, *args: str) -> Any:
    return runner.invoke(app, ["--db", str(db), *args])


def as_account(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Run as the OS login ``name``, whose name in the room is its login."""
    monkeypatch.setenv("JOURNEYMAP_USER", name)
    monkeypatch.setattr(access, "current_account", lambda: name)
    monkeypatch.setattr("models.db.store.current_account", lambda: name)


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """lea's workshop on a box whose logins are alice, bob and lea."""
    monkeypatch.setattr(access, "login_exists", lambda name: name in LOGINS)
    as_account(monkeypatch, "lea")
    db = tmp_path / "team.db"
    made = run(db, "new", "--template", "blank", "--persona", "p", "--scenario", "s")
    assert made.exit_code == 0, made.output
    return db, int(made.output.strip())


def seat(db: Path, wid: int, name: str) -> Participant:
    with Store(db, who="lea", read_only=True) as store:
        return next(p for p in presence.participants(store, wid) if p.name == name)


def test_a_role_granted_to_a_login_reaches_its_command_line_before_any_join(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    granted = run(db, "role", str(wid), "alice", "participant")
    assert granted.exit_code == 0, granted.output
    assert seat(db, wid, "alice").account == "alice"
    as_account(monkeypatch, "alice")
    result = run(db, "plan", str(wid), "--regenerate")
    assert result.exit_code == 0, result.output


def test_another_account_cannot_take_a_lead_role_granted_to_a_login(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    assert run(db, "role", str(wid), "alice", "lead").exit_code == 0
    as_account(monkeypatch, "bob")
    with Store(db, who="alice") as store, pytest.raises(access.AccessError,
                                                        match="another account"):
        presence.join(store, wid, "alice")
    refused = run(db, "delete", str(wid), "--yes")
    assert refused.exit_code == 1 and "account bob has no role" in refused.output
    assert seat(db, wid, "alice").account == "alice"


def test_a_lead_role_for_a_name_without_a_login_needs_the_account_named(
        team: tuple[Path, int]) -> None:
    db, wid = team
    before = (db.read_bytes(), os.stat(db).st_mtime_ns)
    refused = run(db, "role", str(wid), "Kim", "lead")
    assert refused.exit_code == 1, refused.output
    assert refused.output.count("\n") == 1 and "--account" in refused.output
    assert (db.read_bytes(), os.stat(db).st_mtime_ns) == before
    named = run(db, "role", str(wid), "Kim", "lead", "--account", "bob")
    assert named.exit_code == 0, named.output
    assert "account bob" in named.output
    assert seat(db, wid, "Kim").account == "bob"


def test_account_cannot_move_a_seat_that_belongs_to_another_account(
        team: tuple[Path, int]) -> None:
    db, wid = team
    assert run(db, "role", str(wid), "alice", "participant").exit_code == 0
    moved = run(db, "role", str(wid), "alice", "lead", "--account", "bob")
    assert moved.exit_code == 1 and "belongs to the account alice" in moved.output
    assert seat(db, wid, "alice").role == "participant"


def test_a_lower_role_for_a_name_without_a_login_stays_unbound(team: tuple[Path, int]) -> None:
    """Observer or participant for a name nobody logs in as (a guest-to-be): the first
    to join gets at most that role, never more than any new name gets."""
    db, wid = team
    assert run(db, "role", str(wid), "Finance", "observer").exit_code == 0
    assert seat(db, wid, "Finance").account == ""


def test_an_unbound_lead_seat_from_an_older_grant_is_not_taken_by_another_account(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    with Store(db, who="lea") as store, store.write() as s:
        row = Participant(workshop_id=wid, name="alice", role="lead")
        s.add(row)
        s.flush()
        # an older grant was logged as today's is; an unlogged role counts for nothing (sec20)
        s.add(ChangeLog(workshop_id=wid, who="lea", entity="participant",
                        entity_id=row.id, action="update", field="role", new="lead"))
    as_account(monkeypatch, "bob")
    with Store(db, who="alice") as store, pytest.raises(access.AccessError,
                                                        match="--account"):
        presence.join(store, wid, "alice")
    as_account(monkeypatch, "alice")
    with Store(db, who="alice") as store:
        assert presence.join(store, wid, "alice").role == "lead"


@pytest.mark.parametrize("var", ["JOURNEYMAP_USER", "LOGNAME"])
@pytest.mark.parametrize("name", ["lea", "alice"])
def test_a_command_cannot_sign_its_change_with_a_name_another_account_holds(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch, var: str, name: str) -> None:
    """``open --as lea`` from bob's account is refused; a command run with
    ``JOURNEYMAP_USER=lea`` used to be logged as lea's change (``log --who lea`` listed it)."""
    db, wid = team
    assert run(db, "role", str(wid), "alice", "participant").exit_code == 0
    assert run(db, "role", str(wid), "bob", "participant").exit_code == 0
    as_account(monkeypatch, "bob")
    monkeypatch.delenv("JOURNEYMAP_USER", raising=False)
    before = (db.read_bytes(), os.stat(db).st_mtime_ns)
    result = runner.invoke(app, ["--db", str(db), "reviewed", str(wid)], env={var: name})
    assert result.exit_code == 1, result.output
    assert result.output.count("\n") == 1 and f"The name '{name}' belongs to" in result.output
    assert (db.read_bytes(), os.stat(db).st_mtime_ns) == before


@pytest.mark.parametrize("name", ["bob", "Bobby"])
def test_a_command_may_sign_with_its_own_or_a_free_name(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    db, wid = team
    assert run(db, "role", str(wid), "bob", "participant").exit_code == 0
    as_account(monkeypatch, "bob")
    result = runner.invoke(app, ["--db", str(db), "reviewed", str(wid)],
                           env={"JOURNEYMAP_USER": name})
    assert result.exit_code == 0, result.output
    with Store(db, who="lea", read_only=True) as store:
        last = store.changes(wid)[-1]
    assert (last.who, last.account) == (name, "bob")
