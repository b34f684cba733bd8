"""Projected vs measured (issue #15): per card, the projected change next to the change the
ticket readings measured (baseline reading vs latest, with periods and n), or "no data yet"
with the reason; never an invented number.  Hand-made journeys, every figure by hand."""

from __future__ import annotations

import pytest

from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.tickets import Reading, TicketSource
from models.export.method_text import case_blocks
from models.rules.business_case import card_case
from models.rules.outcomes import Outcome, outcome
from tests.models.method_helpers import journey, tp


def reading(period: str, tickets: int, *, source: int = 1, kind: str = "category",
            value: str = "Login", **metrics: float) -> Reading:
    return Reading(source_id=source, workshop_id=1, period=period, group_kind=kind,
                   group_value=value, tickets=tickets, **metrics)


def case(readings: list[Reading], *, kind: str = "deflection", value: float | None = 40.0,
         metric: str = "tickets", group: str = "category=Login", volume: int | None = 1240):
    pain = PainPoint(id=7, workshop_id=1, touchpoint_id=3, ticket_volume=volume)
    card = HypothesisCard(id=9, pain_point_id=7, experiment="Send the link by SMS",
                          effect_kind=kind, effect_value=value, signal_metric=metric,
                          signal_group=group, signal_target=-0.3 if metric else None,
                          signal_relative=True)
    j = journey([tp(3, "Reset password", channel="Phone")], pains=[pain], cards=[card])
    j.ticket_sources = [TicketSource(id=1, workshop_id=1, file_name="march.csv"),
                        TicketSource(id=2, workshop_id=1, file_name="may.csv")]
    j.readings = readings
    return j, card


def test_volume_down_is_measured_against_a_deflection_projection() -> None:
    j, card = case([reading("2024-03", 120), reading("2024-05", 80, source=2)])
    got = outcome(j, card)
    assert got is not None
    assert got.projected_change == pytest.approx(-0.40)
    assert got.measured_change == pytest.approx((80 - 120) / 120)  # -33 %
    assert (got.baseline_period, got.baseline_n, got.latest_period, got.latest_n) == (
        "2024-03", 120, "2024-05", 80)
    assert got.better is True  # fewer tickets: lower is better
    assert got.text == (
        "Projected vs measured: projected −40 % contacts (deflection 40 %); measured "
        "tickets of category=Login −33 % (120 in 2024-03, n=120 → 80 in 2024-05, n=80), "
        "better (lower is better)")


def test_higher_is_better_for_a_rate_measured_in_points() -> None:
    j, card = case([reading("2024-03", 50, fcr_rate=0.50),
                    reading("2024-04", 40, source=2, fcr_rate=0.60)],
                   kind="volume", value=-10.0, metric="fcr_rate")
    got = outcome(j, card)
    assert got is not None
    assert got.projected_change == pytest.approx(-0.10)
    assert got.measured_change == pytest.approx(0.10)  # +10 points
    assert got.better is True
    assert ("measured fcr_rate of category=Login +10 pts (50% in 2024-03, n=50 → 60% in "
            "2024-04, n=40), better (higher is better)") in got.text


def test_a_rise_in_a_lower_is_better_time_is_worse() -> None:
    j, card = case([reading("2024-03", 10, ttr_median_hours=4.0),
                    reading("2024-04", 10, source=2, ttr_median_hours=5.0)],
                   kind="handle_time", value=-25.0, metric="ttr_median_hours")
    got = outcome(j, card)
    assert got.measured_change == pytest.approx(0.25)
    assert got.better is False
    assert "projected −25 % handle time (handle time −25 %)" in got.text
    assert "+25 % (4.0 h in 2024-03, n=10 → 5.0 h in 2024-04, n=10), worse (lower is " \
           "better)" in got.text


def test_no_readings_is_no_data_yet_with_the_reason() -> None:
    assert outcome(case([])[0], case([])[1]) is None  # no ticket data at all: no line
    j, card = case([reading("2024-03", 50, value="Billing")])  # none for this group
    got = outcome(j, card)
    assert got is not None
    assert got.measured_change is None and got.better is None
    assert got.text.endswith("measured: no data yet (no reading of tickets for "
                             "category=Login yet)")


def test_one_reading_only_is_the_baseline_not_a_change() -> None:
    j, card = case([reading("2024-03", 120)])
    got = outcome(j, card)
    assert got.measured_change is None
    assert (got.baseline_period, got.baseline_n, got.latest_period) == ("2024-03", 120, "")
    assert got.text.endswith("measured: no data yet (only the baseline reading: 120 in "
                             "2024-03, n=120; import a later month to measure)")


def test_a_zero_baseline_cannot_carry_a_relative_change() -> None:
    j, card = case([reading("2024-03", 0), reading("2024-04", 5, source=2)], volume=None)
    got = outcome(j, card)
    assert got.measured_change is None
    assert got.text.endswith("measured: no data yet (the baseline reading is 0 in 2024-03, "
                             "so a change cannot be measured against it)")
    # unknown pain volume: the projected percentage stands, the contacts are not available
    assert card_case(j, card).contacts_after.reason == "no ticket volume recorded"
    assert "projected −40 % contacts (deflection 40 %)" in got.text


def test_a_card_without_projection_still_shows_what_was_measured() -> None:
    j, card = case([reading("2024-03", 120), reading("2024-05", 80, source=2)], kind="",
                   value=None)
    got = outcome(j, card)
    assert got is not None
    assert got.projected_change is None and got.measured_change == pytest.approx(-1 / 3)
    assert got.text.startswith("Projected vs measured: not projected (the card has no "
                               "projected effect); measured tickets of category=Login −33 %")


def test_a_card_not_tied_to_a_metric_says_how_to_tie_it() -> None:
    j, card = case([reading("2024-03", 120)], metric="", group="")
    got = outcome(j, card)
    assert got.text.endswith("measured: no data yet (the card's signal is not tied to a "
                             "ticket metric: `journeymap tickets link-card` or m on the card)")


def test_the_business_case_carries_the_line_in_every_output() -> None:
    j, card = case([reading("2024-03", 120), reading("2024-05", 80, source=2)])
    carried, own = card_case(j, card).outcome, outcome(j, card)
    assert carried is not None and own is not None
    assert [getattr(carried, name) for name in Outcome.__slots__] == [
        getattr(own, name) for name in Outcome.__slots__]
    lines = [line for block in case_blocks(j) for line in block.lines]
    assert outcome(j, card).text in lines
