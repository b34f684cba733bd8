"""Presence: seats, roles, heartbeats that expire, leave, follow, done - without a UI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from models.db.fields import FieldError
from models.db.store import NotFound, Store
from models.db.tables.base import utcnow
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Participant
from models.db.tables.workshop import Workshop
from models.live import presence

pytestmark = pytest.mark.both_engines


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Password reset").id or 0)


def _log_count(store: Store) -> int:
    with store.read() as s:
        return len(list(s.exec(select(ChangeLog))))


def test_creator_is_lead_others_participants_role_only_lowers(store: Store, wid: int) -> None:
    assert store.get_workshop(wid).lead == "tester"
    assert presence.join(store, wid, "tester").role == "lead"
    assert presence.join(store, wid, "ana").role == "participant"
    assert presence.join(store, wid, "obs", role="observer").role == "observer"
    # a returning seat keeps its role when none is given; --role can only lower it
    assert presence.join(store, wid, "obs").role == "observer"
    assert presence.join(store, wid, "obs", role="participant").role == "observer"
    assert presence.join(store, wid, "obs", role="lead").role == "observer"
    assert presence.join(store, wid, "ana", role="lead").role == "participant"


def test_join_is_one_row_per_name_and_resumes_the_step(store: Store, wid: int) -> None:
    first = presence.join(store, wid, "ana")
    presence.heartbeat(store, first.id or 0, "pains")
    again = presence.join(store, wid, "  ana ")
    assert again.id == first.id
    assert again.current_step == "pains"  # rejoin where you were
    assert len(presence.participants(store, wid)) == 1


def test_join_rejects_bad_input(store: Store, wid: int) -> None:
    with pytest.raises(FieldError):
        presence.join(store, wid, "   ")
    with pytest.raises(FieldError):
        presence.join(store, wid, "ana", role="boss")
    with pytest.raises(NotFound):
        presence.join(store, wid + 99, "ana")


def test_presence_appears_and_expires(store: Store, wid: int) -> None:
    ana = presence.join(store, wid, "ana")
    now = utcnow()
    assert [p.name for p in presence.active(store, wid, now)] == ["ana"]
    later = now + dt.timedelta(seconds=presence.WINDOW_S + 1)
    assert presence.active(store, wid, later) == []
    # a heartbeat brings the seat back, and journeys give the same answer as the store
    store_clock = presence.heartbeat(store, ana.id or 0, "stages").last_seen
    journey = store.load(wid)
    seen = presence.active(journey, wid, presence.aware(store_clock))
    assert [(p.name, p.current_step) for p in seen] == [("ana", "stages")]


def test_active_lists_lead_first(store: Store, wid: int) -> None:
    for name in ("zoe", "bob", "tester"):
        presence.join(store, wid, name)
    names = [p.name for p in presence.active(store.load(wid), wid, utcnow())]
    assert names == ["tester", "bob", "zoe"]


def test_leave_is_gone_at_once_but_keeps_the_row(store: Store, wid: int) -> None:
    ana = presence.join(store, wid, "ana", role="observer")
    presence.set_following(store, ana.id or 0, True)
    presence.leave(store, ana.id or 0)
    assert presence.active(store, wid, utcnow()) == []
    back = presence.join(store, wid, "ana")
    assert back.role == "observer" and not back.following
    assert presence.active(store, wid, utcnow())[0].name == "ana"


def test_presence_writes_do_not_spam_the_change_log(store: Store, wid: int) -> None:
    before = _log_count(store)
    updated = store.get_workshop(wid).updated_at
    ana = presence.join(store, wid, "ana")
    for step in ("scope", "stages", "touchpoints"):
        presence.heartbeat(store, ana.id or 0, step)
    presence.set_following(store, ana.id or 0, True)
    presence.set_done(store, ana.id or 0, "touchpoints")
    presence.leave(store, ana.id or 0)
    assert _log_count(store) == before
    assert store.get_workshop(wid).updated_at == updated
    # ...while a normal edit still is logged (log=True stays the default)
    store.update(Workshop, wid, persona="Admin")
    assert _log_count(store) == before + 1


def test_follow_and_done_flags(store: Store, wid: int) -> None:
    ana = presence.join(store, wid, "ana")
    assert presence.set_following(store, ana.id or 0, True).following
    assert presence.set_done(store, ana.id or 0, "stages").done_step == "stages"
    assert presence.set_done(store, ana.id or 0, None).done_step == ""
    with pytest.raises(FieldError):
        presence.set_done(store, ana.id or 0, "nonsense")


def test_user_text_names_are_stored_literally(store: Store, wid: int) -> None:
    name = "[bold]Zoë[/] 名前 مرحبا 🙂"
    row = presence.join(store, wid, name)
    assert row.name == name
    assert store.load(wid).participants[-1].name == name


def test_seat_for_participant_shares_one_store(db_path: Path, store: Store, wid: int) -> None:
    seat = presence.open_seat(db_path, wid, "ana")
    try:
        assert seat.store is seat.presence and seat.role == "participant"
        seat.heartbeat("pains")
        seat.follow(True)
        assert store.load(wid).participants[0].following
    finally:
        seat.close()
    assert presence.active(store, wid, utcnow()) == []


def test_heartbeat_on_a_deleted_seat_is_a_clear_error(store: Store, wid: int) -> None:
    ana = presence.join(store, wid, "ana")
    store.delete(Participant, ana.id or 0)
    with pytest.raises(NotFound):
        presence.heartbeat(store, ana.id or 0)
    presence.leave(store, ana.id or 0)  # leaving a vanished seat is not an error
