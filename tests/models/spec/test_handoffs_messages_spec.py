"""The ownership risks as the room reads them, word for word.

The Handoffs step, the CLI and the Markdown export print these sentences as
they are, so each is stated here whole: which handoff, why it matters, and
whether the room has discussed it yet.
"""

from __future__ import annotations

from models.db.journey import Journey
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.rules.handoffs import ownership_risks


def _journey(touchpoints: list[Touchpoint], handoffs: list[Handoff],
             max_handoffs: int = 5) -> Journey:
    return Journey(workshop=Workshop(id=1, max_handoffs=max_handoffs),
                   stages=[Stage(id=1, workshop_id=1, name="Contact")],
                   touchpoints={1: touchpoints}, handoffs=handoffs)


def _tp(n: int, name: str, team: str, lane: str = "frontstage") -> Touchpoint:
    return Touchpoint(id=n, stage_id=1, position=n, name=name, owner_team=team, lane=lane)


def test_a_documented_handoff_out_of_the_backstage_is_a_backstage_handoff() -> None:
    journey = _journey([_tp(1, "Refund review", "Finance", "backstage"),
                        _tp(2, "Refund email", "Support")],
                       [Handoff(id=7, workshop_id=1, from_touchpoint_id=1, to_touchpoint_id=2,
                                customer_informed=False)])
    assert [r.message for r in ownership_risks(journey)] == [
        "Backstage handoff Finance → Support at “Refund email”: the customer cannot see it "
        "and is not told what happens next."]


def test_a_handoff_the_room_has_not_discussed_says_so() -> None:
    journey = _journey([_tp(1, "Chat", "Tier 1"), _tp(2, "Unlock", "Tier 2", "backstage"),
                        _tp(3, "Call", "Billing")],
                       [Handoff(id=7, workshop_id=1, from_touchpoint_id=2, to_touchpoint_id=3,
                                customer_informed=False)])
    assert [(r.kind, r.message, r.touchpoint_id) for r in ownership_risks(journey)] == [
        ("customer_not_informed",
         "Backstage handoff Tier 1 → Tier 2 at “Unlock”: the customer cannot see it and is "
         "not told what happens next (not discussed yet).", 2),
        ("customer_not_informed",
         "Backstage handoff Tier 2 → Billing at “Call”: the customer cannot see it and is "
         "not told what happens next.", 3)]


def test_an_unowned_touchpoint_without_a_name_is_called_a_touchpoint() -> None:
    journey = _journey([_tp(1, "  ", ""), _tp(2, "Form", "")], [])
    assert [(r.kind, r.message, r.touchpoint_id) for r in ownership_risks(journey)] == [
        ("unowned", "“A touchpoint” in Contact has no owner team.", 1),
        ("unowned", "“Form” in Contact has no owner team.", 2)]


def test_more_handoffs_than_the_workshop_allows_is_one_risk_naming_both_numbers() -> None:
    teams = ["Tier 1", "Tier 2", "Billing", "Finance"]
    journey = _journey([_tp(n, f"Step {n}", team, "backstage")
                        for n, team in enumerate(teams, 1)], [], max_handoffs=2)
    risks = ownership_risks(journey)
    assert risks[-1].kind == "too_many_handoffs"
    assert risks[-1].touchpoint_id is None
    assert risks[-1].message == ("3 handoffs in this journey (more than 2): each change of "
                                 "team is a chance to lose context.")
    assert [r.kind for r in ownership_risks(_journey(journey.ordered_touchpoints(), [],
                                                     max_handoffs=3))].count(
        "too_many_handoffs") == 0


def test_an_unowned_touchpoint_in_a_stage_without_a_name_names_no_stage() -> None:
    journey = Journey(workshop=Workshop(id=1), stages=[Stage(id=1, workshop_id=1, name=" ")],
                      touchpoints={1: [_tp(1, "Form", "")]}, handoffs=[])
    assert [r.message for r in ownership_risks(journey)] == ["“Form” has no owner team."]
