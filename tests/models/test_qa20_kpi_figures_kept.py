"""A KPI figure is written with the digits it holds: never 0 for 0.004, never invented digits.

The drafted card's signal and the plan task "Measure impact: …" are stored text, so a
figure rounded to nothing there ("falls from 0 to 0") stays wrong in every export.
"""

from __future__ import annotations

import pytest

from models.db.journey import Journey
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.cards import draft_card
from models.rules.numbers import fmt_kpi, fmt_number


@pytest.mark.parametrize(("value", "shown"), [
    (0.004, "0.004"), (0.001, "0.001"), (-0.0012345, "-0.0012"), (0.05, "0.05"),
    (0.125, "0.12"), (2.004, "2"), (1240.75, "1,240.75"), (18.0, "18"), (1240, "1,240"),
    (12345678901234567890.0, "12,345,678,901,234,567,000"),
    (10**20, "100,000,000,000,000,000,000"),
])
def test_a_figure_keeps_its_significant_digits_and_invents_none(value: float,
                                                                shown: str) -> None:
    assert fmt_number(value) == shown
    assert fmt_kpi(value, "per order") == f"{shown} per order"


def test_a_nonzero_figure_never_reads_as_zero() -> None:
    for exponent in range(1, 300, 7):
        value = 3 * 10.0 ** -exponent
        assert fmt_number(value).strip("0.,-") != "", value


def test_a_small_kpi_signal_says_the_figures_typed() -> None:
    stage = Stage(id=1, workshop_id=1, name="Ordering", kpi_name="Complaints per order",
                  kpi_baseline=0.004, kpi_target=0.001)
    pain = PainPoint(id=1, workshop_id=1, touchpoint_id=1, description="checkout fails")
    journey = Journey(workshop=Workshop(id=1), stages=[stage],
                      touchpoints={1: [Touchpoint(id=1, stage_id=1, name="Checkout")]},
                      pain_points=[pain])
    assert draft_card(journey, pain)["signal"] == (
        "Complaints per order falls from 0.004 to 0.001 within 30 days")
