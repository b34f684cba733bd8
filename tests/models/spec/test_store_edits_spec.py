"""Every edit through the store (models/db/store.py ``add``, ``update``, ``delete``,
``move``, workshops), as the people in a workshop see it: rows land where they are put,
the history says who changed what from what to what, an edit that changes nothing writes
nothing, a row someone else deleted is one sentence, and the Home list puts the workshop
changed last first.  Most of this was checked only through CLI tests before (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from models.db.store import NotFound, Store, gone
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import AuditEntry, ChangeLog
from models.db.tables.seats import Participant
from models.db.tables.workshop import Stage, Touchpoint, Workshop

pytestmark = pytest.mark.both_engines


def _wid(store: Store, title: str = "Login lockout") -> int:
    return int(store.create_workshop(title=title).id or 0)


def _stages(store: Store, wid: int) -> list[Stage]:
    with store.read() as s:
        return list(s.exec(select(Stage).where(Stage.workshop_id == wid)
                           .order_by(Stage.position, Stage.id)))  # type: ignore[arg-type]


def _long_ago(store: Store, wid: int) -> dt.datetime:
    with store.write() as s:
        row = s.get(Workshop, wid)
        assert row is not None
        row.updated_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    return store.get_workshop(wid).updated_at


# -- workshops ---------------------------------------------------------------------------


def test_a_new_workshop_is_led_by_its_creator_with_the_six_stages(store: Store) -> None:
    workshop = store.create_workshop(title="Login lockout")
    assert (workshop.lead, workshop.lead_account) == ("tester", store.account)
    names = [st.name for st in _stages(store, int(workshop.id or 0))]
    assert names[0] == "Problem Discovery" and names[-1] == "Follow-Up" and len(names) == 6
    assert [st.position for st in _stages(store, int(workshop.id or 0))] == list(range(6))
    log = store.changes(int(workshop.id or 0))
    assert [(c.entity, c.action, c.summary, c.who) for c in log] == [
        ("workshop", "create", "created workshop Login lockout", "tester")]


def test_a_workshop_without_a_title_is_named_by_its_scenario_and_may_start_empty(
        store: Store) -> None:
    workshop = store.create_workshop(scenario="Locked out", default_stages=False,
                                     lead="Ana", lead_account="ana")
    wid = int(workshop.id or 0)
    assert _stages(store, wid) == []
    assert (workshop.lead, workshop.lead_account) == ("Ana", "ana")
    assert store.changes(wid)[0].summary == "created workshop Locked out"


def test_the_home_list_puts_the_last_changed_first_then_the_oldest_id(store: Store) -> None:
    first, second, third = (_wid(store, t) for t in ("First", "Second", "Third"))
    same = dt.datetime(2020, 5, 1, tzinfo=dt.UTC)
    with store.write() as s:
        for wid in (first, second, third):
            row = s.get(Workshop, wid)
            assert row is not None
            row.updated_at = same
    assert [w.id for w in store.list_workshops()] == [first, second, third]
    store.add(PainPoint(workshop_id=second, description="Reset loop"))
    assert [w.id for w in store.list_workshops()] == [second, first, third]


def test_deleting_a_workshop_leaves_an_audit_line_that_outlives_it(store: Store) -> None:
    titled, untitled = _wid(store, "Login lockout"), int(
        store.create_workshop(scenario="Billing").id or 0)
    store.delete_workshop(titled)
    store.delete_workshop(untitled)
    audit = store.audit()
    assert [(a.action, a.workshop_id, a.title, a.who, a.account) for a in audit] == [
        ("delete", titled, "Login lockout", "tester", store.account),
        ("delete", untitled, "Billing", "tester", store.account)]
    with pytest.raises(NotFound) as exc:
        store.delete_workshop(titled)
    assert str(exc.value) == f"There is no workshop {titled} in {store.where}."
    with pytest.raises(NotFound, match=f"^There is no workshop {titled} in"):
        store.get_workshop(titled)
    with pytest.raises(NotFound, match=f"^There is no workshop {titled} in"):
        store.load(titled)


def test_a_seat_key_is_written_beside_the_account(store: Store) -> None:
    assert store.attribution == store.account
    store.key = "SHA256:abc"
    wid = _wid(store)
    assert store.attribution == f"{store.account} key SHA256:abc"
    assert store.changes(wid)[0].account == f"{store.account} key SHA256:abc"
    store.delete_workshop(wid)
    assert store.audit()[-1].account == f"{store.account} key SHA256:abc"


# -- adding ------------------------------------------------------------------------------


def test_added_rows_go_to_the_end_of_their_siblings_unless_placed(store: Store) -> None:
    wid = _wid(store)
    stage = int(_stages(store, wid)[1].id or 0)
    first = store.add(Touchpoint(stage_id=stage, name="Reset link"))
    second = store.add(Touchpoint(stage_id=stage, name="Chat"))
    placed = store.add(Touchpoint(stage_id=stage, name="Placed", position=7))
    after = store.add(Touchpoint(stage_id=stage, name="After"))
    assert [first.position, second.position, placed.position, after.position] == [0, 1, 7, 8]
    other = store.add(Touchpoint(stage_id=int(_stages(store, wid)[2].id or 0), name="Call"))
    assert other.position == 0
    task = store.add(PlanTask(workshop_id=wid, title="Fix the reset link"))
    assert task.position == 0
    assert store.add(Stage(workshop_id=wid, name="Seventh")).position == 6


def test_an_added_row_is_logged_in_its_workshop_with_what_it_is(store: Store) -> None:
    wid, other = _wid(store), _wid(store, "Other")
    before = _long_ago(store, wid)
    stage = int(_stages(store, wid)[0].id or 0)
    tp = store.add(Touchpoint(stage_id=stage, name="Reset link " + "x" * 80))
    pain = store.add(PainPoint(workshop_id=wid, description="Loops back to login"))
    card = store.add(HypothesisCard(pain_point_id=int(pain.id or 0),
                                    experiment="Shorter reset"))
    store.add(Vote(pain_point_id=int(pain.id or 0), participant="Kim"))
    task = store.add(PlanTask(workshop_id=wid, title="Fix the reset link", detail="Why"))
    added = [c for c in store.changes(wid) if c.action == "create" and c.entity != "workshop"]
    assert [(c.entity, c.entity_id, c.summary, c.who) for c in added] == [
        ("touchpoint", tp.id, "added touchpoint Reset link " + "x" * 49, "tester"),
        ("painpoint", pain.id, "added painpoint Loops back to login", "tester"),
        ("hypothesiscard", card.id, "added hypothesiscard Shorter reset", "tester"),
        ("vote", added[-2].entity_id, "added vote", "tester"),
        ("plantask", task.id, "added plantask Fix the reset link", "tester")]
    assert len(store.changes(other)) == 1
    assert store.get_workshop(wid).updated_at > before


# -- changing ----------------------------------------------------------------------------


def test_a_change_is_logged_field_by_field_and_an_unchanged_field_not_at_all(
        store: Store) -> None:
    wid = _wid(store)
    task = store.add(PlanTask(workshop_id=wid, title="Fix", deadline=None))
    tid = int(task.id or 0)
    store.update(PlanTask, tid, title="Fix", deadline="2026-03-02")
    store.update(PlanTask, tid, deadline="")
    updates = [(c.entity, c.entity_id, c.field, c.old, c.new, c.who)
               for c in store.changes(wid) if c.action == "update"]
    assert updates == [("plantask", tid, "deadline", "", "2026-03-02", "tester"),
                       ("plantask", tid, "deadline", "2026-03-02", "", "tester")]


def test_an_unlogged_change_still_lands_and_moves_the_workshop(store: Store) -> None:
    wid = _wid(store)
    before = _long_ago(store, wid)
    store.update(Workshop, wid, log=False, current_step="pains")
    assert store.get_workshop(wid).current_step == "pains"
    assert store.get_workshop(wid).updated_at > before
    assert [c.action for c in store.changes(wid)] == ["create"]


def test_a_seat_moving_is_not_a_change_of_the_workshop(store: Store) -> None:
    wid = _wid(store)
    seat = store.add(Participant(workshop_id=wid, name="Kim"))
    before = _long_ago(store, wid)
    store.update(Participant, int(seat.id or 0), log=False, current_step="pains")
    assert store.get_workshop(wid).updated_at == before


def test_the_history_since_a_moment_and_in_order(store: Store) -> None:
    wid = _wid(store)
    pain = store.add(PainPoint(workshop_id=wid, description="A"))
    everything = store.changes(wid)
    mark = everything[-1].at
    store.update(PainPoint, int(pain.id or 0), description="B")
    since = store.changes(wid, since=mark)
    assert [c.action for c in since] == ["create", "update"]
    assert [c.id for c in store.changes(wid)] == sorted(int(c.id or 0) for c in store.changes(wid))
    assert store.changes(wid, since=dt.datetime(2999, 1, 1, tzinfo=dt.UTC)) == []


# -- deleting ----------------------------------------------------------------------------


def test_a_deleted_row_is_logged_and_a_second_delete_is_one_sentence(store: Store) -> None:
    wid = _wid(store)
    pain = store.add(PainPoint(workshop_id=wid, description="Loops"))
    store.delete(PainPoint, int(pain.id or 0))
    last = store.changes(wid)[-1]
    assert (last.entity, last.entity_id, last.action, last.summary) == (
        "painpoint", pain.id, "delete", "deleted painpoint Loops")
    with pytest.raises(NotFound) as exc:
        store.delete(PainPoint, int(pain.id or 0))
    assert str(exc.value) == "That pain point was deleted by someone else."
    with pytest.raises(NotFound, match="^That pain point was deleted by someone else.$"):
        store.update(PainPoint, int(pain.id or 0), description="x")


@pytest.mark.parametrize(("model", "said"), [
    (PainPoint, "pain point"), (HypothesisCard, "hypothesis card"), (PlanTask, "plan task"),
    (ChangeLog, "change"), (Stage, "stage"), (Touchpoint, "touchpoint"),
    (AuditEntry, "auditentry"),
])
def test_each_kind_of_row_is_named_in_words(model: type, said: str) -> None:
    assert str(gone(model)) == f"That {said} was deleted by someone else."


# -- moving ------------------------------------------------------------------------------


def _tasks(store: Store, wid: int) -> list[str]:
    with store.read() as s:
        rows = s.exec(select(PlanTask).where(PlanTask.workshop_id == wid)
                      .order_by(PlanTask.position, PlanTask.id))  # type: ignore[arg-type]
        return [f"{row.title}@{row.position}" for row in rows]


def test_moving_renumbers_the_siblings_and_logs_places_counted_from_one(store: Store) -> None:
    wid = _wid(store)
    ids = [int(store.add(PlanTask(workshop_id=wid, title=t)).id or 0) for t in "ABCD"]
    store.move(PlanTask, ids[0], 2)
    assert _tasks(store, wid) == ["B@0", "C@1", "A@2", "D@3"]
    last = store.changes(wid)[-1]
    assert (last.entity_id, last.field, last.old, last.new) == (ids[0], "position", "1", "3")
    store.move(PlanTask, ids[3], -1)
    assert _tasks(store, wid) == ["B@0", "C@1", "D@2", "A@3"]


def test_moving_past_either_end_stops_there_and_a_move_nowhere_writes_nothing(
        store: Store) -> None:
    wid = _wid(store)
    ids = [int(store.add(PlanTask(workshop_id=wid, title=t)).id or 0) for t in "ABC"]
    store.move(PlanTask, ids[1], 10)
    assert _tasks(store, wid) == ["A@0", "C@1", "B@2"]
    assert store.changes(wid)[-1].new == "3"
    store.move(PlanTask, ids[1], -10)
    assert _tasks(store, wid) == ["B@0", "A@1", "C@2"]
    count = len(store.changes(wid))
    before = _long_ago(store, wid)
    store.move(PlanTask, ids[1], -1)
    store.move(PlanTask, ids[2], 1)
    assert _tasks(store, wid) == ["B@0", "A@1", "C@2"]
    assert len(store.changes(wid)) == count
    assert store.get_workshop(wid).updated_at == before
    with pytest.raises(NotFound, match="^That plan task was deleted by someone else.$"):
        store.move(PlanTask, 9999, 1)


def test_stages_move_within_their_own_workshop_only(store: Store) -> None:
    wid, other = _wid(store), _wid(store, "Other")
    stages = _stages(store, wid)
    store.move(Stage, int(stages[0].id or 0), 1)
    assert [st.name for st in _stages(store, wid)][:2] == [stages[1].name, stages[0].name]
    assert [st.name for st in _stages(store, other)][:2] == [stages[0].name, stages[1].name]
