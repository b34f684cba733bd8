"""Browser seat invites (issue 17): a per-person secret, only its hash stored, checked by hash."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlmodel import select

from models.db import access, invites
from models.db.store import Store
from models.db.tables.seats import Invite
from models.live import presence

pytestmark = pytest.mark.both_engines


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Login lockout").id or 0)


def test_an_invite_stores_only_the_hash_of_its_token(store: Store, wid: int) -> None:
    invite, token = invites.create(store, wid, "Kim", "participant")
    assert len(token) >= 32
    with store.read() as s:
        rows = list(s.exec(select(Invite)))
    assert [r.token_hash for r in rows] == [hashlib.sha256(token.encode()).hexdigest()]
    assert token not in repr(rows[0].model_dump())
    assert (invite.name, invite.role, invite.workshop_id) == ("Kim", "participant", wid)


def test_the_token_names_the_seat_and_role(store: Store, wid: int) -> None:
    _kim, kim_token = invites.create(store, wid, "Kim", "participant")
    _olga, olga_token = invites.create(store, wid, "Olga", "observer")
    kim, olga = invites.verify(store, kim_token), invites.verify(store, olga_token)
    assert (kim.name, kim.role, olga.name, olga.role) == ("Kim", "participant", "Olga", "observer")
    assert kim.key != olga.key and kim.key.startswith("invite:")


@pytest.mark.parametrize("token", ["", "nope", "x" * 43, "' OR 1=1 --"])
def test_an_unknown_token_is_refused_in_one_sentence(store: Store, wid: int, token: str) -> None:
    invites.create(store, wid, "Kim", "participant")
    with pytest.raises(access.AccessError) as exc:
        invites.verify(store, token)
    assert str(exc.value).count(".") == 1 and "\n" not in str(exc.value)


def test_a_revoked_invite_no_longer_opens_a_seat(store: Store, wid: int) -> None:
    _i, token = invites.create(store, wid, "Kim", "participant")
    _j, other = invites.create(store, wid, "Sam", "participant")
    assert invites.revoke(store, wid, "Kim") == 1
    with pytest.raises(access.AccessError, match="revoked"):
        invites.verify(store, token)
    assert invites.verify(store, other).name == "Sam"
    assert invites.revoke(store, wid, "Kim") == 0


def test_an_expired_invite_is_refused(store: Store, wid: int) -> None:
    _i, token = invites.create(store, wid, "Kim", "participant", days=1)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    with pytest.raises(access.AccessError, match="expired"):
        invites.verify(store, token, now=later)
    assert invites.verify(store, token).name == "Kim"


def test_a_deleted_workshop_takes_its_invites_with_it(store: Store, wid: int) -> None:
    _i, token = invites.create(store, wid, "Kim", "participant")
    store.delete_workshop(wid)
    with pytest.raises(access.AccessError):
        invites.verify(store, token)


def test_an_invite_cannot_take_a_name_held_by_an_account(store: Store, wid: int) -> None:
    """The creator's seat (and any seat an OS account or SSH key holds) stays theirs:
    a browser seat with that name would rebind it and lock its owner out."""
    lead = store.get_workshop(wid).lead or "tester"
    presence.join(store, wid, lead)
    with pytest.raises(access.AccessError, match="belongs to"):
        invites.create(store, wid, lead, "participant")


def test_a_look_alike_name_is_refused(store: Store, wid: int) -> None:
    presence.grant(store, wid, "olga", "observer")
    with pytest.raises(access.AccessError, match="looks like"):
        invites.create(store, wid, "оlga", "participant")  # Cyrillic о


def test_a_wrong_role_or_workshop_is_one_sentence(store: Store, wid: int) -> None:
    with pytest.raises(access.AccessError, match="role"):
        invites.create(store, wid, "Kim", "admin")
    with pytest.raises(Exception, match="no workshop"):
        invites.create(store, wid + 99, "Kim", "participant")


def test_reinviting_a_name_keeps_both_links_until_revoked(store: Store, wid: int) -> None:
    _a, first = invites.create(store, wid, "Kim", "participant")
    _b, second = invites.create(store, wid, "Kim", "observer")
    assert invites.verify(store, first).role == "participant"
    assert invites.verify(store, second).role == "observer"
    listed = invites.listed(store, wid)
    assert [(i.name, i.role, i.revoked) for i in listed] == [("Kim", "participant", False),
                                                             ("Kim", "observer", False)]
    assert invites.revoke(store, wid, "Kim") == 2


def test_a_seat_taken_through_an_invite_is_bound_to_it(store: Store, wid: int) -> None:
    invite, token = invites.create(store, wid, "Kim", "observer")
    seat = invites.verify(store, token)
    row = presence.join(store, wid, seat.name, grant=seat.role, key=seat.key)
    assert (row.name, row.role, row.key) == ("Kim", "observer", f"invite:{invite.id}")
