"""The Eisenhower matrix for triage (method document 000): urgent × important per pain point.

It sits beside impact × effort: impact/effort says what to fix first, the
Eisenhower quadrant says who must handle the issue *now* while it is not fixed,
an automation acting at once or a person following up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.db.journey import Journey

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import PainPoint

EISENHOWER: tuple[str, ...] = ("do_now", "schedule", "delegate", "drop")
EISENHOWER_LABELS: dict[str, str] = {
    "do_now": "do now: act immediately (automation acts at once, a person is alerted)",
    "schedule": "schedule: important, plan a human follow-up",
    "delegate": "delegate: urgent but routine, let self-service or a bot handle it",
    "drop": "drop: neither urgent nor important, do not automate or staff it",
}


def eisenhower(urgent: bool, important: bool) -> str:
    if urgent and important:
        return "do_now"
    if important:
        return "schedule"
    return "delegate" if urgent else "drop"


class Triage:
    """A pain point with its Eisenhower quadrant."""

    __slots__ = ("pain", "quadrant")

    def __init__(self, pain: PainPoint, quadrant: str) -> None:
        self.pain = pain
        self.quadrant = quadrant

    @property
    def text(self) -> str:
        name = self.pain.description.strip() or "A pain point"
        return f"“{name}”: {EISENHOWER_LABELS[self.quadrant]}"


def triage(journey: Journey) -> dict[str, list[Triage]]:
    """Pain points grouped by quadrant, in ``EISENHOWER`` order, each group in map order."""
    groups: dict[str, list[Triage]] = {q: [] for q in EISENHOWER}
    for pain in journey.pain_points:
        quad = eisenhower(pain.urgent, pain.important)
        groups[quad].append(Triage(pain, quad))
    return groups
