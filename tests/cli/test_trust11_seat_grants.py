"""A seat's role is granted by a lead, never typed (session 11).

Found in session 10's threat model: ``journeymap seat bob --workshop 1 --role lead``
typed from bob's own shell, where no lead had granted bob anything, sat bob as lead.
sshd's forced command and a typed one cannot be told apart (the only difference,
``SSH_ORIGINAL_COMMAND``, is the client's to set), so the role in a ``seat`` line is a
cap and the grant decides: an account nobody granted gets what ``open`` gives a new
name (participant), an account granted observer gets observer under any new name, and
a guest key's seat gets more only once a lead granted that name to the guest account
(``journeymap role ID NAME ROLE --account LOGIN``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import access
from models.db.store import Store
from models.live import presence
from tests.helpers import as_account, run_cli

LOGINS = {"lea", "bob", "workshop"}


def as_login(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    as_account(monkeypatch, name)
    monkeypatch.setenv("JOURNEYMAP_USER", name)


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """lea's workshop on a box whose logins are lea, bob and the guest account."""
    monkeypatch.setattr(access, "login_exists", lambda name: name in LOGINS)
    as_login(monkeypatch, "lea")
    db = tmp_path / "team.db"
    code, out, err = run_cli(db, "new", "--template", "blank", "--persona", "p",
                             "--scenario", "s")
    assert code == 0, err
    return db, int(out.strip())


def seat(db: Path, wid: int, *args: str) -> tuple[int, str]:
    code, _out, err = run_cli(db, "seat", *args, "--workshop", str(wid))
    return code, err


def test_a_shell_account_nobody_granted_cannot_seat_itself_as_lead(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    as_login(monkeypatch, "bob")
    assert seat(db, wid, "bob", "--role", "lead") == (0, "")
    assert seat(db, wid, "bobby", "--role", "lead", "--key", "x") == (0, "")
    assert seated == ["participant", "participant"]
    assert run_cli(db, "role", str(wid), "kim", "observer")[0] == 1  # still no lead


def test_the_role_in_a_seat_line_still_lowers(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    as_login(monkeypatch, "bob")
    assert seat(db, wid, "bob", "--role", "observer") == (0, "")
    assert seated == ["observer"]


def test_a_lead_grant_lets_a_forced_command_seat_its_account_as_lead(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    assert run_cli(db, "role", str(wid), "bob", "lead")[0] == 0
    as_login(monkeypatch, "bob")
    assert seat(db, wid, "bob", "--role", "lead", "--key", "SHA256:bob") == (0, "")
    assert seated == ["lead"]


def test_a_guest_account_gets_what_the_lead_granted_each_name_at_most_its_line(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    assert run_cli(db, "role", str(wid), "lee", "lead", "--account", "workshop")[0] == 0
    assert run_cli(db, "role", str(wid), "ray", "lead", "--account", "workshop")[0] == 0
    as_login(monkeypatch, "workshop")
    assert seat(db, wid, "lee", "--role", "lead", "--key", "k1") == (0, "")
    assert seat(db, wid, "ray", "--role", "participant", "--key", "k2") == (0, "")
    assert seat(db, wid, "kim", "--role", "observer", "--key", "k3") == (0, "")
    assert seat(db, wid, "sam", "--role", "lead", "--key", "k4") == (0, "")  # nobody granted
    assert seated == ["lead", "participant", "observer", "participant"]


def test_an_account_granted_observer_is_an_observer_under_any_new_name(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    assert run_cli(db, "role", str(wid), "bob", "observer")[0] == 0
    as_login(monkeypatch, "bob")
    assert run_cli(db, "open", str(wid), "--as", "Robert")[0] == 0
    assert seat(db, wid, "Bobby", "--role", "participant", "--key", "x") == (0, "")
    assert seated == ["observer", "observer"]


def test_a_typed_seat_cannot_take_a_lead_seat_granted_before_accounts(
        team: tuple[Path, int], seated: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    with Store(db, who="lea") as store:  # what an older journeymap left: a lead, no account
        presence.grant(store, wid, "ana", "participant")
        row = next(p for p in presence.participants(store, wid) if p.name == "ana")
        store.update(type(row), row.id or 0, log=False, role="lead")
    as_login(monkeypatch, "bob")
    code, err = seat(db, wid, "ana", "--role", "lead", "--key", "x")
    assert (code, seated) == (1, [])
    assert "no account may take it" in err and "Traceback" not in err
