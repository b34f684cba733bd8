"""Handoffs (the case passing between teams, not the customer changing channel), risks, detail."""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
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


def back(owners: list[list[str]], **kwargs: object) -> Journey:
    """Like ``build`` with every touchpoint backstage: the case worked by teams."""
    count = sum(len(s) for s in owners)
    return build(owners, lanes={i: "backstage" for i in range(1, count + 1)},
                 **kwargs)  # type: ignore[arg-type]


def test_customer_moving_between_frontstage_touchpoints_of_other_teams_is_no_handoff() -> None:
    # reading a Product-owned help article, then writing to Support: a change of channel
    j = build([["Product", "Support"], ["Engineering", "Support", "Product"]])
    assert pairs(j) == []
    assert ownership_risks(j) == []


def test_team_changes_between_backstage_touchpoints_are_handoffs_in_journey_order() -> None:
    j = back([["Tier 1", "Tier 1"], ["Tier 2"], ["Engineering", "Tier 2"]])
    assert pairs(j) == [(2, 3), (3, 4), (4, 5)]
    first = derive_handoffs(j)[0]
    assert (first.from_team, first.to_team, first.detail) == ("Tier 1", "Tier 2", None)


def test_a_new_team_taking_the_case_on_backstage_is_a_handoff() -> None:
    # Tier 1 chat (frontstage) -> Tier 2 unlock (backstage): the case changes hands;
    # Tier 2 -> the login page (frontstage, Product) afterwards is the customer moving on
    j = build([["Product", "Tier 1"], ["Tier 2", "Product", "Support"]], lanes={3: "backstage"})
    assert pairs(j) == [(2, 3)]
    # Support's transfer (2, backstage), an update (3), Finance's review (4, backstage)
    j = build([["Support", "Support"], ["Support", "Finance", "Finance"]],
              lanes={2: "backstage", 4: "backstage"})
    assert pairs(j) == [(3, 4)]


def test_documented_handoffs_count_wherever_the_team_changes() -> None:
    # chat agent (frontstage, Support) passes the case to Tier 2's unlock (backstage)
    doc = Handoff(id=7, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2)
    j = build([["Support", "Tier 2", "Product"]], lanes={2: "backstage"}, handoffs=[doc])
    derived = derive_handoffs(j)
    assert pairs(j) == [(1, 2)] and derived[0].detail is doc
    assert (derived[0].from_team, derived[0].to_team) == ("Support", "Tier 2")


def test_documented_rows_between_one_team_or_unowned_touchpoints_are_not_handoffs() -> None:
    same = Handoff(id=1, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2)
    unowned = Handoff(id=2, workshop_id=1, from_touchpoint_id=2, to_touchpoint_id=3)
    gone = Handoff(id=3, workshop_id=1, from_touchpoint_id=2, to_touchpoint_id=99)
    j = build([["Support", "support ", ""]], handoffs=[same, unowned, gone])
    assert pairs(j) == []


def test_unowned_touchpoints_are_skipped_when_pairing() -> None:
    j = back([["Tier 1", ""], ["", "Tier 1", "", "Billing"]])
    assert pairs(j) == [(4, 6)]
    unowned = [r for r in ownership_risks(j) if r.kind == "unowned"]
    assert [r.touchpoint_id for r in unowned] == [2, 3, 5]
    assert "“T2” in S1 has no owner team." == unowned[0].message


def test_team_names_compare_without_case_or_spaces() -> None:
    assert pairs(back([["Tier 1", " tier 1 ", "TIER 1"]])) == []


def test_stored_detail_is_attached_by_touchpoint_pair() -> None:
    detail = Handoff(id=7, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2,
                     customer_informed=True)
    j = back([["A", "B", "C"]], handoffs=[detail])
    derived = derive_handoffs(j)
    assert len(derived) == 2
    assert derived[0].detail is detail and derived[1].detail is None


def test_uninformed_handoffs_are_risks_and_lane_changes_the_message() -> None:
    informed = Handoff(id=1, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2,
                       customer_informed=True)
    silent = Handoff(id=2, workshop_id=1, from_touchpoint_id=2, to_touchpoint_id=3,
                     customer_informed=False)
    j = build([["A", "B", "C", "D"]], lanes={4: "backstage"},
              handoffs=[informed, silent, Handoff(id=3, workshop_id=1, from_touchpoint_id=3,
                                                  to_touchpoint_id=4)])
    risks = [r for r in ownership_risks(j) if r.kind == "customer_not_informed"]
    assert [r.touchpoint_id for r in risks] == [3, 4]
    front, back_ = risks[0].message, risks[1].message
    assert "passed B → C" in front and "not discussed" not in front
    assert front.startswith("The customer is passed")
    assert back_.startswith("Backstage handoff C → D")


def test_more_handoffs_than_the_workshop_limit_is_a_risk() -> None:
    limit_ok = back([["A", "B", "A", "B"]], max_handoffs=3)
    too_many = back([["A", "B", "A", "B", "A"]], max_handoffs=3)
    assert not [r for r in ownership_risks(limit_ok) if r.kind == "too_many_handoffs"]
    risk = [r for r in ownership_risks(too_many) if r.kind == "too_many_handoffs"]
    assert len(risk) == 1 and risk[0].touchpoint_id is None
    assert risk[0].message.startswith("4 handoffs in this journey (more than 3)")


def _stored_journey(store: Store) -> tuple[int, Journey]:
    w = store.create_workshop(default_stages=False, title="h")
    stage = store.add(Stage(workshop_id=w.id, name="Contact"))
    store.add(Touchpoint(stage_id=stage.id, name="Triage", owner_team="Tier 1",
                         lane="backstage"))
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
