"""Who may do what in a workshop (models/db/access.py): roles are granted, never claimed.

What a workshop lead relies on: the creator's OS account is the lead, a name typed with
``--as`` proves nothing, ``--role`` and a ``seat`` forced command only ever lower a role,
an observer changes nothing, and a refusal is one sentence naming the role held and the
role needed.  Before this file only CLI tests reached these rules (issue 20)."""

from __future__ import annotations

import os
import pwd
from pathlib import Path
from types import SimpleNamespace

import pytest

from models.db import access
from models.db.access import AccessError
from models.db.dbfile import StoreError
from models.db.store import Store
from models.db.tables.seats import Participant

WORKSHOP = SimpleNamespace(lead="Ana", lead_account="ana")


def _person(name: str, role: str, account: str = "", key: str = "") -> object:
    return SimpleNamespace(name=name, role=role, account=account, key=key)


# -- the order of roles --------------------------------------------------------------


def test_roles_rank_observer_under_participant_under_lead() -> None:
    assert list(access.ROLE_RANK) == ["observer", "participant", "lead"]
    assert access.ROLE_RANK["observer"] < access.ROLE_RANK["participant"] \
        < access.ROLE_RANK["lead"]


@pytest.mark.parametrize(("first", "second", "lesser"), [
    ("lead", "observer", "observer"), ("observer", "lead", "observer"),
    ("participant", "lead", "participant"), ("lead", "participant", "participant"),
    ("lead", "lead", "lead"), ("participant", None, "participant"),
])
def test_the_lower_of_two_roles(first: str, second: str | None, lesser: str) -> None:
    assert access.lower(first, second) == lesser


def test_an_unknown_role_is_refused_naming_the_three() -> None:
    assert access.check_role("observer") == "observer"
    with pytest.raises(AccessError) as exc:
        access.check_role("admin")
    assert str(exc.value) == ("The role must be one of: observer, participant, lead; "
                              "not 'admin'.")


@pytest.mark.parametrize(("role", "may"), [
    (None, set()), ("observer", set()),
    ("participant", {"edit", "export", "import"}),
    ("lead", {"edit", "export", "import", "delete", "grant"}),
])
def test_what_each_role_may_do(role: str | None, may: set[str]) -> None:
    assert {action for action in access.ACTIONS if access.allowed(role, action)} == may


# -- the role an account holds ---------------------------------------------------------


def test_the_creating_account_is_the_lead_whatever_name_it_uses() -> None:
    assert access.account_role(WORKSHOP, [], "ana") == "lead"
    assert access.account_role(WORKSHOP, [_person("Ana", "lead", "mallory")], "bob") is None


def test_an_account_without_a_login_name_is_nobody() -> None:
    nameless = SimpleNamespace(lead="", lead_account="")
    assert access.account_role(nameless, [], "") is None


def test_an_account_gets_its_highest_seat_and_only_with_its_own_key() -> None:
    people: list[object] = [_person("Kim", "observer", "kim"),
                            _person("Kim 2", "participant", "kim"),
                            _person("Guest", "lead", "guest", key="SHA256:abc")]
    assert access.account_role(WORKSHOP, people, "kim") == "participant"
    assert access.account_role(WORKSHOP, list(reversed(people)), "kim") == "participant"
    assert access.account_role(WORKSHOP, people, "guest") is None  # a shell, not the key
    assert access.account_role(WORKSHOP, people, "guest", "SHA256:abc") == "lead"
    assert access.account_role(WORKSHOP, people, "guest", "SHA256:other") is None
    assert access.account_role(WORKSHOP, people, "nobody") is None


def test_a_seat_of_the_lead_account_never_lowers_its_lead_role() -> None:
    people: list[object] = [_person("Ana", "observer", "ana")]
    assert access.account_role(WORKSHOP, people, "ana") == "lead"


# -- refusals --------------------------------------------------------------------------


def test_a_refusal_says_what_is_needed_and_what_is_held() -> None:
    assert str(access.refusal(3, "kim", "observer", "edit")) == (
        "Only a participant or lead can change workshop 3; the account kim is an observer "
        "there (a lead can grant one with `journeymap role`).")
    assert str(access.refusal(3, "kim", "participant", "delete")) == (
        "Only a lead can delete workshop 3; the account kim is a participant there "
        "(a lead can grant one with `journeymap role`).")
    assert str(access.refusal(4, "eve", None, "grant")) == (
        "Only a lead can change roles in workshop 4; the account eve has no role there "
        "(a lead can grant one with `journeymap role`).")
    assert "can import into workshop" in str(access.refusal(1, "x", None, "import"))
    assert "can write a file from workshop" in str(access.refusal(1, "x", None, "export"))


# -- the checks against a stored workshop ------------------------------------------------


@pytest.fixture
def lead_store(db_path: Path) -> Store:
    return Store(db_path, who="Ana")


def _seat(store: Store, wid: int, name: str, role: str, account: str, key: str = "") -> None:
    store.add(Participant(workshop_id=wid, name=name, role=role, account=account, key=key))


def test_require_gives_the_role_or_refuses(lead_store: Store) -> None:
    wid = int(lead_store.create_workshop(title="Login lockout").id or 0)
    me = lead_store.account
    _seat(lead_store, wid, "Olga", "observer", "olga")
    _seat(lead_store, wid, "Kim", "participant", "kim")
    assert access.require(lead_store, wid, me, "delete") == "lead"
    assert access.require(lead_store, wid, "kim", "edit") == "participant"
    with pytest.raises(AccessError, match="^Only a lead can delete workshop"):
        access.require(lead_store, wid, "kim", "delete")
    with pytest.raises(AccessError, match="the account olga is an observer there"):
        access.require(lead_store, wid, "olga", "edit")
    with pytest.raises(AccessError, match="the account eve has no role there"):
        access.require(lead_store, wid, "eve", "export")
    with pytest.raises(StoreError) as exc:
        access.require(lead_store, 999, me, "edit")
    assert str(exc.value) == f"There is no workshop 999 in {lead_store.where}."
    lead_store.close()


def test_a_seated_name_has_the_role_of_that_seat_not_of_the_account(lead_store: Store) -> None:
    wid = int(lead_store.create_workshop(title="Login lockout").id or 0)
    me = lead_store.account
    _seat(lead_store, wid, "Ana as observer", "observer", me)
    _seat(lead_store, wid, "Open seat", "participant", "")
    _seat(lead_store, wid, "Kim", "participant", "kim")
    _seat(lead_store, wid, "Guest", "participant", me, key="SHA256:k")
    with pytest.raises(AccessError, match="is an observer there"):
        access.require(lead_store, wid, me, "edit", seat="Ana as observer")
    assert access.require(lead_store, wid, me, "edit", seat="Open seat") == "participant"
    with pytest.raises(AccessError, match="has no role there"):  # another account's seat
        access.require(lead_store, wid, me, "edit", seat="Kim")
    with pytest.raises(AccessError, match="has no role there"):  # bound to a key
        access.require(lead_store, wid, me, "edit", seat="Guest")
    assert access.require(lead_store, wid, me, "edit", key="SHA256:k",
                          seat="Guest") == "participant"
    with pytest.raises(AccessError, match="has no role there"):
        access.require(lead_store, wid, me, "edit", seat="Nobody")
    lead_store.close()


def test_importing_into_a_file_needs_a_role_somewhere_in_it(lead_store: Store) -> None:
    access.require_portfolio(lead_store, "eve", "import")  # an empty file: anyone
    first = int(lead_store.create_workshop(title="First").id or 0)
    second = int(lead_store.create_workshop(title="Second").id or 0)
    _seat(lead_store, first, "Olga", "observer", "olga")
    _seat(lead_store, second, "Kim", "participant", "kim")
    access.require_portfolio(lead_store, lead_store.account, "import")
    access.require_portfolio(lead_store, "kim", "import")  # a participant in the second
    for account in ("olga", "eve"):
        with pytest.raises(AccessError) as exc:
            access.require_portfolio(lead_store, account, "import")
        assert str(exc.value) == (
            "Only a participant or lead of a workshop in this file can add workshops to it; "
            f"the account {account} is neither.")
    lead_store.close()


# -- the role a seat gets ----------------------------------------------------------------


def test_a_new_name_sits_as_participant_and_the_creator_as_lead() -> None:
    assert access.seat_role(WORKSHOP, [], "Kim", "kim") == "participant"
    assert access.seat_role(WORKSHOP, [], "Ana", "ana") == "lead"
    assert access.seat_role(WORKSHOP, [], "Ana", "ana", requested="observer") == "observer"
    assert access.seat_role(WORKSHOP, [], "Kim", "kim", requested="lead") == "participant"


def test_a_returning_name_keeps_its_stored_role_and_role_only_lowers_it() -> None:
    kim = _person("Kim", "observer", "kim")
    assert access.seat_role(WORKSHOP, [kim], "Kim", "kim") == "observer"
    assert access.seat_role(WORKSHOP, [kim], "Kim", "kim", requested="lead") == "observer"
    lead = _person("Lu", "lead", "lu")
    assert access.seat_role(WORKSHOP, [lead], "Lu", "lu", requested="participant") == "participant"
    blank = _person("Sam", "participant", "")
    assert access.seat_role(WORKSHOP, [blank], "Sam", "sam") == "participant"


@pytest.mark.parametrize(("existing", "name"), [
    (_person("Kim", "participant", "kim"), "Kim"),         # another account's seat
    (_person("Kim", "participant", "me", key="SHA256:x"), "Kim"),  # bound to a key
    (None, "Ana"),                                         # the lead's name, other account
])
def test_a_name_that_belongs_to_someone_else_is_refused(existing: object, name: str) -> None:
    with pytest.raises(AccessError) as exc:
        access.seat_role(WORKSHOP, [existing] if existing else [], name, "me")
    assert str(exc.value) == (f"The name {name!r} belongs to another account in this "
                              "workshop; choose your own name with --as.")


def test_a_forced_seat_commands_role_is_a_cap_and_never_raises_a_stored_role() -> None:
    assert access.seat_role(WORKSHOP, [], "Guest", "guest", cap="participant") \
        == "participant"
    with pytest.raises(AccessError, match="belongs to another account"):  # qa10: the
        access.seat_role(WORKSHOP, [], "Ana", "guest", cap="observer")  # creator's name
    stored_observer = _person("Guest", "observer", "guest", key="SHA256:k")
    assert access.seat_role(WORKSHOP, [stored_observer], "Guest", "guest", cap="lead") \
        == "observer"
    stored_lead = _person("Guest", "lead", "guest", key="SHA256:k")
    assert access.seat_role(WORKSHOP, [stored_lead], "Guest", "guest", cap="participant") \
        == "participant"
    assert access.seat_role(WORKSHOP, [stored_lead], "Guest", "guest", cap="lead",
                            requested="observer") == "observer"
    assert access.seat_role(WORKSHOP, [], "New", "guest", cap="lead",
                            requested="participant") == "participant"
    # trust11: typed or forced, a line's ROLE grants nothing a lead did not
    assert access.seat_role(WORKSHOP, [], "New", "guest", cap="lead") == "participant"
    granted = _person("Lee", "lead", "guest")  # role 3 lee lead --account guest
    assert access.seat_role(WORKSHOP, [granted], "Lee", "guest", cap="lead",
                            logged="lead") == "lead"
    # sec20: the same row without a logged grant (written by anyone) counts as a new name
    assert access.seat_role(WORKSHOP, [granted], "Lee", "guest", cap="lead") == "participant"
    observer = _person("Kim", "observer", "guest")  # the account was granted observer
    assert access.seat_role(WORKSHOP, [observer], "New", "guest", cap="lead") == "observer"
    assert access.seat_role(WORKSHOP, [observer], "New", "guest") == "observer"  # open --as


def test_a_checked_invitation_is_a_leads_grant_for_its_name() -> None:
    assert access.seat_role(WORKSHOP, [], "Kim", "server", grant="lead") == "lead"
    stored = _person("Kim", "observer", "server", key="invite:1")
    assert access.seat_role(WORKSHOP, [stored], "Kim", "server", grant="lead") == "observer"




def test_a_wrong_role_in_a_command_is_refused_before_anything_else() -> None:
    with pytest.raises(AccessError, match="not 'boss'"):
        access.seat_role(WORKSHOP, [], "Kim", "kim", requested="boss")
    with pytest.raises(AccessError, match="not 'boss'"):
        access.seat_role(WORKSHOP, [_person("Kim", "lead", "kim")], "Kim", "kim", cap="boss")


# -- who the account is ------------------------------------------------------------------


def test_the_account_is_the_login_of_the_real_uid_not_user(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "root")
    monkeypatch.setenv("LOGNAME", "root")
    assert access.current_account() == pwd.getpwuid(os.getuid()).pw_name


def test_a_uid_without_a_passwd_entry_is_still_an_identity(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def missing(_uid: int) -> object:
        raise KeyError(_uid)

    made = tmp_path / "made.db"
    made.write_bytes(b"")
    assert access.file_owner(made) == pwd.getpwuid(os.getuid()).pw_name
    monkeypatch.setattr(pwd, "getpwuid", missing)  # models.db.os_login reads it
    assert access.current_account() == f"uid{os.getuid()}"
    assert access.file_owner(made) == f"uid{os.stat(made).st_uid}"
    assert access.file_owner(tmp_path / "missing.db") == ""
