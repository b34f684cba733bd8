"""The review's "map next" sentence looks for the examples it shows, no more (issue 18).

It offers the first two common journeys the workshop's own words do not cover.
Each kind of journey is a regular expression that the export compiles on first
use (~0.6 M instructions each); looking on once two are found compiled and
searched patterns whose answer the sentence drops.  Counted through ``re.search``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from models.db.journey import Journey
from models.db.tables.workshop import Workshop
from models.rules import review
from models.rules.review import next_journey


@pytest.mark.parametrize(("scenario", "examples", "searched"), [
    ("", "billing disputes or account access", 2),
    ("Locked out", "billing disputes or order issues", 3),
    ("Refund, login, parcel", "production outages or cancellations", 5),
    ("refund login parcel outage churn", "another high-volume journey", 5),
])
def test_the_examples_are_looked_for_until_two_are_found(
        scenario: str, examples: str, searched: int, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    search = re.search

    def counted(pattern: str, text: str) -> Any:
        calls.append(pattern)
        return search(pattern, text)

    monkeypatch.setattr(review.re, "search", counted)
    journey = Journey(workshop=Workshop(id=1, title="Map", scenario=scenario), stages=[],
                      touchpoints={})
    assert f"(for example {examples})" in next_journey(journey, [journey])
    # main 8cd0cff searched all five (failed there for the first two cases)
    assert len(calls) == searched
