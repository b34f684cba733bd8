"""Survey words that real help desks write (Freshdesk's classic Awesome / Just Okay / Not
Good, its 7-point Happy scale) are answers, never an "unreadable value"."""

from __future__ import annotations

import pytest

from models.tickets import values


@pytest.mark.parametrize("word", ["Awesome", "Extremely Happy", "Very Happy", "Happy"])
def test_satisfied_words(word: str) -> None:
    assert values.parse_csat(word) == (None, True)


@pytest.mark.parametrize("word", ["Just Okay", "Not Good", "Neutral", "Unhappy",
                                  "Very Unhappy", "Extremely Unhappy", "Very unsatisfied",
                                  "Extremely unsatisfied"])
def test_unsatisfied_words(word: str) -> None:
    assert values.parse_csat(word) == (None, False)


def test_intercom_snoozed_is_open() -> None:
    assert values.status_state("snoozed") == "open"
