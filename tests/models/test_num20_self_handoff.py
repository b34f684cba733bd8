"""A handoff from a touchpoint to itself: QA session 16 found a JSON backup could hold
one. The method calls a handoff the moment work passes from one team to another, so a
touchpoint cannot hand over to itself. The ownership view only offers changes of team between
two touchpoints; the store and the importer refuse the rest in one sentence."""

from __future__ import annotations

import json

import pytest

from models.db.fields import FieldError
from models.db.store import Store
from models.db.tables.workshop import Handoff, Touchpoint
from models.export.json_backup import import_json
from models.export.serialize import DataError


def test_the_store_refuses_a_handoff_from_a_touchpoint_to_itself(store: Store) -> None:
    wid = int(store.create_workshop(title="Loop").id or 0)
    tp = store.add(Touchpoint(stage_id=store.load(wid).stages[0].id, name="Form"))
    with pytest.raises(FieldError, match="^a handoff goes from one touchpoint to another"):
        store.add(Handoff(workshop_id=wid, from_touchpoint_id=tp.id, to_touchpoint_id=tp.id))
    assert store.load(wid).handoffs == []


def test_a_backup_with_a_handoff_to_itself_is_refused_and_changes_nothing(
        store: Store) -> None:
    text = json.dumps({"format": "journeymap", "version": 2,
                       "stages": [{"name": "S", "touchpoints": [{"name": "Form"}]}],
                       "handoffs": [{"from": [0, 0], "to": [0, 0]}]})
    before = len(store.list_workshops())
    with pytest.raises(DataError) as caught:
        import_json(store, text, "b.json")
    assert str(caught.value).startswith(
        "b.json: handoffs[0].to: is the touchpoint the handoff comes from"), str(caught.value)
    assert "\n" not in str(caught.value)
    assert len(store.list_workshops()) == before
