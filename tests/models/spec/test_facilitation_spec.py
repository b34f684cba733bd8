"""Dot voting once the lead has revealed the votes: the count on screen is final, so a
seat can neither add nor take back a dot; each refusal is one sentence that says how
voting reopens (the lead hides the votes), and the dots stay as they were.  Observers do
not vote; only the lead changes the room's settings; a role change is an update in the
history; a missing workshop is named with its file; a stored moment keeps its zone."""

from __future__ import annotations

import datetime as dt

import pytest

from models.db.journey import Journey
from models.db.store import NotFound, Store
from models.db.tables.cards import PainPoint
from models.db.tables.seats import Participant
from models.db.tables.workshop import Workshop
from models.live import facilitation as fac
from models.live import presence
from models.live.marks import _when

CLOSED = "Voting is closed: the votes are revealed. The lead can hide them to reopen voting."


@pytest.fixture
def pain(store: Store) -> tuple[int, int]:
    wid = int(store.create_workshop(title="Refunds").id or 0)
    pain = store.add(PainPoint(workshop_id=wid, description="Refund takes weeks"))
    return wid, int(pain.id or 0)


def test_after_the_reveal_no_dot_is_added_or_taken_back(store: Store,
                                                         pain: tuple[int, int]) -> None:
    wid, pain_id = pain
    fac.cast_vote(store, pain_id, "ana")
    store.update(Workshop, wid, votes_revealed=True)
    with pytest.raises(fac.VoteRefused) as cast:
        fac.cast_vote(store, pain_id, "ana")
    with pytest.raises(fac.VoteRefused) as retract:
        fac.retract_vote(store, pain_id, "ana")
    assert str(cast.value) == str(retract.value) == CLOSED
    assert store.load(wid).dot_votes == {pain_id: 1}


def test_once_hidden_again_a_dot_can_be_taken_back(store: Store,
                                                   pain: tuple[int, int]) -> None:
    wid, pain_id = pain
    fac.cast_vote(store, pain_id, "ana")
    store.update(Workshop, wid, votes_revealed=True)
    store.update(Workshop, wid, votes_revealed=False)
    assert fac.retract_vote(store, pain_id, "ana") is True
    assert fac.retract_vote(store, pain_id, "ana") is False
    assert store.load(wid).dot_votes.get(pain_id, 0) == 0


@pytest.mark.parametrize(("action", "doing"), [
    (lambda s, w: fac.set_step_minutes(s, w, 12), "change the minutes per step"),
    (lambda s, w: fac.set_vote_budget(s, w, 5), "set the number of votes"),
])
def test_a_seat_that_is_not_the_lead_cannot_change_the_room_settings(  # type: ignore[no-untyped-def]
        db_path, store: Store, action, doing: str) -> None:
    wid = int(store.create_workshop(title="Refunds").id or 0)
    ana = Store(db_path, who="ana")
    try:
        presence.join(ana, wid, "ana")
        with pytest.raises(fac.LeadOnly) as err:
            action(ana, wid)
        assert str(err.value) == f"Only the workshop lead can {doing}; ask the lead to do it."
    finally:
        ana.close()


def test_an_observer_does_not_vote(store: Store, pain: tuple[int, int]) -> None:
    wid, pain_id = pain
    presence.grant(store, wid, "olga", "observer")
    with pytest.raises(fac.VoteRefused) as err:
        fac.cast_vote(store, pain_id, "olga")
    assert str(err.value) == "Observers do not vote."
    assert store.load(wid).dot_votes == {}


def test_a_role_change_is_logged_as_an_update(store: Store, pain: tuple[int, int]) -> None:
    wid, _ = pain
    presence.grant(store, wid, "ana", "observer")
    assert store.changes(wid)[-1].action == "update"


def test_joining_a_workshop_that_is_not_there_names_it_and_the_file(store: Store) -> None:
    with pytest.raises(NotFound) as err:
        presence.join(store, 99, "ana")
    assert str(err.value) == f"There is no workshop 99 in {store.where}."


def test_a_stored_moment_with_its_own_zone_keeps_it() -> None:
    assert _when("2026-11-30 10:00:00+01:00") == dt.datetime(
        2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    assert _when("2026-11-30 10:00:00") == dt.datetime(2026, 11, 30, 10, 0, tzinfo=dt.UTC)


def test_who_is_done_counts_only_seats_heard_from_within_the_window_given() -> None:
    now = dt.datetime(2026, 11, 30, 10, 0, 10, tzinfo=dt.UTC)
    seen = dt.datetime(2026, 11, 30, 10, 0, 5)
    journey = Journey(workshop=Workshop(id=1, title="Refunds"), participants=[
        Participant(workshop_id=1, name="bo", role="participant", last_seen=seen,
                    done_step="pains"),
        Participant(workshop_id=1, name="ana", role="participant", last_seen=seen)])
    assert fac.done_summary(journey, "pains", now, 10) == (["bo"], ["ana"])
    assert fac.done_summary(journey, "pains", now, 2) == ([], [])
