"""Counts in sentences agree with their noun (models/rules/counts.py)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.db.tables.cards import PainPoint
from models.rules.counts import agree, plural
from models.rules.priority import explain


@pytest.mark.parametrize(("count", "expected"), [(0, "0 items"), (1, "1 item"), (2, "2 items"),
                                                 (-1, "-1 items"), (1200, "1,200 items")])
def test_a_count_of_exactly_one_is_singular(count: int, expected: str) -> None:
    assert plural(count, "item") == expected


def test_a_noun_of_several_words_or_an_irregular_plural() -> None:
    assert plural(1, "ownership and handoff risk") == "1 ownership and handoff risk"
    assert plural(3, "ownership and handoff risk") == "3 ownership and handoff risks"
    assert plural(2, "person", "people") == "2 people"
    assert plural(1, "person", "people") == "1 person"


def test_the_verb_agrees_with_the_count() -> None:
    assert f"{plural(1, 'stage')} {agree(1, 'has', 'have')}" == "1 stage has"
    assert f"{plural(4, 'stage')} {agree(4, 'has', 'have')}" == "4 stages have"


def test_the_pain_ranking_reason_says_one_ticket() -> None:
    pain = PainPoint(id=1, workshop_id=1, description="Locked out", ticket_volume=1,
                     impact=3, effort=1)
    assert explain(1, pain, "quick_win", 1).endswith(
        "1 ticket/month on this pain point, 1 vote")


@settings(deadline=None, max_examples=300)
@given(st.one_of(st.integers(-2000, 2000), st.integers(), st.booleans(),
                 st.floats(allow_nan=False, allow_infinity=False)))
@example(999)
@example(-999)
@example(1000)
@example(-1000)
@example(True)
def test_a_count_reads_as_formatted_with_its_thousands_separator(count: int) -> None:
    """Under a thousand the count is written without ``,``: the same text, fewer steps."""
    assert plural(count, "item").split(" ")[0] == f"{count:,}"
