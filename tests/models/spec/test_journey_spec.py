"""The loaded workshop every rule and screen reads (models/db/journey.py ``Journey``):
touchpoints in journey order, look-ups that never answer with a stale row, votes that
count only once revealed, owner teams in order of first appearance, channel costs matched
the way people type channel names (issue 20)."""

from __future__ import annotations

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import ChannelCost
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop


def _journey(revealed: bool = False) -> Journey:
    stages = [Stage(id=2, workshop_id=1, name="Contact", position=0),
              Stage(id=1, workshop_id=1, name="Resolution", position=1)]
    tps = {2: [Touchpoint(id=5, stage_id=2, name="Chat", owner_team=" Tier 1 "),
               Touchpoint(id=3, stage_id=2, name="Phone", owner_team="   ")],
           1: [Touchpoint(id=4, stage_id=1, name="Fix", owner_team="Tier 2"),
               Touchpoint(id=6, stage_id=1, name="Email", owner_team="Tier 1")]}
    pains = [PainPoint(id=7, workshop_id=1, description="Loop", votes=2),
             PainPoint(id=8, workshop_id=1, description="Wait", votes=0)]
    return Journey(workshop=Workshop(id=1, title="Lockout", votes_revealed=revealed),
                   stages=stages, touchpoints=tps, pain_points=pains,
                   cards=[HypothesisCard(id=9, pain_point_id=8, experiment="Callback")],
                   dot_votes={7: 3},
                   channel_costs=[ChannelCost(id=1, workshop_id=1, channel=" Phone ")],
                   handoffs=[Handoff(id=1, workshop_id=1, from_touchpoint_id=5,
                                     to_touchpoint_id=3)])


def test_touchpoints_follow_the_stages_then_their_positions() -> None:
    journey = _journey()
    assert [tp.name for tp in journey.ordered_touchpoints()] == ["Chat", "Phone", "Fix",
                                                                  "Email"]
    assert journey.stage_of(journey.touchpoint(4)).name == "Resolution"  # type: ignore[union-attr]
    assert journey.stage_of(None) is None
    assert journey.stage_of(Touchpoint(id=99, stage_id=42)) is None


def test_a_touchpoint_lookup_never_answers_with_an_old_row() -> None:
    journey = _journey()
    assert journey.touchpoint(None) is None and journey.touchpoint(99) is None
    assert journey.touchpoint(3).name == "Phone"  # type: ignore[union-attr]
    journey.touchpoints[2][1].name = "Phone line"  # a screen edited the snapshot in place
    journey.touchpoints[2][0].id = 11
    assert journey.touchpoint(3).name == "Phone line"  # type: ignore[union-attr]
    assert journey.touchpoint(5) is None
    assert journey.touchpoint(11).name == "Chat"  # type: ignore[union-attr]


def test_dot_votes_count_only_once_revealed() -> None:
    hidden, shown = _journey(), _journey(revealed=True)
    loop, wait = hidden.pain_points
    assert (hidden.votes_of(loop), hidden.votes_of(wait)) == (2, 0)
    assert (shown.votes_of(shown.pain_points[0]), shown.votes_of(shown.pain_points[1])) == (5, 0)


def test_owner_teams_in_order_of_first_appearance_blank_left_out() -> None:
    assert _journey().teams() == ["Tier 1", "Tier 2"]


def test_look_ups_by_pain_point_channel_and_handoff() -> None:
    journey = _journey()
    assert journey.pain_point(8).description == "Wait"  # type: ignore[union-attr]
    assert journey.pain_point(99) is None
    assert journey.card_for(8).experiment == "Callback"  # type: ignore[union-attr]
    assert journey.card_for(7) is None
    assert journey.channel_cost("phone") is journey.channel_costs[0]
    assert journey.channel_cost(" PHONE  ") is journey.channel_costs[0]
    assert journey.channel_cost("chat") is None
    assert journey.handoff_between(5, 3) is journey.handoffs[0]
    assert journey.handoff_between(3, 5) is None and journey.handoff_between(5, 4) is None
