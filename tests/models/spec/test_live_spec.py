"""Live pairing as seats see it (models/live/): the change marks a seat polls, and the exact
sentences of the facilitation and presence refusals.  The marks had no domain test before
(issue 20: every sampled mutant of marks.py was "no tests")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.db.fields import FieldError
from models.db.schema import StoreError
from models.db.store import NotFound, Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop
from models.live import facilitation as fac
from models.live import presence
from models.live.marks import Marks, _when
from models.vocab import STEPS

STEP_LIST = ", ".join(STEPS)


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Refunds").id or 0)


# -- the marks a seat polls --------------------------------------------------------------
def test_an_edit_changes_the_content_mark_and_a_read_does_not(db_path: Path, store: Store,
                                                              wid: int) -> None:
    marks = Marks(db_path, wid)
    try:
        before = marks.content()
        store.load(wid)
        assert marks.content() == before
        store.add(PainPoint(workshop_id=wid, description="loop"))
        assert marks.content() != before
    finally:
        marks.close()


def test_foreign_edits_count_only_what_others_wrote_after_a_point(db_path: Path, store: Store,
                                                                   wid: int) -> None:
    ana = Store(db_path, who="ana")
    marks = Marks(db_path, wid)
    try:
        ana.add(PainPoint(workshop_id=wid, description="ana's pain"))
        mine = store.add(PainPoint(workshop_id=wid, description="my pain"))
        assert mine.id
        assert marks.foreign_edits(None, "tester") == 1
        assert marks.foreign_edits(None, "ana") == 2  # tester's create and the workshop's
        last = max(c.id or 0 for c in store.changes(wid))
        assert marks.foreign_edits(last, "tester") == 0
        ana.add(PainPoint(workshop_id=wid, description="another"))
        assert marks.foreign_edits(last, "tester") == 1
    finally:
        marks.close()
        ana.close()


def test_presence_shows_each_seat_and_which_are_active(db_path: Path, store: Store,
                                                       wid: int) -> None:
    ana = presence.join(store, wid, "ana")
    marks = Marks(db_path, wid)
    try:
        presence.heartbeat(store, int(ana.id or 0), "pains")
        now = dt.datetime.now(dt.UTC)
        shown, active = marks.presence(now, 30)
        assert active == frozenset({ana.id})
        assert shown[-1] == active
        row = next(r for r in shown[:-1] if r[1] == "ana")
        assert len(row) == 6
        assert (row[0], row[1], row[3]) == (ana.id, "ana", "pains")
        later, active_later = marks.presence(now + dt.timedelta(seconds=31), 30)
        assert active_later == frozenset() and later[-1] == frozenset()
    finally:
        marks.close()


def test_a_stored_timestamp_reads_as_utc() -> None:
    assert _when("2026-03-02 14:05:06") == dt.datetime(2026, 3, 2, 14, 5, 6, tzinfo=dt.UTC)
    assert _when(None) is None and _when("soon") is None


def test_marks_open_the_file_read_only(db_path: Path, store: Store, wid: int) -> None:
    marks = Marks(db_path, wid)
    try:
        with pytest.raises(Exception, match="readonly|read-only"):
            marks.conn.execute("DELETE FROM workshop")
    finally:
        marks.close()
    assert store.get_workshop(wid).title == "Refunds"


# -- the sentences of refusals ---------------------------------------------------------
def test_an_unknown_step_is_refused_listing_the_steps(store: Store, wid: int) -> None:
    with pytest.raises(StoreError) as err:
        fac.start_timer(store, wid, "lunch")
    assert str(err.value) == f"There is no step 'lunch'; steps are: {STEP_LIST}."
    pid = int(presence.join(store, wid, "ana").id or 0)
    with pytest.raises(FieldError) as refused:
        presence.set_done(store, pid, "lunch")
    assert str(refused.value) == f"step must be one of: {STEP_LIST}."


@pytest.mark.parametrize(("action", "doing"), [
    (lambda s, w: fac.gather(s, w, "pains"), "bring everyone to a step"),
    (lambda s, w: fac.stop_timer(s, w), "stop the timer"),
])
def test_a_seat_that_is_not_the_lead_is_told_what_it_cannot_do(  # type: ignore[no-untyped-def]
        db_path: Path, wid: int, action, doing: str) -> None:
    ana = Store(db_path, who="ana")
    try:
        presence.join(ana, wid, "ana")
        with pytest.raises(fac.LeadOnly) as err:
            action(ana, wid)
        assert str(err.value) == f"Only the workshop lead can {doing}; ask the lead to do it."
    finally:
        ana.close()


def test_a_vote_on_a_deleted_pain_point_is_one_sentence(store: Store, wid: int) -> None:
    with pytest.raises(NotFound) as err:
        fac.cast_vote(store, 9999, "tester")
    assert str(err.value) == "That pain point no longer exists (someone may have deleted it)."


def test_a_blank_name_is_refused_saying_how_to_give_one(store: Store, wid: int) -> None:
    with pytest.raises(FieldError) as err:
        presence.join(store, wid, "  ")
    assert str(err.value) == "A participant needs a name (use --as NAME)."


def test_a_gather_needs_both_its_step_and_its_moment() -> None:
    at = dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC)
    assert fac.gather_pending(Workshop(gather_step="pains", gather_at=None), None) is None
    assert fac.gather_pending(Workshop(gather_step="", gather_at=at), None) is None
    assert fac.gather_pending(Workshop(gather_step="pains", gather_at=at), None) == "pains"


def test_a_role_change_is_in_the_history(store: Store, wid: int) -> None:
    presence.grant(store, wid, "ana", "observer")
    last = store.changes(wid)[-1]
    assert (last.entity, last.field, last.old, last.new) == ("participant", "role", "",
                                                             "observer")
    assert last.summary == "ana: role none → observer"
