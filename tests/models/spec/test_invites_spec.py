"""Browser invitations (models/db/invites.py) as a lead hands them out: a link opens one
named seat with the role the lead chose, until the day it expires or the lead revokes it;
the history says who invited whom.  The link is personal, not single-use: the same
person reopening it gets the same seat back (bound to that invitation's key), and a
second invitation for the same name is a different key.  Before this file the expiry
boundary, the refusals' words and the log were reached only through the CLI (issue 20)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from models.db import invites
from models.db.access import AccessError
from models.db.store import Store
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Invite, Participant

pytestmark = pytest.mark.both_engines


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Login lockout").id or 0)


def _expiry(store: Store, invite_id: int | None) -> dt.datetime:
    with store.read() as s:
        row = s.get(Invite, invite_id)
        assert row is not None and row.expires_at is not None
        return invites._aware(row.expires_at)


def test_an_invitation_lasts_its_days_to_the_second(store: Store, wid: int) -> None:
    before = dt.datetime.now(dt.UTC)
    invite, token = invites.create(store, wid, "Kim", "participant", days=3)
    ends = _expiry(store, invite.id)
    assert before + dt.timedelta(days=3) <= ends <= dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    assert invites.verify(store, token, now=ends - dt.timedelta(seconds=1)).name == "Kim"
    for moment in (ends, ends + dt.timedelta(seconds=1)):
        with pytest.raises(AccessError) as exc:
            invites.verify(store, token, now=moment)
        assert str(exc.value) == ("This invitation has expired; ask the workshop lead for a "
                                  "new link.")


def test_an_invitation_without_days_never_expires(store: Store, wid: int) -> None:
    invite, token = invites.create(store, wid, "Kim", "observer")
    with store.read() as s:
        assert s.get(Invite, invite.id).expires_at is None  # type: ignore[union-attr]
    far = dt.datetime(2999, 1, 1, tzinfo=dt.UTC)
    assert invites.verify(store, token, now=far).role == "observer"


@pytest.mark.parametrize("days", [0, -1])
def test_less_than_a_day_is_refused_and_nothing_is_stored(store: Store, wid: int,
                                                          days: int) -> None:
    with pytest.raises(AccessError) as exc:
        invites.create(store, wid, "Kim", "participant", days=days)
    assert str(exc.value) == "An invite is valid for at least one day (--days 1 or more)."
    assert invites.listed(store, wid) == []


@pytest.mark.parametrize("name", ["", "   "])
def test_an_invitation_needs_a_name(store: Store, wid: int, name: str) -> None:
    with pytest.raises(AccessError) as exc:
        invites.create(store, wid, name, "participant")
    assert str(exc.value) == "An invite needs the person's name."


def test_a_nul_in_the_name_is_refused_as_a_control_character(store: Store, wid: int) -> None:
    with pytest.raises(ValueError, match=r"control character \(U\+0000\)"):
        invites.create(store, wid, "\x00", "participant")
    assert invites.listed(store, wid) == []


def test_the_name_is_stored_as_typed_once_spaces_are_tidied(store: Store, wid: int) -> None:
    _invite, token = invites.create(store, wid, "  Kim   Lee ", "participant")
    assert invites.verify(store, token).name == "Kim Lee"
    assert invites.revoke(store, wid, " Kim  Lee") == 1


def test_the_link_reopens_the_same_seat_each_time(store: Store, wid: int) -> None:
    invite, token = invites.create(store, wid, "Kim", "participant")
    first, again = invites.verify(store, token), invites.verify(store, token)
    assert first == again == invites.Seat(int(invite.id or 0), wid, "Kim", "participant")
    assert first.key == f"invite:{invite.id}"


def test_an_overlong_or_missing_token_opens_nothing(store: Store, wid: int) -> None:
    _invite, token = invites.create(store, wid, "Kim", "participant")
    with pytest.raises(AccessError) as exc:
        invites.verify(store, token + "x" * 200)
    assert str(exc.value) == "This link is not a valid journeymap invitation."
    with pytest.raises(AccessError) as exc:
        invites.verify(store, "")
    assert str(exc.value) == ("This address needs the personal invitation link the workshop "
                              "lead sent you.")
    with pytest.raises(AccessError, match="not a valid"):
        invites.verify(store, "\ud800" * 10)  # a lone surrogate from a hostile URL


def test_the_revoked_sentence_and_only_open_invitations_of_that_name(
        store: Store, wid: int) -> None:
    _a, kim = invites.create(store, wid, "Kim", "participant")
    _b, sam = invites.create(store, wid, "Sam", "participant")
    assert invites.revoke(store, wid, "Kim") == 1
    with pytest.raises(AccessError) as exc:
        invites.verify(store, kim)
    assert str(exc.value) == ("This invitation was revoked; ask the workshop lead for a "
                              "new link.")
    _c, kim_again = invites.create(store, wid, "Kim", "observer")
    assert invites.revoke(store, wid, "Kim") == 1  # the earlier one stays revoked, not counted
    assert [(i.name, i.revoked) for i in invites.listed(store, wid)] == [
        ("Kim", True), ("Sam", False), ("Kim", True)]
    assert invites.verify(store, sam).name == "Sam"
    with pytest.raises(AccessError, match="revoked"):
        invites.verify(store, kim_again)


def test_the_history_says_who_invited_and_revoked_whom(store: Store, wid: int) -> None:
    invite, _token = invites.create(store, wid, "Kim", "observer")
    assert invites.revoke(store, wid, "Nobody") == 0
    invites.revoke(store, wid, "Kim")
    logged = [c for c in store.changes(wid) if c.entity == "invite"]
    assert [(c.entity_id, c.action, c.field, c.new, c.summary, c.who) for c in logged] == [
        (invite.id, "create", "", "Kim (observer)", "invited Kim as observer (browser seat)",
         "tester"),
        (invite.id, "update", "revoked", "yes", "revoked 1 browser invitation of Kim",
         "tester")]
    listed = invites.listed(store, wid)[0]
    assert listed.created_by == f"tester ({store.attribution})"
    assert (listed.id, listed.name, listed.role) == (invite.id, "Kim", "observer")


def test_a_name_held_by_a_login_is_refused_naming_its_account(store: Store, wid: int) -> None:
    store.add(Participant(workshop_id=wid, name="Kim", role="participant", account="kim"))
    with pytest.raises(AccessError) as exc:
        invites.create(store, wid, "Kim", "participant")
    assert str(exc.value) == (f"The name 'Kim' belongs to the account kim in workshop {wid}; "
                              "invite the person under a name of their own.")
    lead = store.get_workshop(wid)
    with pytest.raises(AccessError) as exc:
        invites.create(store, wid, lead.lead, "participant")
    assert f"belongs to the account {lead.lead_account} in workshop" in str(exc.value)


def test_a_seat_without_a_login_or_taken_by_an_invitation_can_be_invited_again(
        store: Store, wid: int) -> None:
    store.add(Participant(workshop_id=wid, name="Open", role="participant", account=""))
    store.add(Participant(workshop_id=wid, name="Kim", role="observer", account="guest",
                          key="invite:1"))
    for name in ("Open", "Kim"):
        _invite, token = invites.create(store, wid, name, "participant")
        assert invites.verify(store, token).name == name


def test_an_unknown_workshop_is_one_sentence(store: Store) -> None:
    with pytest.raises(Exception) as exc:
        invites.create(store, 404, "Kim", "participant")
    assert str(exc.value) == f"There is no workshop 404 in {store.where}."


@pytest.mark.sqlite_only
def test_a_file_from_before_invitations_refuses_links_and_gets_the_table_on_first_invite(
        db_path: Path) -> None:
    store = Store(db_path, who="tester")
    wid = int(store.create_workshop(title="Old").id or 0)
    with store.write() as s:
        s.connection().execute(text("DROP TABLE invite"))
    with pytest.raises(AccessError) as exc:
        invites.verify(store, "a-token-from-somewhere")
    assert str(exc.value) == "This link is not a valid journeymap invitation."
    assert invites.listed(store, wid) == []
    _invite, token = invites.create(store, wid, "Kim", "participant")
    assert invites.verify(store, token).name == "Kim"
    with store.read() as s:
        assert len(list(s.exec(select(ChangeLog)))) >= 2
    store.close()


def test_a_token_far_longer_than_any_link_is_refused_without_asking_the_database() -> None:
    class NoDatabase:
        def read(self) -> object:
            raise AssertionError("the database was asked")

    with pytest.raises(AccessError, match="not a valid"):
        invites.verify(NoDatabase(), "x" * 201)  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="was asked"):
        invites.verify(NoDatabase(), "x" * 200)  # type: ignore[arg-type]


def test_a_database_failing_while_a_link_is_checked_is_one_sentence() -> None:
    from contextlib import contextmanager

    from sqlalchemy.exc import OperationalError

    from models.db.dbfile import StoreError

    class Failing:
        @contextmanager
        def read(self) -> Iterator[None]:
            raise OperationalError("SELECT", {}, Exception("disk I/O error\nat page 7"))
            yield  # pragma: no cover

    with pytest.raises(StoreError) as exc:
        invites.verify(Failing(), "a-token")  # type: ignore[arg-type]
    assert str(exc.value) == "The invitation could not be checked: disk I/O error."
