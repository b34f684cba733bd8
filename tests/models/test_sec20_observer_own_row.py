"""An observer's presence connection writes only what presence needs, and a role found in
a seat's row counts on reopen only when a lead gave it (session 16, sec20).

Why: the presence connection of an observer seat may write its own participant row.  If
it could write any column, a role it wrote there (``lead``) would be the role its next
``open`` keeps, since ``seat_role`` let a returning name keep the role it has.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import DatabaseError

from models.db.store import ReadOnlyError, Store
from models.db.tables.seats import Participant
from models.live import presence

pytestmark = pytest.mark.both_engines
REFUSED = (ReadOnlyError, DatabaseError)


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Billing").id or 0)


def _stored_role(store: Store, name: str, wid: int) -> str:
    return next(p.role for p in presence.participants(store, wid) if p.name == name)


def _row_id(store: Store, name: str, wid: int) -> int:
    return next(p.id or 0 for p in presence.participants(store, wid) if p.name == name)


def _reopened_after_a_claim(db_path: Path, store: Store, wid: int, name: str) -> tuple[str, bool]:
    """Seat ``name`` once, write ``lead`` into its row with no grant, and reopen it."""
    presence.open_seat(db_path, wid, name).close()
    store.update(Participant, _row_id(store, name, wid), log=False, role="lead")
    seat = presence.open_seat(db_path, wid, name)
    seat.close()
    return seat.role, seat.store.read_only


@pytest.mark.parametrize("column,value", [("role", "lead"), ("role", "participant"),
                                          ("name", "tester2"), ("id", 999)])
def test_observer_presence_refuses_columns_presence_does_not_write(
        db_path: Path, store: Store, wid: int, column: str, value: object) -> None:
    seat = presence.open_seat(db_path, wid, "olga", role="observer")
    try:
        with pytest.raises(REFUSED):
            seat.presence.update(Participant, seat.participant.id or 0, log=False,
                                 **{column: value})
        seat.heartbeat("stages")  # what presence needs still works
        seat.follow(True)
        seat.done("stages")
    finally:
        seat.close()
    row = next(p for p in presence.participants(store, wid) if p.name == "olga")
    assert (row.role, row.current_step, row.done_step) == ("observer", "stages", "stages")


def test_observer_presence_inserts_no_row_above_observer(db_path: Path, store: Store,
                                                         wid: int) -> None:
    seat = presence.open_seat(db_path, wid, "olga", role="observer")
    try:
        with pytest.raises(REFUSED), seat.presence.write() as s:
            s.add(Participant(workshop_id=wid, name="mallory", role="lead"))
    finally:
        seat.close()
    assert "mallory" not in [p.name for p in presence.participants(store, wid)]


def test_an_observer_new_name_still_takes_its_seat(db_path: Path, store: Store,
                                                   wid: int) -> None:
    """The observer's own INSERT (a new name) and its lowering of a stored role work."""
    presence.grant(store, wid, "pat", "participant")
    seat = presence.open_seat(db_path, wid, "pat", role="observer")
    seat.close()
    seat = presence.open_seat(db_path, wid, "olga", role="observer")
    seat.close()
    assert (_stored_role(store, "pat", wid), _stored_role(store, "olga", wid)) \
        == ("observer", "observer")


def test_a_role_written_into_the_row_raises_nothing_on_reopen(db_path: Path, store: Store,
                                                              wid: int) -> None:
    """A lead granted observer; the row later says lead, written without a grant."""
    presence.grant(store, wid, "olga", "observer")
    assert _reopened_after_a_claim(db_path, store, wid, "olga") == ("observer", True)


def test_an_unlogged_role_above_what_a_new_name_gets_is_capped(db_path: Path, store: Store,
                                                               wid: int) -> None:
    """A seat that joined as a new name (participant) and whose row now says lead."""
    assert _reopened_after_a_claim(db_path, store, wid, "sam") == ("participant", False)


def test_granted_and_creator_roles_are_kept_on_reopen(db_path: Path, store: Store,
                                                      wid: int) -> None:
    presence.grant(store, wid, "olga", "observer")
    presence.open_seat(db_path, wid, "olga").close()
    presence.grant(store, wid, "olga", "participant")
    for name, role in (("olga", "participant"), ("tester", "lead"), ("sam", "participant")):
        for _ in range(2):
            seat = presence.open_seat(db_path, wid, name)
            try:
                assert seat.role == role
            finally:
                seat.close()


def test_a_lowered_role_still_sticks(db_path: Path, store: Store, wid: int) -> None:
    presence.grant(store, wid, "olga", "participant")
    presence.open_seat(db_path, wid, "olga", role="observer").close()
    seat = presence.open_seat(db_path, wid, "olga")
    try:
        assert seat.role == "observer"
    finally:
        seat.close()


def test_observer_presence_writes_no_other_seats_row(db_path: Path, store: Store,
                                                     wid: int) -> None:
    """Not even the role observer on another seat's row: that would demote the lead."""
    presence.open_seat(db_path, wid, "tester").close()
    lead_id = _row_id(store, "tester", wid)
    seat = presence.open_seat(db_path, wid, "olga", role="observer")
    try:
        for change in ({"role": "observer"}, {"current_step": "stages"}):
            with pytest.raises(REFUSED):
                seat.presence.update(Participant, lead_id, log=False, **change)
    finally:
        seat.close()
    assert _stored_role(store, "tester", wid) == "lead"
