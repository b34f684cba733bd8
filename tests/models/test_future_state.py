"""As-is against to-be: removed, automated and added touchpoints, lines and counts."""

from __future__ import annotations

import pytest

from models.db.schema import StoreError
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import ChannelCost
from models.db.tables.workshop import Touchpoint
from models.export.future_copy import compare_workshop, create_future_copy
from models.rules.future_state import compare
from tests.models.method_helpers import journey, tp


def as_is_and_to_be():  # type: ignore[no-untyped-def]
    as_is = journey([tp(1, "Email support", actor="customer", sentiment=-1),
                     tp(2, "Agent sends reset link", actor="agent", sentiment=-2,
                        owner_team="Tier 1"),
                     # backstage: Identity taking the case on is a handoff (models.rules.handoffs)
                     tp(3, "Wait", actor="customer", sentiment=-2, owner_team="Identity",
                        lane="backstage")],
                    pains=[PainPoint(workshop_id=1, id=1, touchpoint_id=3, kind="dead_end"),
                           PainPoint(workshop_id=1, id=2, touchpoint_id=2, kind="loop")])
    to_be = journey([tp(11, "Reset link sent", actor="bot", sentiment=1,
                        as_is_touchpoint_id=2, owner_team="Bot"),
                     tp(12, " email SUPPORT ", actor="customer", sentiment=0),
                     tp(13, "Verify with code", actor="bot", sentiment=1, owner_team="Bot")],
                    pains=[PainPoint(workshop_id=1, id=3, touchpoint_id=13, kind="loop")], id=2,
                    state="future", as_is_workshop_id=1)
    return as_is, to_be


def test_changes_by_link_then_by_name() -> None:
    as_is, to_be = as_is_and_to_be()
    result = compare(as_is, to_be)
    assert result.available
    assert [(c.kind, c.text) for c in result.changes] == [
        ("automated", "“Reset link sent” moves from an agent to a bot."),
        ("kept", "“email SUPPORT” stays."),
        ("added", "“Verify with code” is new in the to-be journey."),
        ("removed", "“Wait” is gone in the to-be journey."),
    ]


def test_sentiment_lines_and_counts_before_after() -> None:
    as_is, to_be = as_is_and_to_be()
    result = compare(as_is, to_be)
    assert [p.sentiment for p in result.as_is_line] == [-1, -2, -2]
    assert [p.sentiment for p in result.to_be_line] == [1, 0, 1]
    assert result.as_is_line[0].stage == "Stage 1"
    assert [row.text for row in result.counts] == [
        "Touchpoints: 3 → 3 (no change)",
        "Touchpoints handled by an agent: 1 → 0 (-1)",
        "Handoffs: 1 → 0 (-1)",
        "Dead ends: 1 → 0 (-1)",
        "Loops: 1 → 1 (no change)",
    ]


def test_not_available_when_the_as_is_is_gone_or_this_is_not_a_future_state() -> None:
    as_is, to_be = as_is_and_to_be()
    gone = compare(None, to_be)
    assert not gone.available and "deleted" in gone.reason and gone.changes == []
    assert "not a future state" in compare(to_be, as_is).reason


def test_create_future_copy_links_everything_and_leaves_cards_on_the_as_is(
        store: Store) -> None:
    wid = int(store.create_workshop(title="Reset", jtbd_want="get back in").id or 0)
    stage = store.load(wid).stages[1]
    a = store.add(Touchpoint(stage_id=int(stage.id or 0), name="Agent resets", actor="agent",
                             channel="email"))
    pain = store.add(PainPoint(workshop_id=wid, touchpoint_id=a.id, kind="dead_end",
                               ticket_volume=300, five_whys="no self-service"))
    store.add(HypothesisCard(pain_point_id=int(pain.id or 0), experiment="reset bot",
                             effect_kind="deflection", effect_value=60))
    store.add(ChannelCost(workshop_id=wid, channel="email", cost_per_contact=8))
    new = create_future_copy(store, wid)
    to_be = store.load(new)
    assert to_be.workshop.state == "future" and to_be.workshop.as_is_workshop_id == wid
    assert to_be.workshop.title == "Reset (to-be)" and to_be.workshop.jtbd_want == "get back in"
    copied = to_be.ordered_touchpoints()
    assert [t.as_is_touchpoint_id for t in copied] == [a.id]
    assert to_be.cards == [] and to_be.pain_points[0].five_whys == "no self-service"
    assert to_be.channel_costs[0].cost_per_contact == 8
    store.update(Touchpoint, int(copied[0].id or 0), actor="bot", name="Reset bot")
    result = compare(store.load(wid), store.load(new))
    assert [c.kind for c in result.changes] == ["automated"]  # renamed, still linked
    with pytest.raises(StoreError, match="already a future state"):
        create_future_copy(store, new)
    assert compare_workshop(store, new).available
    store.delete_workshop(wid)
    assert "deleted" in compare_workshop(store, new).reason
    assert store.get_workshop(new).as_is_workshop_id is None
    assert store.load(new).workshop.state == "future"
