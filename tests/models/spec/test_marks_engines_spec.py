"""A seat's change marks on either engine, a SQLite file or a PostgreSQL server: the content
mark moves when another seat edits the workshop, the edits of others are counted, a seat
that just joined is seen as present, and the marks' own connection never writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.base import utcnow
from models.db.tables.cards import PainPoint
from models.live import presence
from models.live.marks import Marks

pytestmark = pytest.mark.both_engines


def test_marks_follow_another_seats_edits_and_presence(db_path: Path, store: Store) -> None:
    wid = int(store.create_workshop(title="Refunds").id or 0)
    marks = Marks(db_path, wid)
    try:
        before = marks.content()
        with Store(db_path, who="ana") as other:
            other.add(PainPoint(workshop_id=wid, description="Refund takes weeks"))
            seat = presence.join(other, wid, "ana")
        assert marks.content() != before
        assert marks.foreign_edits(None, "tester") >= 1  # ana's pain point
        assert marks.foreign_edits(None, "ana") == 1  # the lead's creation of the workshop
        _, active = marks.presence(utcnow() + dt.timedelta(seconds=1), 60)
        assert int(seat.id or 0) in active
    finally:
        marks.close()


def test_the_marks_connection_is_read_only(db_path: Path, store: Store) -> None:
    wid = int(store.create_workshop(title="Refunds").id or 0)
    store.add(PainPoint(workshop_id=wid, description="Refund takes weeks"))
    marks = Marks(db_path, wid)
    try:
        with pytest.raises(sqlite3.OperationalError):
            marks.conn.execute("DELETE FROM painpoint", ()).fetchall()
    finally:
        marks.close()
    assert len(store.load(wid).pain_points) == 1
