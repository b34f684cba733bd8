"""What the room is told when it describes a handoff with a field that does not exist."""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.db.store import Store
from models.db.tables import Stage, Touchpoint, Workshop
from models.rules.handoffs import derive_handoffs, save_handoff_detail


def test_an_unknown_handoff_field_is_refused_in_one_sentence_naming_it(store: Store) -> None:
    w = store.add(Workshop(title="Refunds"))
    stage = store.add(Stage(workshop_id=w.id, name="Contact"))
    store.add(Touchpoint(stage_id=stage.id, name="Chat", owner_team="Tier 1"))
    store.add(Touchpoint(stage_id=stage.id, name="Review", owner_team="Finance",
                         lane="backstage"))
    journey = store.load(int(w.id or 0))
    with pytest.raises(FieldError, match=r"^A handoff has no field 'colour'\.$"):
        save_handoff_detail(store, journey, derive_handoffs(journey)[0], colour="red",
                            typical_delay="2 days")
    assert store.load(int(w.id or 0)).handoffs == []
