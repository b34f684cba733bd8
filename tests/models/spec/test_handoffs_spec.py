"""What the room is told when it describes a handoff with a field that does not exist."""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.db.store import Store
from models.db.tables import Stage, Touchpoint, Workshop
from models.rules.handoffs import derive_handoffs, save_handoff_detail


def test_an_unknown_handoff_field_is_refused_in_one_sentence_naming_it(store: Store) -> None:
    w = store.add(Workshop(title="Refunds"))
    stage = store.add(Stage(workshop_id=int(w.id or 0), name="Contact"))
    store.add(Touchpoint(stage_id=int(stage.id or 0), name="Chat", owner_team="Tier 1"))
    store.add(Touchpoint(stage_id=int(stage.id or 0), name="Review", owner_team="Finance",
                         lane="backstage"))
    journey = store.load(int(w.id or 0))
    with pytest.raises(FieldError, match=r"^A handoff has no field 'colour'\.$"):
        save_handoff_detail(store, journey, derive_handoffs(journey)[0], colour="red",
                            typical_delay="2 days")
    assert store.load(int(w.id or 0)).handoffs == []


def test_saving_a_handoff_twice_from_one_screen_updates_its_one_row(store: Store) -> None:
    w = store.add(Workshop(title="Refunds"))
    stage = store.add(Stage(workshop_id=int(w.id or 0), name="Contact"))
    store.add(Touchpoint(stage_id=int(stage.id or 0), name="Chat", owner_team="Tier 1"))
    store.add(Touchpoint(stage_id=int(stage.id or 0), name="Review", owner_team="Finance",
                         lane="backstage"))
    journey = store.load(int(w.id or 0))
    derived = derive_handoffs(journey)[0]
    first = save_handoff_detail(store, journey, derived, typical_delay="2 days")
    assert derived.detail is first
    save_handoff_detail(store, journey, derived, customer_informed=True)
    rows = store.load(int(w.id or 0)).handoffs
    assert [(r.id, r.typical_delay, r.customer_informed) for r in rows] == [
        (first.id, "2 days", True)]
