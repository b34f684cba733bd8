"""Handoffs derived from owner changes, their risks, and saving their detail."""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.db.journey import Journey
from models.db.store import Store
from models.db.tables import Handoff, Stage, Touchpoint, Workshop
from models.rules.handoffs import derive_handoffs, ownership_risks, save_handoff_detail


def build(owners: list[list[str]], *, lanes: dict[int, str] | None = None,
          handoffs: list[Handoff] | None = None, max_handoffs: int = 3) -> Journey:
    """Stages of touchpoints given by owner team; touchpoint ids count from 1 in order."""
    lanes = lanes or {}
    stages, tps = [], {}
    tid = 0
    for si, stage_owners in enumerate(owners, start=1):
        stages.append(Stage(id=si, workshop_id=1, position=si, name=f"S{si}"))
        tps[si] = []
        for pos, owner in enumerate(stage_owners):
            tid += 1
            tps[si].append(Touchpoint(id=tid, stage_id=si, position=pos, name=f"T{tid}",
                                      owner_team=owner, lane=lanes.get(tid, "frontstage")))
    return Journey(workshop=Workshop(id=1, max_handoffs=max_handoffs), stages=stages,
                   touchpoints=tps, handoffs=handoffs or [])


def pairs(j: Journey) -> list[tuple[int, int]]:
    return [(h.from_tp.id, h.to_tp.id) for h in derive_handoffs(j)]


def test_no_touchpoints_no_handoffs_no_risks() -> None:
    j = build([[], []])
    assert derive_handoffs(j) == [] and ownership_risks(j) == []


def test_owner_changes_across_stages_are_handoffs_in_journey_order() -> None:
    j = build([["Tier 1", "Tier 1"], ["Tier 2"], ["Engineering", "Tier 2"]])
    assert pairs(j) == [(2, 3), (3, 4), (4, 5)]
    first = derive_handoffs(j)[0]
    assert (first.from_team, first.to_team, first.detail) == ("Tier 1", "Tier 2", None)


def test_unowned_touchpoints_are_skipped_when_pairing() -> None:
    j = build([["Tier 1", ""], ["", "Tier 1", "", "Billing"]])
    assert pairs(j) == [(4, 6)]
    unowned = [r for r in ownership_risks(j) if r.kind == "unowned"]
    assert [r.touchpoint_id for r in unowned] == [2, 3, 5]
    assert "“T2” in S1 has no owner team." == unowned[0].message


def test_team_names_compare_without_case_or_spaces() -> None:
    assert pairs(build([["Tier 1", " tier 1 ", "TIER 1"]])) == []


def test_stored_detail_is_attached_by_touchpoint_pair() -> None:
    detail = Handoff(id=7, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2,
                     customer_informed=True)
    stale = Handoff(id=8, workshop_id=1, from_touchpoint_id=2, to_touchpoint_id=1)
    j = build([["A", "B", "C"]], handoffs=[detail, stale])
    derived = derive_handoffs(j)
    assert derived[0].detail is detail and derived[1].detail is None


def test_uninformed_handoffs_are_risks_and_lane_changes_the_message() -> None:
    informed = Handoff(id=1, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2,
                       customer_informed=True)
    silent = Handoff(id=2, workshop_id=1, from_touchpoint_id=2, to_touchpoint_id=3,
                     customer_informed=False)
    j = build([["A", "B", "C", "D"]], lanes={4: "backstage"}, handoffs=[informed, silent])
    risks = [r for r in ownership_risks(j) if r.kind == "customer_not_informed"]
    assert [r.touchpoint_id for r in risks] == [3, 4]
    front, back = risks[0].message, risks[1].message
    assert "passed B → C" in front and "not discussed" not in front
    assert front.startswith("The customer is passed")
    assert back.startswith("Backstage handoff C → D") and "not discussed yet" in back


def test_more_handoffs_than_the_workshop_limit_is_a_risk() -> None:
    limit_ok = build([["A", "B", "A", "B"]], max_handoffs=3)
    too_many = build([["A", "B", "A", "B", "A"]], max_handoffs=3)
    assert not [r for r in ownership_risks(limit_ok) if r.kind == "too_many_handoffs"]
    risk = [r for r in ownership_risks(too_many) if r.kind == "too_many_handoffs"]
    assert len(risk) == 1 and risk[0].touchpoint_id is None
    assert risk[0].message.startswith("4 handoffs in this journey (more than 3)")


def _stored_journey(store: Store) -> tuple[int, Journey]:
    w = store.create_workshop(default_stages=False, title="h")
    stage = store.add(Stage(workshop_id=w.id, name="Contact"))
    store.add(Touchpoint(stage_id=stage.id, name="Chat", owner_team="Tier 1"))
    store.add(Touchpoint(stage_id=stage.id, name="Escalate", owner_team="Tier 2",
                         lane="backstage"))
    return int(w.id), store.load(int(w.id))


def test_save_handoff_detail_creates_then_updates_one_row(store: Store) -> None:
    wid, j = _stored_journey(store)
    derived = derive_handoffs(j)[0]
    row = save_handoff_detail(store, j, derived, what_is_transferred="case [bold]notes[/]",
                              customer_informed="no")
    assert row.id is not None and row.from_team == "Tier 1" and row.to_team == "Tier 2"
    j = store.load(wid)
    again = derive_handoffs(j)[0]
    assert again.detail is not None and again.detail.id == row.id
    save_handoff_detail(store, j, again, customer_informed=True, typical_delay="2 days")
    j = store.load(wid)
    assert len(j.handoffs) == 1
    stored = j.handoffs[0]
    assert stored.customer_informed is True and stored.typical_delay == "2 days"
    assert stored.what_is_transferred == "case [bold]notes[/]"
    assert not [r for r in ownership_risks(j) if r.kind == "customer_not_informed"]


def test_save_handoff_detail_rejects_unknown_fields(store: Store) -> None:
    _wid, j = _stored_journey(store)
    with pytest.raises(FieldError):
        save_handoff_detail(store, j, derive_handoffs(j)[0], colour="red")
