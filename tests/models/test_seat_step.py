"""Which step a seat opens on (``models.live.seat_step.own_step``).

The workshop lead's expectation: a seat whose connection dropped comes back on its
own step; a follower comes back following (on the lead's step); a new name opens
where the room last was (the workshop's ``current_step``).  Read from the store's
journey and from the light journey the first screen is drawn from: the same answer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.db.bad_cells import DamagedWorkshop
from models.db.light_journey import load_journey
from models.db.store import Store
from models.db.tables.workshop import Workshop
from models.live import presence
from models.live.seat_step import own_step
from models.vocab import METHOD_VIEWS


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Refunds").id or 0)


def _both(store: Store, db_path: Path, wid: int, name: str) -> str:
    heavy = own_step(store.load(wid), name)
    light = load_journey(db_path, wid)
    assert light is not None
    assert own_step(light, name) == heavy
    return heavy


def test_a_returning_seat_opens_on_its_own_step(store: Store, db_path: Path, wid: int) -> None:
    presence.join(store, wid, "Sam", step="touchpoints")
    store.update(Workshop, wid, log=False, current_step="cards")  # another seat moved on
    assert _both(store, db_path, wid, "Sam") == "touchpoints"


def test_the_name_is_matched_in_its_stored_form(store: Store, db_path: Path, wid: int) -> None:
    presence.join(store, wid, "Ana  Lopez", step="pains")
    store.update(Workshop, wid, log=False, current_step="cards")
    assert _both(store, db_path, wid, " Ana Lopez ") == "pains"


def test_a_new_name_opens_where_the_room_is(store: Store, db_path: Path, wid: int) -> None:
    presence.join(store, wid, "Sam", step="touchpoints")
    store.update(Workshop, wid, log=False, current_step="cards")
    assert _both(store, db_path, wid, "Newcomer") == "cards"
    assert _both(store, db_path, wid, "") == "cards"


def test_a_follower_returns_to_the_leads_step(store: Store, db_path: Path, wid: int) -> None:
    lead = presence.join(store, wid, "tester", step="stages")  # the creator: the lead
    sam = presence.join(store, wid, "Sam", step="scope")
    presence.set_following(store, sam.id or 0, True)
    presence.heartbeat(store, lead.id or 0, "ownership")  # the lead moved on meanwhile
    store.update(Workshop, wid, log=False, current_step="cards")
    assert _both(store, db_path, wid, "Sam") == "ownership"


def test_a_follower_with_no_lead_seat_keeps_its_own_step(store: Store, db_path: Path,
                                                         wid: int) -> None:
    sam = presence.join(store, wid, "Sam", step="pains")
    presence.set_following(store, sam.id or 0, True)
    assert _both(store, db_path, wid, "Sam") == "pains"


def test_an_unknown_stored_step_is_named_not_opened(store: Store, db_path: Path,
                                                    wid: int) -> None:
    """No journeymap writes an unknown step (the store refuses it): a file that holds one
    was changed by hand, and is named in one sentence like every other damaged value."""
    sam = presence.join(store, wid, "Sam")
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE participant SET current_step = 'gone' WHERE id = ?", (sam.id,))
    with pytest.raises(DamagedWorkshop, match=r"current step holds \"gone\""):
        store.load(wid)


@pytest.mark.parametrize("view", METHOD_VIEWS)
def test_a_seat_left_on_a_method_view_opens_on_scope(store: Store, db_path: Path, wid: int,
                                                     view: str) -> None:
    """journeymap before session 13 stored the method view a seat was on (a heartbeat on
    Moments wrote "moments"): such a file is sound, and re-opening returns to a step."""
    sam = presence.join(store, wid, "Sam")
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE participant SET current_step = ? WHERE id = ?", (view, sam.id))
    assert _both(store, db_path, wid, "Sam") == "scope"
