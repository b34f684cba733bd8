"""Observers are read-only because SQLite says so, not because keys are hidden."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import select

from models.db.schema import StoreError
from models.db.store import ReadOnlyError, Store
from models.db.tables.base import utcnow
from models.db.tables.cards import PainPoint
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.live import presence
from models.live.facilitation import LeadOnly, VoteRefused, cast_vote, start_timer

pytestmark = pytest.mark.both_engines


@pytest.fixture
def wid(store: Store) -> int:
    w = store.create_workshop(title="Billing")
    return int(w.id or 0)


def _stage_id(store: Store, wid: int) -> int:
    return int(store.load(wid).stages[0].id or 0)


def test_observer_store_refuses_update_and_add(db_path: Path, store: Store, wid: int) -> None:
    obs = Store(db_path, who="olga", read_only=True)
    try:
        with pytest.raises(ReadOnlyError, match="Observers cannot change"):
            obs.update(Workshop, wid, title="hacked")
        with pytest.raises(ReadOnlyError):
            obs.add(Touchpoint(stage_id=_stage_id(store, wid), name="x"))
        assert obs.load(wid).workshop.title == "Billing"  # reading works
    finally:
        obs.close()
    assert store.get_workshop(wid).title == "Billing"


@pytest.mark.sqlite_only
def test_raw_sql_on_the_observer_engine_is_refused_by_sqlite(db_path: Path, store: Store,
                                                             wid: int) -> None:
    """Even bypassing Store.write(), the connection itself is query_only."""
    obs = Store(db_path, who="olga", read_only=True)
    try:
        with obs.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA query_only").scalar() == 1
            with pytest.raises(OperationalError, match="readonly"):
                conn.execute(text("UPDATE workshop SET title = 'hacked'"))
            with pytest.raises(OperationalError, match="readonly"):
                conn.execute(text("DELETE FROM stage"))
    finally:
        obs.close()
    assert store.get_workshop(wid).title == "Billing"
    assert len(store.load(wid).stages) == 6


def test_observer_seat_writes_presence_and_nothing_else(db_path: Path, store: Store,
                                                        wid: int) -> None:
    seat = presence.open_seat(db_path, wid, "olga", role="observer")
    try:
        assert seat.store.read_only and seat.presence is not seat.store
        seat.heartbeat("stages")
        seat.follow(True)
        here = presence.active(store, wid, utcnow())
        assert [(p.name, p.role, p.current_step) for p in here] == [("olga", "observer", "stages")]
        # the presence connection may touch participant rows only
        with pytest.raises(ReadOnlyError):
            seat.presence.update(Workshop, wid, title="hacked")
        with pytest.raises(ReadOnlyError):
            seat.presence.update(Stage, _stage_id(store, wid), name="hacked", log=False)
        # refused by SQLite's authorizer, or on a server before the statement is sent
        with seat.presence.engine.connect() as conn, pytest.raises(
                (DatabaseError, ReadOnlyError), match="not authorized|Observers cannot"):
            conn.execute(text("DELETE FROM stage"))
        with pytest.raises(ReadOnlyError):
            seat.store.update(Workshop, wid, title="hacked")
        pain = store.add(PainPoint(workshop_id=wid, description="loop"))
        with pytest.raises((VoteRefused, StoreError)):
            cast_vote(seat.presence, pain.id or 0, "olga")
    finally:
        seat.close()
    assert store.get_workshop(wid).title == "Billing"
    assert [s.name for s in store.load(wid).stages][0] == "Problem Discovery"
    with store.read() as s:
        assert not [c for c in s.exec(select(ChangeLog)) if c.who == "olga"]


def test_presence_store_cannot_make_an_observer_lead(db_path: Path, store: Store,
                                                    wid: int) -> None:
    """Even a role rewritten on its own seat gives no power: lead actions need other tables."""
    seat = presence.open_seat(db_path, wid, "olga", role="observer")
    try:
        # its own row may be written, but --role cannot raise it
        assert presence.join(seat.presence, wid, "olga", role="lead").role == "observer"
        with pytest.raises(ReadOnlyError):
            seat.presence.update(Workshop, wid, lead="olga")
        with pytest.raises((ReadOnlyError, LeadOnly)):
            start_timer(seat.presence, wid, "scope")
        with pytest.raises((ReadOnlyError, LeadOnly)):
            start_timer(seat.store, wid, "scope")
    finally:
        seat.close()
    workshop = store.get_workshop(wid)
    assert (workshop.lead, workshop.timer_step) == ("tester", "")


def test_observer_on_an_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no journeymap workshops to observe"):
        presence.open_seat(tmp_path / "empty.db", 1, "olga", role="observer")
