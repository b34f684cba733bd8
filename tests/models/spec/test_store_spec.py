"""Moving a touchpoint to another stage (models/db/store.py ``Store.move_touchpoint``), as the
Touchpoints step does with its move key: where it lands, what the history says, what is
refused.  No domain test called it before (issue 20: mutmut found it checked nowhere)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from models.db.schema import StoreError
from models.db.store import NotFound, Store
from models.db.tables.workshop import Stage, Touchpoint, Workshop


def _stages(store: Store, workshop_id: int) -> list[Stage]:
    with store.read() as s:
        query = select(Stage).where(Stage.workshop_id == workshop_id)
        return list(s.exec(query.order_by(Stage.position)))  # type: ignore[arg-type]


def _touchpoint(store: Store, touchpoint_id: int) -> Touchpoint:
    with store.read() as s:
        row = s.get(Touchpoint, touchpoint_id)
        assert row is not None
        return row


def _map(store: Store) -> tuple[int, list[Stage], list[int]]:
    workshop = store.create_workshop(title="Login lockout")
    stages = _stages(store, int(workshop.id or 0))
    first, second = stages[0], stages[1]
    ids = [int(store.add(Touchpoint(stage_id=int(first.id or 0), name=name)).id or 0)
           for name in ("Reset link", "Call the desk")]
    ids += [int(store.add(Touchpoint(stage_id=int(second.id or 0), name=name)).id or 0)
            for name in ("Chat", "Email")]
    return int(workshop.id or 0), stages, ids


def test_a_moved_touchpoint_goes_to_the_end_of_the_other_stage(store: Store) -> None:
    _workshop, stages, (reset, call, chat, email) = _map(store)
    store.move_touchpoint(reset, int(stages[1].id or 0))
    moved = _touchpoint(store, reset)
    assert moved.stage_id == stages[1].id
    assert moved.position > _touchpoint(store, chat).position
    assert moved.position > _touchpoint(store, email).position
    assert moved.position == _touchpoint(store, email).position + 1
    assert _touchpoint(store, call).stage_id == stages[0].id


def test_touchpoints_moved_to_an_empty_stage_keep_the_order_they_came_in(store: Store) -> None:
    _workshop, stages, (reset, call, chat, _email) = _map(store)
    empty = int(stages[2].id or 0)
    for touchpoint_id in (chat, call, reset):
        store.move_touchpoint(touchpoint_id, empty)
    moved = sorted((_touchpoint(store, t) for t in (reset, call, chat)),
                   key=lambda row: row.position)
    assert [row.name for row in moved] == ["Chat", "Call the desk", "Reset link"]
    assert {row.stage_id for row in moved} == {empty}


def test_the_history_names_both_stages_and_who_moved_it(store: Store) -> None:
    workshop, stages, (reset, *_rest) = _map(store)
    with store.write() as s:  # as if the workshop was last changed long ago
        row = s.get(Workshop, workshop)
        assert row is not None
        row.updated_at = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    before = store.get_workshop(workshop).updated_at
    store.move_touchpoint(reset, int(stages[1].id or 0))
    last = store.changes(workshop)[-1]
    assert (last.entity, last.entity_id, last.action, last.field) == (
        "touchpoint", reset, "update", "stage")
    assert (last.old, last.new, last.who) == (stages[0].name, stages[1].name, "tester")
    assert store.get_workshop(workshop).updated_at > before  # first on the Home list again


def test_a_touchpoint_or_stage_that_is_gone_is_one_sentence(store: Store) -> None:
    _workshop, stages, (reset, *_rest) = _map(store)
    for touchpoint_id, stage_id in ((reset, 9999), (9999, int(stages[1].id or 0))):
        with pytest.raises(NotFound) as err:
            store.move_touchpoint(touchpoint_id, stage_id)
        assert str(err.value) == "That touchpoint or stage no longer exists."
    assert _touchpoint(store, reset).stage_id == stages[0].id


def test_a_stage_of_another_workshop_is_refused_and_nothing_moves(store: Store) -> None:
    workshop, stages, (reset, *_rest) = _map(store)
    other = store.create_workshop(title="Billing dispute")
    elsewhere = _stages(store, int(other.id or 0))[0]
    logged = len(store.changes(workshop))
    with pytest.raises(StoreError) as err:
        store.move_touchpoint(reset, int(elsewhere.id or 0))
    assert str(err.value) == "A touchpoint can only move to a stage of the same workshop."
    assert _touchpoint(store, reset).stage_id == stages[0].id
    assert len(store.changes(workshop)) == logged
    assert store.changes(int(other.id or 0))[-1].entity == "workshop"
