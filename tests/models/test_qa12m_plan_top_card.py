"""The one fix of weeks 3-4 and its card's own deadline must not silently disagree.

Found running an SSO-login workshop: the top card's owner had agreed on day 14, the plan
showed "Ship one fix" from day 15 to day 28 without a word, and the tracker, the
card and the leadership review all held the owner to day 14.  The method ships the
fix in weeks 3-4 and measures it in weeks 5-6, so a card due outside that window is
said to be, like a card due before day 1 or after day 60 already is.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.rules.plan import generate_plan
from tests.models.four_cards import four_cards

D = dt.date


def _implement(deadline: dt.date | None) -> str:
    items = {i.key: i for i in generate_plan(four_cards({1: deadline}))}
    return items["implement"].detail


@pytest.mark.parametrize(("deadline", "warning"), [
    (D(2026, 3, 13), "the card is due on day 12 (2026-03-13), before weeks 3-4 (days 15-28) "
     "where this plan ships it; the tracker follows the card: give the card a deadline "
     "from 2026-03-16 to 2026-03-27, or regenerate the plan from an earlier start date."),
    (D(2026, 4, 10), "the card is due on day 40 (2026-04-10), after weeks 3-4 (days 15-28) "
     "where this plan ships it, so weeks 5-6 would measure a fix not shipped yet: give "
     "the card a deadline from 2026-03-16 to 2026-03-27."),
])
def test_a_top_card_due_before_or_after_weeks_3_4_is_warned(deadline: dt.date,
                                                            warning: str) -> None:
    assert _implement(deadline).endswith(f" Warning: {warning}")


def test_a_top_card_due_in_weeks_3_4_or_undated_has_no_warning() -> None:
    for deadline in (D(2026, 3, 16), D(2026, 3, 20), D(2026, 3, 29), None):
        assert "Warning" not in _implement(deadline), deadline


def test_a_top_card_due_before_day_1_or_after_day_60_keeps_its_one_warning() -> None:
    early = _implement(D(2026, 2, 20))
    late = _implement(D(2026, 5, 20))
    assert early.count("Warning") == 1 and "before day 1" in early
    assert late.count("Warning") == 1 and "after day 60" in late
