"""The leadership review's two questions answered from the ticket readings.

Kept apart from ``measures`` (the figures themselves) because these are sentences for one
document: which stage generates the most repeat contacts, and which card met its signal.
"""

from __future__ import annotations

from models.db.journey import Journey
from models.rules.measures import MET, NOT_YET, judge, repeat_contacts_by_stage


def review_repeat_contacts(journey: Journey) -> str | None:
    """The review's first question from the readings (None: no stage has reopen counts)."""
    ranked = [(s, m) for s, m in repeat_contacts_by_stage(journey) if m.value is not None]
    if not ranked:
        return None
    stage, figure = ranked[0]
    count = int(figure.value or 0)
    return (f"{stage.name.strip() or 'An unnamed stage'} generates the most repeat contacts: "
            f"{count:,} reopened ticket{'s' if count != 1 else ''} ({figure.provenance}).")


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
