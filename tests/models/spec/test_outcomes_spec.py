"""Projected vs measured as a lead reads it: the projection in words with its sign, the
measured move of the card's own group of tickets, and which way counts as better."""

from __future__ import annotations

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Workshop
from models.rules.outcomes import Outcome, outcome, projection


def reading(period: str, tickets: int, *, source: int = 1, kind: str = "all", value: str = "",
            **metrics: float) -> Reading:
    return Reading(source_id=source, workshop_id=1, period=period, group_kind=kind,
                   group_value=value, tickets=tickets, **metrics)


def card(metric: str = "tickets", group: str = "", kind: str = "volume",
         value: float | None = 10.0) -> HypothesisCard:
    return HypothesisCard(id=9, pain_point_id=7, effect_kind=kind, effect_value=value,
                          signal_metric=metric, signal_group=group, signal_target=-0.3)


def journey(readings: list[Reading]) -> Journey:
    return Journey(workshop=Workshop(id=1), readings=readings,
                   ticket_sources=[TicketSource(id=1, workshop_id=1, file_name="a.csv"),
                                   TicketSource(id=2, workshop_id=1, file_name="b.csv")])


@pytest.mark.parametrize(("kind", "value", "words", "change"), [
    ("deflection", 40.0, "projected −40 % contacts (deflection 40 %)", -0.4),
    ("deflection", 0.0, "projected +0 % contacts (deflection 0 %)", 0.0),
    ("volume", 10.0, "projected +10 % contacts (volume +10 %)", 0.1),
    ("volume", -12.5, "projected −12.5 % contacts (volume −12.5 %)", -0.125),
    ("handle_time", 5.0, "projected +5 % handle time (handle time +5 %)", 0.05),
])
def test_a_projection_is_written_with_its_sign_and_kept_as_a_fraction(
        kind: str, value: float, words: str, change: float) -> None:
    assert projection(card(kind=kind, value=value)) == (words, pytest.approx(change))


def test_a_card_with_a_kind_but_no_value_is_not_projected() -> None:
    assert projection(card(kind="volume", value=None)) == (
        "not projected (the card has no projected effect)", None)
    assert projection(card(kind="", value=10.0))[1] is None


def test_no_move_at_all_is_unchanged_neither_better_nor_worse() -> None:
    got = outcome(journey([reading("2024-01", 100), reading("2024-02", 100, source=2)]),
                  card())
    assert got is not None and got.better is None and got.measured_change == 0
    assert got.measured == ("measured tickets of all tickets +0 % (100 in 2024-01, n=100 → "
                            "100 in 2024-02, n=100), unchanged (lower is better)")
    assert got.text == f"Projected vs measured: {got.projected}; {got.measured}"


def test_more_tickets_is_worse_and_a_rising_satisfaction_is_better() -> None:
    more = outcome(journey([reading("2024-01", 100), reading("2024-02", 150, source=2)]),
                   card(group="all"))
    assert more is not None and more.better is False
    assert more.measured.startswith("measured tickets of all tickets +50 % ")
    rows = [reading("2024-01", 10, csat_mean=4.0), reading("2024-02", 10, source=2,
                                                             csat_mean=4.4)]
    csat = outcome(journey(rows), card("csat_mean"))
    assert csat is not None and csat.better is True
    assert csat.measured.endswith("+10 % (4.00 in 2024-01, n=10 → 4.40 in 2024-02, n=10), "
                                  "better (higher is better)")


def test_a_falling_rate_is_minus_points_to_one_decimal() -> None:
    rows = [reading("2024-01", 10, sla_met_rate=0.9), reading("2024-02", 20, source=2,
                                                               sla_met_rate=0.8765)]
    got = outcome(journey(rows), card("sla_met_rate"))
    assert got is not None and got.better is False
    assert got.measured_change == pytest.approx(-0.0235)
    assert got.measured == ("measured sla_met_rate of all tickets −2.4 pts (90% in 2024-01, "
                            "n=10 → 88% in 2024-02, n=20), worse (higher is better)")


def test_a_rate_from_zero_is_still_a_move_in_points() -> None:
    rows = [reading("2024-01", 10, reopen_rate=0.0), reading("2024-02", 10, source=2,
                                                              reopen_rate=0.1)]
    got = outcome(journey(rows), card("reopen_rate"))
    assert got is not None and got.measured_change == pytest.approx(0.1)
    assert "+10 pts" in got.measured and got.better is False


def test_the_tickets_behind_each_month_are_those_of_the_cards_group() -> None:
    rows = [reading("2024-01", 30, kind="category", value="Login"),
            reading("2024-01", 70, kind="category", value="Billing"),
            reading("2024-01", 500),
            reading("2024-03", 45, source=2, kind="category", value="Login")]
    got = outcome(journey(rows), card(group="category=Login"))
    assert got is not None
    assert (got.baseline_period, got.baseline_n, got.latest_period, got.latest_n) == (
        "2024-01", 30, "2024-03", 45)
    assert got.measured == ("measured tickets of category=Login +50 % (30 in 2024-01, n=30 → "
                            "45 in 2024-03, n=45), worse (lower is better)")


def test_the_baseline_is_the_first_month_that_has_the_metric() -> None:
    rows = [reading("2024-01", 10), reading("2024-02", 10, source=2, csat_mean=3.0),
            reading("2024-03", 10, source=2, csat_mean=3.3)]
    got = outcome(journey(rows), card("csat_mean"))
    assert got is not None and got.baseline_period == "2024-02"
    only = outcome(journey(rows[:2]), card("csat_mean"))
    expected = Outcome(
        "projected +10 % contacts (volume +10 %)", pytest.approx(0.1),
        "measured: no data yet (only the baseline reading: 3.00 in 2024-02, n=10; import a "
        "later month to measure)", baseline_period="2024-02", baseline_n=10)
    assert only is not None
    assert [getattr(only, name) for name in Outcome.__slots__] == [
        getattr(expected, name) for name in Outcome.__slots__]


def test_the_latest_month_is_the_last_one_and_its_tickets_are_the_groups_own() -> None:
    rows = [reading("2024-01", 100, kind="category", value="Login"),
            reading("2024-02", 90, kind="category", value="Login"),
            reading("2024-03", 50, source=2, kind="category", value="Login"),
            reading("2024-03", 700, source=2, kind="category", value="Billing")]
    got = outcome(journey(rows), card(group="category=Login"))
    assert got is not None
    assert (got.latest_period, got.latest_n, got.measured_change) == ("2024-03", 50, -0.5)


def test_no_data_names_no_month_unless_a_baseline_was_read() -> None:
    untied = outcome(journey([reading("2024-01", 10)]), card(metric=""))
    assert untied is not None and (untied.baseline_period, untied.baseline_n) == ("", None)
    rows = [reading("2024-01", 0, backlog_open=0), reading("2024-02", 5, source=2,
                                                            backlog_open=3)]
    zero = outcome(journey(rows), card("backlog_open"))
    assert zero is not None and (zero.baseline_period, zero.baseline_n) == ("2024-01", 0)
    assert zero.measured_change is None
