"""Facilitation: shared timer, dot voting (budget, secrecy, reveal), follow, gather, done."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from pathlib import Path

import pytest
from sqlmodel import select

from models.db.store import Store
from models.db.tables.base import utcnow
from models.db.tables.cards import PainPoint, Vote
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Workshop
from models.live import facilitation as fac
from models.live import presence, seat_step

pytestmark = pytest.mark.both_engines


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Refunds").id or 0)


@pytest.fixture
def other(db_path: Path, store: Store) -> Store:
    """A second seat (another process in real life) on the same file, not the lead."""
    s = Store(db_path, who="ana")
    yield s
    s.close()


def _pain(store: Store, wid: int, text: str = "loop") -> int:
    return int(store.add(PainPoint(workshop_id=wid, description=text)).id or 0)


# -- timer ---------------------------------------------------------------------------
def test_timer_is_shared_and_counts_down(store: Store, other: Store, wid: int) -> None:
    assert fac.timer_remaining(other.get_workshop(wid), utcnow()) is None
    before = utcnow()
    fac.start_timer(store, wid, "touchpoints")  # default minutes per step (15)
    seen = other.get_workshop(wid)  # another seat reads the same state
    assert seen.timer_step == "touchpoints"
    left = fac.timer_remaining(seen, before)
    assert left is not None
    assert dt.timedelta(minutes=15) <= left < dt.timedelta(minutes=15, seconds=5)
    assert fac.timer_remaining(seen, before + dt.timedelta(minutes=16)) == dt.timedelta(0)
    assert fac.timer_label(seen, before + dt.timedelta(minutes=16)) == "time is up"
    assert fac.timer_label(seen, presence.aware(seen.timer_ends_at) - dt.timedelta(seconds=65)) \
        == "1:05 left"
    fac.start_timer(store, wid, "pains", minutes=5)
    left = fac.timer_remaining(other.get_workshop(wid), utcnow())
    assert left is not None and left <= dt.timedelta(minutes=5)
    fac.stop_timer(store, wid)
    assert fac.timer_remaining(other.get_workshop(wid), utcnow()) is None
    assert fac.timer_label(other.get_workshop(wid), utcnow()) == ""


def test_step_minutes_editable_and_validated(store: Store, wid: int) -> None:
    fac.set_step_minutes(store, wid, 20)
    fac.start_timer(store, wid, "scope")
    left = fac.timer_remaining(store.get_workshop(wid), utcnow())
    assert left is not None and dt.timedelta(minutes=19) < left <= dt.timedelta(minutes=20)
    with pytest.raises(ValueError):
        fac.start_timer(store, wid, "scope", minutes=0)
    with pytest.raises(fac.StoreError):
        fac.start_timer(store, wid, "lunch")


@pytest.mark.parametrize("action", [
    lambda s, w: fac.start_timer(s, w, "scope"),
    lambda s, w: fac.stop_timer(s, w),
    lambda s, w: fac.reveal_votes(s, w),
    lambda s, w: fac.hide_votes(s, w),
    lambda s, w: fac.gather(s, w, "pains"),
    lambda s, w: fac.set_vote_budget(s, w, 5),
    lambda s, w: fac.set_step_minutes(s, w, 5),
])
def test_only_the_lead_may_facilitate(other: Store, wid: int, action) -> None:  # type: ignore[no-untyped-def]
    presence.join(other, wid, "ana")
    with pytest.raises(fac.LeadOnly, match="Only the workshop lead"):
        action(other, wid)
    workshop = other.get_workshop(wid)
    assert (workshop.timer_step, workshop.votes_revealed, workshop.gather_step) == ("", False, "")


def test_a_seat_granted_lead_may_facilitate(store: Store, other: Store, wid: int) -> None:
    presence.grant(store, wid, "ana", "lead", account=other.account)
    presence.join(other, wid, "ana")
    fac.gather(other, wid, "pains")
    assert other.get_workshop(wid).gather_step == "pains"


# -- dot voting ----------------------------------------------------------------------
def test_budget_per_participant_per_workshop(store: Store, other: Store, wid: int) -> None:
    a, b = _pain(store, wid, "a"), _pain(store, wid, "b")
    fac.cast_vote(other, a, "ana")
    fac.cast_vote(other, a, "ana")  # stacking dots on one pain is allowed
    fac.cast_vote(other, b, "ana")
    with pytest.raises(fac.VoteRefused, match="all 3 of your votes"):
        fac.cast_vote(other, b, "ana")
    assert fac.votes_left(other.load(wid), "ana") == 0
    assert fac.votes_left(other.load(wid), "bob") == 3
    # another workshop has its own budget
    w2 = int(store.create_workshop(title="Other").id or 0)
    fac.cast_vote(other, _pain(store, w2), "ana")
    assert fac.retract_vote(other, a, "ana") is True
    assert fac.retract_vote(other, b, "bob") is False
    fac.cast_vote(other, b, "ana")
    assert fac.visible_votes(other.load(wid), "ana") == {a: 1, b: 2}


def test_votes_hidden_until_reveal(store: Store, other: Store, wid: int) -> None:
    a, b = _pain(store, wid, "a"), _pain(store, wid, "b")
    fac.cast_vote(other, a, "ana")
    fac.cast_vote(store, b, "tester")
    fac.cast_vote(store, b, "tester")
    journey = other.load(wid)
    assert fac.visible_votes(journey, "ana") == {a: 1}
    assert fac.visible_votes(journey, "tester") == {b: 2}
    assert journey.votes_of(journey.pain_point(b)) == 0  # ranking ignores hidden dots
    fac.reveal_votes(store, wid)
    journey = other.load(wid)
    assert fac.visible_votes(journey, "ana") == {a: 1, b: 2}
    assert journey.votes_of(journey.pain_point(b)) == 2
    with pytest.raises(fac.VoteRefused, match="closed"):
        fac.cast_vote(other, a, "ana")
    fac.hide_votes(store, wid)
    assert fac.visible_votes(other.load(wid), "ana") == {a: 1}


def test_votes_are_not_in_the_change_log(store: Store, wid: int) -> None:
    a = _pain(store, wid)
    fac.cast_vote(store, a, "tester")
    fac.retract_vote(store, a, "tester")
    entities = {c.entity for c in store.changes(wid)}
    assert "vote" not in entities


def test_observers_do_not_vote(store: Store, other: Store, wid: int) -> None:
    presence.join(other, wid, "ana", role="observer")
    with pytest.raises(fac.VoteRefused, match="Observers"):
        fac.cast_vote(other, _pain(store, wid), "ana")


def _vote_many(path: str, pain_id: int, tries: int, out: mp.Queue) -> None:
    store = Store(path, who="ana")
    ok = 0
    for _ in range(tries):
        try:
            fac.cast_vote(store, pain_id, "ana")
            ok += 1
        except fac.VoteRefused:
            pass
    store.close()
    out.put(ok)


def test_budget_holds_under_concurrent_voting(db_path: Path, store: Store, wid: int) -> None:
    """Two processes voting as the same person at once never exceed the budget."""
    store.update(Workshop, wid, votes_per_participant=7)
    pain = _pain(store, wid)
    ctx = mp.get_context("spawn")
    out: mp.Queue = ctx.Queue()
    procs = [ctx.Process(target=_vote_many, args=(str(db_path), pain, 10, out)) for _ in range(2)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert sum(results) == 7
    with store.read() as s:
        assert len(list(s.exec(select(Vote)))) == 7


# -- follow, gather, done ---------------------------------------------------------------
def test_follow_the_lead(store: Store, other: Store, wid: int) -> None:
    lead = presence.join(store, wid, "tester")
    ana = presence.join(other, wid, "ana")
    assert seat_step.lead_step(other.load(wid)) == "scope"
    presence.heartbeat(store, lead.id or 0, "touchpoints")
    journey = other.load(wid)
    assert seat_step.lead_step(journey) == "touchpoints"
    me = journey.participants[1]
    assert fac.step_to_show(journey, me, None) is None  # not following: stay put
    presence.set_following(other, ana.id or 0, True)
    journey = other.load(wid)
    me = journey.participants[1]
    assert fac.step_to_show(journey, me, None) == "touchpoints"
    presence.heartbeat(other, ana.id or 0, "touchpoints")
    journey = other.load(wid)
    assert fac.step_to_show(journey, journey.participants[1], None) is None  # already there


def test_no_lead_seat_means_no_lead_step(other: Store, wid: int) -> None:
    presence.join(other, wid, "ana")
    assert seat_step.lead_step(other.load(wid)) is None


def test_gather_moves_everyone_once(store: Store, other: Store, wid: int) -> None:
    presence.join(store, wid, "tester")
    presence.join(other, wid, "ana")
    fac.gather(store, wid, "pains")
    journey = other.load(wid)
    me = journey.participants[1]
    assert fac.step_to_show(journey, me, None) == "pains"
    obeyed = journey.workshop.gather_at
    assert fac.gather_pending(journey.workshop, obeyed) is None  # only once
    assert fac.step_to_show(journey, me, obeyed) is None


def test_done_summary_for_the_lead(store: Store, wid: int) -> None:
    presence.join(store, wid, "tester")
    ids = {n: presence.join(store, wid, n).id or 0 for n in ("zoe", "bob", "cy")}
    presence.join(store, wid, "obs", role="observer")
    presence.set_done(store, ids["zoe"], "stages")
    presence.set_done(store, ids["bob"], "scope")
    assert fac.done_summary(store.load(wid), "stages") == (["zoe"], ["bob", "cy"])
    presence.leave(store, ids["cy"])
    assert fac.done_summary(store.load(wid), "stages", now=utcnow()) == (["zoe"], ["bob"])


def test_facilitation_edits_are_attributed(store: Store, wid: int) -> None:
    fac.start_timer(store, wid, "scope")
    with store.read() as s:
        fields = {c.field for c in s.exec(select(ChangeLog)) if c.who == "tester"}
    assert {"timer_step", "timer_ends_at"} <= fields
