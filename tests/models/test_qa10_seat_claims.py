"""A ``seat`` command run from a shell cannot take another account's seat or raise a role.

Found over SSH in session 10: ``seat`` is the forced command of a guest key, but any
account with a shell can type it.  The participant account qa10abob ran ``journeymap
seat Lea --workshop 1 --role lead --key x``: the lead's seat "Lea" was re-bound to
qa10abob (``who`` showed Lea with account qa10abob), so the lead was then refused her
own name, and no ``role --account`` could move it back.  The same command with a new
name sat bob as lead, above the participant role a lead had granted his account.
A dedicated guest account (only key-bound seats) still gets what a lead granted each
name, at most what its line says (trust11: the line alone grants nothing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from models.db import access
from models.db.store import Store
from models.db.tables.seats import Participant
from models.live import presence
from tests.helpers import as_account


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Seats").id or 0)


def seat_of(store: Store, wid: int, name: str) -> Participant:
    with store.read() as s:
        return s.exec(select(Participant).where(Participant.workshop_id == wid,
                                                Participant.name == name)).one()


@pytest.mark.parametrize("name", ["Lea", "tester"])  # a seat taken with --as; the creator's
def test_a_seat_command_cannot_take_a_name_another_account_holds(
        db_path: Path, store: Store, wid: int, monkeypatch: pytest.MonkeyPatch,
        name: str) -> None:
    presence.join(store, wid, name)
    owner = seat_of(store, wid, name).account
    as_account(monkeypatch, "bob")
    with Store(db_path, who=name) as other, pytest.raises(access.AccessError,
                                                          match="belongs to another account"):
        presence.join(other, wid, name, cap="lead", key="x")
    kept = seat_of(store, wid, name)
    assert (kept.account, kept.key) == (owner, "")


def test_a_seat_command_cannot_take_the_creators_name_before_the_creator_sits(
        db_path: Path, store: Store, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    as_account(monkeypatch, "bob")
    with Store(db_path, who="tester") as other, pytest.raises(access.AccessError,
                                                              match="belongs to another"):
        presence.join(other, wid, "tester", cap="lead", key="x")


def test_a_seat_command_never_raises_the_role_a_lead_granted_the_account(
        db_path: Path, store: Store, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    presence.grant(store, wid, "bob", "participant", account="bob")
    as_account(monkeypatch, "bob")
    with Store(db_path, who="boss") as other:
        assert presence.join(other, wid, "boss", cap="lead", key="x").role == "participant"


def test_a_guest_account_still_gets_what_each_keys_line_grants(
        db_path: Path, store: Store, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    presence.grant(store, wid, "sam", "participant")  # a guest-to-be: no account yet
    presence.grant(store, wid, "lee", "lead", account="workshop")
    as_account(monkeypatch, "workshop")
    with Store(db_path, who="guest") as guest:
        assert presence.join(guest, wid, "sam", cap="participant", key="k1").role == \
            "participant"
        assert presence.join(guest, wid, "kim", cap="observer", key="k2").role == "observer"
        assert presence.join(guest, wid, "lee", cap="lead", key="k3").role == "lead"
        assert presence.join(guest, wid, "sam", cap="participant", key="k1").role == \
            "participant"  # reconnecting
    assert seat_of(store, wid, "sam").account == "workshop"
