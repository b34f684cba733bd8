"""What a leader reads in the business case: each figure with its formula in the map's own
numbers, or "not available" with the one reason that holds, and totals that say what they skip."""

from __future__ import annotations

from typing import Any

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import ChannelCost
from models.db.tables.tickets import Reading, TicketSource
from models.rules.business_case import Figure, business_case, card_case
from tests.models.method_helpers import journey, tp


def case_of(volume: int | None = 1240, kind: str = "deflection", value: float | None = 40.0,
            cost: float | None = 25.0, minutes: float | None = 12.0, channel: str = "Phone",
            confirmed: bool = True, **card: Any) -> tuple[Journey, HypothesisCard]:
    pain = PainPoint(id=7, workshop_id=1, touchpoint_id=3, ticket_volume=volume)
    made = HypothesisCard(id=9, pain_point_id=7, effect_kind=kind, effect_value=value, **card)
    costs = [ChannelCost(workshop_id=1, channel="Phone", cost_per_contact=cost,
                         handle_minutes=minutes, confirmed=confirmed)]
    return journey([tp(3, "Call support", channel=channel)], pains=[pain], cards=[made],
                   costs=costs), made


def test_a_figure_reads_as_label_value_unit_and_formula() -> None:
    assert Figure("Saving", 14880.0, "per month", "595 contacts × 25 = 14,880").text == \
        "Saving: 14,880 per month (595 contacts × 25 = 14,880)"
    assert Figure("Ratio", 0.126, formula="1 ÷ 8").text == "Ratio: 0.13 (1 ÷ 8)"
    assert Figure("Ratio", None, reason="no data").text == "Ratio: not available (no data)"
    assert Figure("Ratio", 0.0).available and not Figure("Ratio", None).available


def test_every_figure_before_the_fix_shows_how_it_was_made() -> None:
    j, card = case_of()
    case = card_case(j, card)
    assert case.channel == "Phone" and case.pain.id == 7
    assert case.contacts_before.text == (
        "Contacts before: 1,240 contacts/month (1,240 tickets/month on the pain point)")
    assert case.cost_before.text == "Cost before: 31,000 per month (1,240 contacts × 25 = 31,000)"
    assert case.hours_before.text == (
        "Agent hours before: 248 hours/month (1,240 contacts × 12 min ÷ 60 = 248)")
    assert case.cost_after.text == "Cost after: 18,600 per month (744 contacts × 25 = 18,600)"
    assert case.hours_saved.text == (
        "Agent hours saved: 99.2 hours/month (248 − 148.8 = 99.2)")


def test_a_deflection_of_exactly_0_or_100_percent_is_a_projection() -> None:
    for value, after in ((0.0, 1240.0), (100.0, 0.0)):
        j, card = case_of(value=value)
        assert card_case(j, card).contacts_after.value == after
    j, card = case_of(value=-0.5)
    refused = card_case(j, card).contacts_after
    assert refused.reason == "a deflection of -0.5 % is outside 0-100 %"
    assert refused.unit == "contacts/month"
    j, card = case_of(value=25.0)
    assert card_case(j, card).contacts_after.text == (
        "Contacts after: 930 contacts/month (1,240 contacts × (1 − 25 % deflected) = 930)")
    j, card = case_of(value=100.5)
    assert card_case(j, card).contacts_after.text == (
        "Contacts after: not available (a deflection of 100.5 % is outside 0-100 %)")


def test_a_volume_rise_is_written_with_a_plus() -> None:
    j, card = case_of(kind="volume", value=10.0)
    after = card_case(j, card).contacts_after
    assert after.value == pytest.approx(1364)
    assert after.text == ("Contacts after: 1,364 contacts/month "
                          "(1,240 contacts × (1 + 10 % volume) = 1,364)")
    j, card = case_of(kind="volume", value=0.0)
    assert card_case(j, card).contacts_after.formula == (
        "1,240 contacts × (1 + 0 % volume) = 1,240")


def test_a_handle_time_change_scales_the_cost_and_minutes_of_each_contact() -> None:
    j, card = case_of(kind="handle_time", value=-25.0)
    case = card_case(j, card)
    assert case.contacts_after.text == ("Contacts after: 1,240 contacts/month "
                                        "(1,240 contacts (a handle-time change keeps the count))")
    assert case.cost_after.formula == "1,240 contacts × 25 × 0.75 handle time = 23,250"
    assert case.hours_after.formula == "1,240 contacts × 9 min ÷ 60 = 186"
    assert case.notes == ["A handle-time change is assumed to change the cost per contact in "
                          "proportion to the minutes."]


def test_an_unconfirmed_cost_is_an_assumption_of_the_card_too() -> None:
    j, card = case_of(confirmed=False)
    assert card_case(j, card).notes == [
        "The cost for “Phone” is a default the lead has not confirmed."]


def test_a_touchpoint_without_a_channel_costs_nothing_that_can_be_known() -> None:
    j, card = case_of(channel="   ")
    case = card_case(j, card)
    assert case.channel == ""
    why = "the pain point's touchpoint has no channel"
    for figure in (case.cost_before, case.cost_after, case.saving, case.hours_before,
                   case.hours_after, case.hours_saved):
        assert figure.reason == why and figure.value is None
    assert case.contacts_after.value == pytest.approx(744)


def test_a_channel_typed_with_spaces_is_the_channel_of_its_cost() -> None:
    j, card = case_of(channel="  phone ")
    case = card_case(j, card)
    assert case.channel == "phone" and case.saving.value == pytest.approx(12400)


def test_a_cost_without_handle_minutes_gives_money_but_not_hours() -> None:
    j, card = case_of(minutes=None)
    case = card_case(j, card)
    assert case.saving.value == pytest.approx(12400)
    assert case.hours_before.reason == "no handle minutes set for channel “Phone”"
    assert case.hours_after.reason == "no handle minutes set for channel “Phone”"
    assert case.hours_saved.reason == "no handle minutes set for channel “Phone”"


def test_handle_minutes_without_a_cost_give_hours_but_not_money() -> None:
    j, card = case_of(cost=None)
    case = card_case(j, card)
    assert case.hours_saved.value == pytest.approx(99.2)
    assert case.cost_before.reason == "no cost per contact set for channel “Phone”"
    assert case.cost_after.reason == "no cost per contact set for channel “Phone”"


def test_a_card_without_projection_keeps_what_is_known_before_the_fix() -> None:
    j, card = case_of(kind="", value=None)
    case = card_case(j, card)
    assert case.cost_before.value == pytest.approx(31000)
    assert case.hours_before.value == pytest.approx(248)
    assert case.cost_after.reason == "the card has no projected effect"
    assert case.hours_after.reason == "the card has no projected effect"
    assert case.hours_saved.reason == "the card has no projected effect"
    j, card = case_of(kind="deflection", value=None)
    assert card_case(j, card).contacts_after.reason == "the card has no projected effect"


def test_without_volume_every_figure_gives_the_volume_as_its_reason() -> None:
    j, card = case_of(volume=None)
    case = card_case(j, card)
    assert case.contacts_before.text == (
        "Contacts before: not available (no ticket volume recorded)")
    assert case.contacts_after.reason == "no ticket volume recorded"
    assert case.hours_before.reason == "no ticket volume recorded"
    assert case.hours_after.reason == "no ticket volume recorded"
    assert case.cost_before.reason == "no ticket volume recorded"
    assert case.cost_after.reason == "no ticket volume recorded"
    j, card = case_of(volume=1)
    assert card_case(j, card).contacts_before.value == 1.0


def test_a_card_whose_pain_point_was_deleted_is_not_available_not_an_error() -> None:
    card = HypothesisCard(id=9, pain_point_id=99, effect_kind="deflection", effect_value=40)
    j = journey([tp(3, "Call support", channel="Phone")], cards=[card])
    case = card_case(j, card)
    assert case.pain.id == 99 and case.channel == ""
    assert case.contacts_before.reason == "no ticket volume recorded"
    assert case.saving.reason == "the pain point's touchpoint has no channel"


def test_a_card_carries_its_projected_vs_measured_line_once_readings_exist() -> None:
    j, card = case_of()
    assert card_case(j, card).outcome is None
    j.ticket_sources = [TicketSource(id=1, workshop_id=1, file_name="jan.csv")]
    j.readings = [Reading(source_id=1, workshop_id=1, period="2024-01", tickets=5)]
    got = card_case(j, card).outcome
    assert got is not None and got.projected_change == -0.4


def test_totals_name_every_part_and_count_hours_and_contacts_too() -> None:
    j, _ = case_of()
    j.pain_points.append(PainPoint(id=8, workshop_id=1, touchpoint_id=3, ticket_volume=200))
    j.cards.append(HypothesisCard(id=10, pain_point_id=8, effect_kind="deflection",
                                  effect_value=50))
    total = business_case(j)
    assert [c.card.id for c in total.cards] == [9, 10]
    assert total.contacts_avoided.text == (
        "Contacts avoided: 596 contacts/month (496 + 100 = 596)")
    assert total.hours_saved.text == (
        "Agent hours saved: 119.2 hours/month (99.2 + 20 = 119.2)")
    assert total.saving.text == "Saving: 14,900 per month (12,400 + 2,500 = 14,900)"


def test_totals_say_how_many_cards_lack_each_number() -> None:
    j, _ = case_of(minutes=None)
    j.pain_points.append(PainPoint(id=8, workshop_id=1, touchpoint_id=3, ticket_volume=None))
    j.cards.append(HypothesisCard(id=10, pain_point_id=8, effect_kind="volume",
                                  effect_value=-10))
    total = business_case(j)
    assert total.contacts_avoided.formula == (
        "one card: 496; 1 card without the numbers not counted (1 card whose pain point has "
        "no ticket volume recorded)")
    assert total.hours_saved.text == (
        "Agent hours saved: not available (no card has the numbers for it yet)")
    assert total.hours_saved.unit == "hours/month"
    assert total.contacts_avoided.unit == "contacts/month" and total.saving.unit == "per month"


def test_the_notes_of_all_cards_are_listed_once_in_order() -> None:
    j, _ = case_of(kind="handle_time", value=-10.0, confirmed=False)
    j.pain_points.append(PainPoint(id=8, workshop_id=1, touchpoint_id=3, ticket_volume=200))
    j.cards.append(HypothesisCard(id=10, pain_point_id=8, effect_kind="handle_time",
                                  effect_value=-5))
    assert business_case(j).notes == [
        "A handle-time change is assumed to change the cost per contact in proportion to the "
        "minutes.",
        "The cost for “Phone” is a default the lead has not confirmed."]


def test_a_card_that_saves_nothing_adds_zero_to_the_totals() -> None:
    j, _ = case_of()
    j.pain_points.append(PainPoint(id=8, workshop_id=1, touchpoint_id=3, ticket_volume=200))
    j.cards.append(HypothesisCard(id=10, pain_point_id=8, effect_kind="deflection",
                                  effect_value=0))
    total = business_case(j)
    assert total.saving.text == "Saving: 12,400 per month (12,400 + 0 = 12,400)"
    assert total.contacts_avoided.value == pytest.approx(496)


def test_one_ticket_a_month_is_a_volume_with_a_projection() -> None:
    j, card = case_of(volume=1)
    case = card_case(j, card)
    assert case.contacts_after.value == pytest.approx(0.6)
    assert case.contacts_after.formula == "1 contacts × (1 − 40 % deflected) = 0.6"


def test_figures_without_volume_keep_their_units() -> None:
    j, card = case_of(volume=0)
    case = card_case(j, card)
    assert case.contacts_before.unit == "contacts/month"
    assert case.contacts_after.unit == "contacts/month"
    assert case.saving.unit == "per month" and case.hours_saved.unit == "hours/month"


def test_figures_are_shown_to_two_decimals() -> None:
    j, card = case_of(minutes=7)
    assert card_case(j, card).hours_before.formula == "1,240 contacts × 7 min ÷ 60 = 144.67"


def test_the_hours_total_says_how_many_cards_lack_hours() -> None:
    j, _ = case_of()
    for pid in (8, 9):
        j.pain_points.append(PainPoint(id=pid, workshop_id=1, touchpoint_id=3,
                                       ticket_volume=None))
        j.cards.append(HypothesisCard(id=pid + 10, pain_point_id=pid, effect_kind="volume",
                                      effect_value=-10))
    assert business_case(j).hours_saved.formula == (
        "one card: 99.2; 2 cards without the numbers not counted (2 cards whose pain points "
        "have no ticket volume recorded)")


LABELS = {"contacts_before": ("Contacts before", "contacts/month"),
          "contacts_after": ("Contacts after", "contacts/month"),
          "cost_before": ("Cost before", "per month"), "cost_after": ("Cost after", "per month"),
          "saving": ("Saving", "per month"),
          "hours_before": ("Agent hours before", "hours/month"),
          "hours_after": ("Agent hours after", "hours/month"),
          "hours_saved": ("Agent hours saved", "hours/month")}


@pytest.mark.parametrize("made", [
    {"volume": 0}, {"cost": None, "minutes": None}, {"kind": "", "value": None},
    {"channel": ""}, {"kind": "volume", "value": 10.0}, {"kind": "handle_time", "value": -5.0},
])
def test_every_figure_keeps_its_label_and_unit_available_or_not(made: dict[str, Any]) -> None:
    j, card = case_of(**made)
    case = card_case(j, card)
    for name, (label, unit) in LABELS.items():
        figure = getattr(case, name)
        assert (figure.label, figure.unit) == (label, unit), name
        assert figure.text.startswith(f"{label}: ")
