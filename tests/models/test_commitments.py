"""SLA commitments in the tracker: each escalation level's promise, its owner and its gaps."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import EscalationLevel
from models.rules.commitments import item_due, sla_items, tracked_items
from models.rules.tracker import TrackerItem, group_by_owner, tracker_items
from models.vocab import STANDING
from tests.models.method_helpers import journey, tp

TODAY = dt.date(2026, 4, 15)


def level(lid: int, position: int = 0, **fields: object) -> EscalationLevel:
    return EscalationLevel(id=lid, workshop_id=1, position=position, **fields)  # type: ignore[arg-type]


SEV1 = dict(severity="Sev-1", criteria="full outage", tier_role="Support Lead",
            response_sla_minutes=1, update_every_minutes=30, channel="status page")


def test_a_complete_level_is_one_owned_standing_commitment() -> None:
    j = journey([tp(1, "x")], levels=[level(4, **SEV1)], title="Outage")
    [item] = sla_items([j])
    assert (item.kind, item.item_id, item.workshop_id, item.workshop_title) == (
        "sla", 4, 1, "Outage")
    assert item.title == "Sev-1: respond within 1 min, update every 30 min via status page"
    assert (item.owner, item.status, item.deadline, item.overdue, item.flag) == (
        "Support Lead", STANDING, None, False, "")
    assert item_due(item) == "ongoing"


def test_a_level_without_owner_or_sla_is_flagged_in_words() -> None:
    levels = [level(1, severity="Sev-2", tier_role="  ", update_every_minutes=60),
              level(2, position=1, tier_role="Engineering Manager", response_sla_minutes=240),
              level(3, position=2)]
    items = sla_items([journey([tp(1, "x")], levels=levels)])
    assert [i.flag for i in items] == [
        "no owner; no response SLA", "no update cadence",
        "no owner; no response SLA; no update cadence"]
    assert items[0].title == "Sev-2: response SLA not set, update every 1 h"
    assert items[2].title == "Level 3: response SLA not set, update cadence not set"
    assert [item_due(i) for i in items] == ["NO OWNER/SLA", "NO SLA", "NO OWNER/SLA"]
    only_owner = sla_items([journey([tp(1, "x")], levels=[level(9, response_sla_minutes=5,
                                                                update_every_minutes=5)])])
    assert [item_due(i) for i in only_owner] == ["NO OWNER"]
    assert items[0].owner == ""


def _fields(item: TrackerItem) -> tuple[object, ...]:
    """Every field of an item (a plain class: items are not compared whole elsewhere)."""
    return tuple(getattr(item, name) for name in TrackerItem.__slots__)


def test_commitments_follow_the_cards_and_tasks_of_their_workshop() -> None:
    pain = PainPoint(id=1, workshop_id=1, impact=3, effort=1, description="waits")
    card = HypothesisCard(id=1, pain_point_id=1, owner="Support Lead", experiment="status page",
                          deadline=dt.date(2026, 5, 1))
    one = journey([tp(1, "x")], pains=[pain], cards=[card], levels=[level(7, **SEV1)])
    two = journey([tp(1, "y")], levels=[level(8, tier_role="Director")], id=2)
    items = tracked_items([one, two], TODAY)
    assert [(i.workshop_id, i.kind) for i in items] == [(1, "card"), (1, "sla"), (2, "sla")]
    assert [_fields(i) for i in items[:1]] == [_fields(i) for i in tracker_items([one], TODAY)]
    groups = group_by_owner(items)
    assert [i.kind for i in groups["Support Lead"]] == ["card", "sla"]
    assert [i.kind for i in groups["Director"]] == ["sla"]


def test_a_workshop_without_matrix_tracks_only_cards_and_tasks() -> None:
    j = journey([tp(1, "x")])
    assert sla_items([j]) == []
    assert tracked_items([j], TODAY) == tracker_items([j], TODAY)


def test_item_due_of_a_card_is_its_days_left() -> None:
    pain = PainPoint(id=1, workshop_id=1, impact=3, effort=1, description="waits")
    card = HypothesisCard(id=1, pain_point_id=1, deadline=dt.date(2026, 4, 10))
    [item] = tracked_items([journey([tp(1, "x")], pains=[pain], cards=[card])], TODAY)
    assert item_due(item) == "OVERDUE by 5 days"


@settings(deadline=None, max_examples=150)
@given(st.text(), st.text(), st.text())
def test_any_typed_text_reaches_the_commitment_as_typed(severity: str, role: str,
                                                        channel: str) -> None:
    lv = level(1, severity=severity, tier_role=role, channel=channel, response_sla_minutes=5,
               update_every_minutes=30)
    [item] = sla_items([journey([tp(1, "x")], levels=[lv])])
    assert item.owner == role.strip()
    assert item.title.startswith(f"{severity.strip() or 'Level 1'}: respond within 5 min")
    assert item.title.endswith(f" via {channel.strip()}" if channel.strip() else "30 min")
    assert (item.flag == "") == bool(role.strip())


def test_a_to_be_ladder_is_proposed_not_in_force() -> None:
    j = journey([tp(1, "x")], levels=[level(4, **SEV1)], state="future")
    [item] = sla_items([j])
    assert (item.status, item_due(item)) == ("proposed", "to-be design")
