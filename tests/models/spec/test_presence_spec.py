"""Taking a seat (``presence.open_seat``, ``presence.presence_store``): the stores a seat
gets act as the person who sat down, a seat opened by a ``seat`` forced command keeps the
key it came with, and an observer joining never creates or changes a database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from models.db.schema import StoreError
from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Participant
from models.db.tables.workshop import Workshop
from models.live import presence
from models.live.marks import Marks


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Refunds").id or 0)


def test_an_observer_is_told_how_many_edits_others_made(db_path: Path, store: Store,
                                                        wid: int) -> None:
    """The pairing loop asks the marks how many changes others wrote since the observer
    last looked, naming the observer by the seat's store."""
    seat = presence.open_seat(db_path, wid, "olga", role="observer")
    marks = Marks(db_path, wid)
    try:
        with store.read() as s:
            before = max(c.id or 0 for c in s.exec(select(ChangeLog)))
        store.add(PainPoint(workshop_id=wid, description="Refund takes weeks"))
        store.update(Workshop, wid, title="Refunds (EU)")
        assert marks.foreign_edits(before, seat.store.who) == 2
        assert seat.store.who == seat.presence.who == "olga"
    finally:
        marks.close()
        seat.close()


def test_a_seat_opened_with_a_key_keeps_the_key_and_where_it_came_from(
        db_path: Path, store: Store, wid: int) -> None:
    seat = presence.open_seat(db_path, wid, "pat", cap="participant",
                              key="SHA256:pat-laptop", origin="ssh 203.0.113.7")
    try:
        assert (seat.participant.key, seat.participant.origin) == (
            "SHA256:pat-laptop", "ssh 203.0.113.7")
        assert seat.store.key == seat.presence.key == "SHA256:pat-laptop"
    finally:
        seat.close()
    with store.read() as s:
        row = s.get(Participant, seat.participant.id)
        assert row is not None
        assert (row.role, row.key, row.origin) == ("participant", "SHA256:pat-laptop",
                                                   "ssh 203.0.113.7")


def test_an_observer_keyed_seat_keeps_its_key_too(db_path: Path, store: Store,
                                                  wid: int) -> None:
    seat = presence.open_seat(db_path, wid, "olga", cap="observer", key="SHA256:olga")
    try:
        assert seat.role == "observer" and seat.participant.key == "SHA256:olga"
        assert seat.store.key == seat.presence.key == "SHA256:olga"
    finally:
        seat.close()


def test_an_observer_store_refuses_a_file_without_workshops_and_leaves_none(
        tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="has no journeymap workshops to observe yet"):
        presence.presence_store(path, "olga")
    assert not path.exists()
