"""Projected vs measured: what a card's fix was expected to do, next to what the ticket
readings measured since (issue #15's "once readings exist").

The projection is the card's own effect (deflection, volume or handle-time change, in
percent); the measurement is the card's tied signal (``models.rules.measures``): its
metric on its group of tickets, the baseline reading (the first month that has it) against
the latest, each with its month and the number of tickets behind it.  Whether the move is
better depends on the metric: fewer tickets or hours are better, a higher FCR, CSAT or SLA
rate is better.  What the readings cannot say is "no data yet" with the reason; nothing
is estimated or carried over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.rules.measures import RATES, card_group, format_value, group_rows, series
from models.rules.numbers import fmt_number

if TYPE_CHECKING:  # the Markdown export reads without the ORM
    from models.db.tables.cards import HypothesisCard

HIGHER_IS_BETTER = frozenset({"fcr_rate", "csat_mean", "csat_responses",
                              "csat_satisfied_share", "sla_met_rate"})
MINUS = "−"


class Outcome:
    """One card's projected change beside its measured change (or the reason there is none).

    ``projected_change`` is a fraction (−0.4 = 40 % fewer); ``measured_change`` is a
    fraction of the baseline, or for a rate the difference in points as a fraction
    (0.1 = +10 points).  A plain class, not a ``NamedTuple`` (``models/rules/__init__.py``
    says why): the business case builds one per card and only reads it.
    """

    __slots__ = ("projected", "projected_change", "measured", "measured_change", "better",
                 "baseline_period", "baseline_n", "latest_period", "latest_n")

    def __init__(self, projected: str, projected_change: float | None, measured: str,
                 measured_change: float | None = None, better: bool | None = None,
                 baseline_period: str = "", baseline_n: int | None = None,
                 latest_period: str = "", latest_n: int | None = None) -> None:
        self.projected = projected
        self.projected_change = projected_change
        self.measured = measured
        self.measured_change = measured_change
        self.better = better
        self.baseline_period = baseline_period
        self.baseline_n = baseline_n
        self.latest_period = latest_period
        self.latest_n = latest_n

    @property
    def text(self) -> str:
        return f"Projected vs measured: {self.projected}; {self.measured}"


def _signed(value: float, unit: str) -> str:
    sign = MINUS if value < 0 else "+"
    return f"{sign}{fmt_number(abs(value))}{unit}"


def projection(card: HypothesisCard) -> tuple[str, float | None]:
    """The card's projected effect as words and as a fraction, or why there is none."""
    if not card.effect_kind or card.effect_value is None:
        return "not projected (the card has no projected effect)", None
    value = card.effect_value
    if card.effect_kind == "deflection":
        return (f"projected {_signed(-value, ' %')} contacts (deflection "
                f"{fmt_number(value)} %)"), -value / 100
    what = "handle time" if card.effect_kind == "handle_time" else "contacts"
    label = card.effect_kind.replace("_", " ")
    return (f"projected {_signed(value, ' %')} {what} ({label} {_signed(value, ' %')})",
            value / 100)


def _n(journey: Journey, kind: str, values: set[str] | None, month: str) -> int:
    return sum(r.tickets for r in group_rows(journey, kind, values) if r.period == month)


def outcome(journey: Journey, card: HypothesisCard) -> Outcome | None:
    """Projected vs measured for one card; None while the workshop has no ticket data."""
    if not journey.readings:
        return None
    projected, change = projection(card)

    def no_data(why: str, period: str = "", n: int | None = None) -> Outcome:
        return Outcome(projected, change, f"measured: no data yet ({why})",
                       baseline_period=period, baseline_n=n)

    metric = card.signal_metric
    if not metric:
        return no_data("the card's signal is not tied to a ticket metric: `journeymap "
                       "tickets link-card` or m on the card")
    kind, values = card_group(card)
    group = card.signal_group if card.signal_group not in ("", "all") else "all tickets"
    history = [(m, v.value) for m, v in series(journey, metric, kind, values)
               if v.value is not None]
    if not history:
        return no_data(f"no reading of {metric} for {group} yet")
    (m0, base) = history[0]
    n0 = _n(journey, kind, values, m0)
    if len(history) < 2:
        return no_data(f"only the baseline reading: {format_value(metric, base)} in {m0}, "
                       f"n={n0}; import a later month to measure", m0, n0)
    (m1, last) = history[-1]
    assert base is not None and last is not None
    n1 = _n(journey, kind, values, m1)
    if metric in RATES:
        measured = last - base
        moved = _signed(round(measured * 100, 1), " pts")
    elif base == 0:
        return no_data(f"the baseline reading is 0 in {m0}, so a change cannot be measured "
                       "against it", m0, n0)
    else:
        measured = (last - base) / base
        moved = _signed(round(measured * 100), " %")
    higher = metric in HIGHER_IS_BETTER
    better = None if measured == 0 else (measured > 0) == higher
    verdict = {True: "better", False: "worse", None: "unchanged"}[better]
    direction = "higher is better" if higher else "lower is better"
    text = (f"measured {metric} of {group} {moved} ({format_value(metric, base)} in {m0}, "
            f"n={n0} → {format_value(metric, last)} in {m1}, n={n1}), {verdict} ({direction})")
    return Outcome(projected, change, text, measured, better, m0, n0, m1, n1)
