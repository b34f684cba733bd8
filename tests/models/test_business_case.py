"""The business case: every number with its formula, "not available" with the reason."""

from __future__ import annotations

import re

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import ChannelCost
from models.export.method_text import case_blocks
from models.rules.business_case import business_case, card_case
from tests.models.method_helpers import journey, tp


def phone_case(volume: int | None = 1240, kind: str = "deflection", value: float | None = 40.0,
               cost: float | None = 25.0, minutes: float | None = 12.0,
               confirmed: bool = True, channel: str = "Phone") -> tuple:
    pain = PainPoint(id=7, workshop_id=1, touchpoint_id=3, ticket_volume=volume)
    card = HypothesisCard(id=9, pain_point_id=7, effect_kind=kind, effect_value=value)
    costs = [ChannelCost(workshop_id=1, channel="phone", cost_per_contact=cost,
                         handle_minutes=minutes, confirmed=confirmed)]
    j = journey([tp(3, "Call support", channel=channel)], pains=[pain], cards=[card],
                costs=costs)
    return j, card


def test_deflection_projects_contacts_cost_and_hours_with_formulas() -> None:
    j, card = phone_case()
    case = card_case(j, card)
    assert case.contacts_after.value == pytest.approx(744)
    assert case.contacts_after.formula == "1,240 contacts × (1 − 40 % deflected) = 744"
    assert case.cost_before.value == pytest.approx(31000)
    assert case.cost_after.formula == "744 contacts × 25 = 18,600"
    assert case.saving.value == pytest.approx(12400)
    assert case.saving.text == "Saving: 12,400 per month (31,000 − 18,600 = 12,400)"
    assert case.hours_before.value == pytest.approx(248)
    assert case.hours_saved.value == pytest.approx(248 - 148.8)
    assert case.hours_after.formula == "744 contacts × 12 min ÷ 60 = 148.8"
    assert case.notes == []


def test_handle_time_keeps_the_count_and_says_its_assumption() -> None:
    j, card = phone_case(kind="handle_time", value=-25.0)
    case = card_case(j, card)
    assert case.contacts_after.value == 1240
    assert case.hours_after.value == pytest.approx(1240 * 9 / 60)
    assert case.saving.value == pytest.approx(31000 * 0.25)
    assert any("handle-time change is assumed" in n for n in case.notes)


def test_volume_change() -> None:
    j, card = phone_case(kind="volume", value=-10.0)
    assert card_case(j, card).contacts_after.formula == (
        "1,240 contacts × (1 − 10 % volume) = 1,116")


def test_unknown_volume_is_not_available_never_zero() -> None:
    j, card = phone_case(volume=None)
    case = card_case(j, card)
    for figure in (case.contacts_before, case.contacts_after, case.cost_before, case.saving,
                   case.hours_saved):
        assert figure.value is None and "no ticket volume" in figure.reason
    assert case.saving.text == "Saving: not available (no ticket volume recorded)"


def test_no_costs_set_leaves_contacts_but_not_money() -> None:
    j, card = phone_case(cost=None, minutes=None)
    case = card_case(j, card)
    assert case.contacts_after.value == pytest.approx(744)
    assert case.saving.value is None
    assert case.saving.reason == "no cost per contact set for channel “Phone”"
    assert case.hours_saved.reason == "no handle minutes set for channel “Phone”"


def test_card_without_projection_is_not_available() -> None:
    j, card = phone_case(kind="", value=None)
    case = card_case(j, card)
    assert case.contacts_before.value == 1240
    assert case.contacts_after.reason == "the card has no projected effect"
    assert case.saving.value is None and case.saving.reason == "the card has no projected effect"


def test_an_unconfirmed_default_cost_is_named_as_an_assumption() -> None:
    j, card = phone_case(confirmed=False)
    assert business_case(j).notes == [
        "The cost for “phone” is a default the lead has not confirmed."]


def test_a_deflection_outside_0_100_is_not_available() -> None:
    j, card = phone_case(value=140.0)
    assert "outside 0-100 %" in card_case(j, card).contacts_after.reason


def test_totals_add_what_is_available_and_say_what_was_left_out() -> None:
    j, _ = phone_case()
    j.pain_points.append(PainPoint(id=8, workshop_id=1, touchpoint_id=3, ticket_volume=100))
    j.cards.append(HypothesisCard(id=10, pain_point_id=8))  # no projection
    j.pain_points.append(PainPoint(id=11, workshop_id=1, touchpoint_id=3, ticket_volume=200))
    j.cards.append(HypothesisCard(id=12, pain_point_id=11, effect_kind="deflection",
                                  effect_value=50))
    case = business_case(j)
    assert case.saving.value == pytest.approx(12400 + 2500)
    assert case.saving.formula == (
        "12,400 + 2,500 = 14,900; 1 card without the numbers not counted")
    assert case.contacts_avoided.value == pytest.approx(496 + 100)


def test_no_cards_means_no_totals() -> None:
    case = business_case(journey([tp(1, "x")]))
    assert case.cards == [] and case.saving.value is None
    assert case.saving.reason == "no card has the numbers for it yet"


def test_channels_without_cost_and_saving_one_row_per_channel(store) -> None:  # type: ignore[no-untyped-def]
    from models.db.fields import FieldError
    from models.db.tables.workshop import Touchpoint
    from models.rules.costs import channels_without_cost, save_channel_cost, unconfirmed_costs

    wid = int(store.create_workshop(title="x").id or 0)
    stage = int(store.load(wid).stages[0].id or 0)
    for name, channel in (("a", "Phone"), ("b", "phone "), ("c", "Chat"), ("d", "")):
        store.add(Touchpoint(stage_id=stage, name=name, channel=channel))
    j = store.load(wid)
    assert channels_without_cost(j) == ["Phone", "Chat"]
    save_channel_cost(store, j, "Phone", cost_per_contact=25)
    save_channel_cost(store, j, " PHONE", confirmed=True)  # same row, not a second one
    j = store.load(wid)
    assert [(c.channel, c.cost_per_contact, c.confirmed) for c in j.channel_costs] == [
        ("Phone", 25.0, True)]
    assert channels_without_cost(j) == ["Chat"] and unconfirmed_costs(j) == []
    with pytest.raises(FieldError, match="cost per contact must be 0 or more"):
        save_channel_cost(store, j, "Chat", cost_per_contact=-1)
    with pytest.raises(FieldError, match="no field 'owner'"):
        save_channel_cost(store, j, "Chat", owner="x")


def _two_cards_ranked_against_id_order() -> Journey:
    """Card 9 (a fill-in, impact 1) was drafted before card 12 (a quick win)."""
    j, _ = phone_case()
    j.pain_points[0].impact, j.pain_points[0].effort = 1, 1
    j.pain_points.append(PainPoint(id=11, workshop_id=1, touchpoint_id=3, ticket_volume=200,
                                   impact=3, effort=1))
    j.cards.append(HypothesisCard(id=12, pain_point_id=11, effect_kind="deflection",
                                  effect_value=50))
    return j


def test_cards_come_in_the_rank_order_of_their_pain_points() -> None:
    """The leader reads the case top-down like the cards, tracker and plan: by rank."""
    assert [c.card.id for c in business_case(_two_cards_ranked_against_id_order()).cards] == [
        12, 9]


def test_every_number_a_difference_uses_is_printed_above_it() -> None:
    """"Agent hours saved: 99.2 (248 − 148.8 = 99.2)": 248 and 148.8 are on the page."""
    for block in case_blocks(_two_cards_ranked_against_id_order()):
        printed: list[str] = []
        for line in block.lines:
            difference = re.search(r"\(([\d,.]+) − ([\d,.]+) = ", line)
            if difference:
                assert set(difference.groups()) <= set(printed), (block.heading, line)
            value = re.match(r"[^:]+: ([\d,.]+) ", line)
            if value:
                printed.append(value.group(1))


def test_a_total_over_one_card_names_the_card_instead_of_x_equals_x() -> None:
    j, _ = phone_case()
    j.pain_points.append(PainPoint(id=8, workshop_id=1, touchpoint_id=3, ticket_volume=100))
    j.cards.append(HypothesisCard(id=10, pain_point_id=8))  # no projection
    case = business_case(j)
    assert case.saving.formula == "one card: 12,400; 1 card without the numbers not counted"
