"""Saving what the room says about a handoff, and the order handoffs are listed in."""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
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


def test_handoffs_are_listed_in_journey_order_of_where_they_lead() -> None:
    tps = [Touchpoint(id=n, stage_id=1, position=n, name=f"T{n}", owner_team=team,
                      lane="backstage" if n in (2, 4) else "frontstage")
           for n, team in ((1, "Tier 1"), (2, "Tier 2"), (3, "Billing"), (4, "Finance"),
                           (5, "Legal"))]
    documented = [Handoff(id=8, workshop_id=1, from_touchpoint_id=3, to_touchpoint_id=5),
                  Handoff(id=9, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=5)]
    journey = Journey(workshop=Workshop(id=1), stages=[Stage(id=1, workshop_id=1, name="S")],
                      touchpoints={1: tps}, handoffs=documented)
    assert [(h.from_tp.id, h.to_tp.id) for h in derive_handoffs(journey)] == [
        (1, 2), (3, 4), (1, 5), (3, 5)]
