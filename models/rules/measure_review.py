"""The leadership review's two questions answered from the ticket readings.

Kept apart from ``measures`` (the figures themselves) because these are sentences for one
document: which stage generates the most repeat contacts, and which card met its signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.rules.measures import MET, NOT_YET, judge, repeat_contacts_by_stage

if TYPE_CHECKING:
    from models.db.tables.workshop import Stage


def review_repeat_contacts(journey: Journey) -> str | None:
    """The review's first question from the readings (None: no stage has reopen counts)."""
    ranked = [(s, m) for s, m in repeat_contacts_by_stage(journey) if m.value is not None]
    if not ranked:
        return None
    stage, figure = ranked[0]
    count = int(figure.value or 0)
    if count == 0:
        # Naming the first stage as "the most" with 0 sent a lead to a stage that generates
        # none: the zero is said of every stage that was measured.
        named = [f"{_name(s)} ({m.provenance})" for s, m in ranked[:_NAMED]]
        more = len(ranked) - len(named)
        listed = (", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else named[0])
        if more:
            listed = ", ".join(named) + f" and {more:,} more stage{'s' if more != 1 else ''}"
        return f"No stage generates repeat contacts: 0 reopened tickets in {listed}."
    return (f"{_name(stage)} generates the most repeat contacts: "
            f"{count:,} reopened ticket{'s' if count != 1 else ''} ({figure.provenance}).")


# The stages named when none has a reopened ticket; the rest are counted.
_NAMED = 3


def _name(stage: Stage) -> str:
    return stage.name.strip() or "An unnamed stage"


def review_measured(journey: Journey) -> str | None:
    """The review's second question from the readings: the cards whose signal is met."""
    verdicts = [(c, judge(journey, c)) for c in journey.cards]
    met = [(c, v) for c, v in verdicts if v is not None and v.status == MET]
    if met:
        card, verdict = met[0]
        name = card.experiment.strip().rstrip(".") or "a card"
        return f"“{name}” met its signal: {verdict.text}."
    if any(v is not None and v.status == NOT_YET for _, v in verdicts):
        return "No tied signal is met yet: " + next(
            f"“{c.experiment.strip().rstrip('.') or 'a card'}” {v.text}" for c, v in verdicts
            if v is not None and v.status == NOT_YET) + "."
    return None
