"""Every card has a place on the 60-day plan; reviews at day 30 and 60; no login as owner."""

from __future__ import annotations

import datetime as dt

from models.rules.plan import beyond_plan, card_of_task, generate_plan
from tests.models.four_cards import START, four_cards

D = dt.date


def test_every_card_has_a_place_top_card_in_weeks_3_4() -> None:
    j = four_cards()
    items = generate_plan(j)
    by_key = {i.key: i for i in items}
    assert by_key["implement"].title == "Ship one fix: fix 1"
    assert (by_key["implement"].start, by_key["implement"].deadline) == (D(2026, 3, 16),
                                                                      D(2026, 3, 27))
    for card in j.cards[1:]:
        assert f"card-{card.id}" in by_key, card.id
    c2, c3, c4 = (by_key[f"card-{i}"] for i in (12, 13, 14))
    assert c2.start > by_key["implement"].deadline  # queued after the top card
    assert c2.deadline < c3.start and c3.deadline < c4.start
    assert c2.owner == "owner 2" and "fix 2" in c2.title
    assert c4.phase == "After day 60 — next cycle" and c4.start > D(2026, 4, 30)
    assert "next cycle" in c4.detail
    assert c2.phase != c4.phase and "day 60" not in c2.phase


def test_a_card_due_after_day_60_carries_a_warning() -> None:
    j = four_cards({2: START + dt.timedelta(days=62)})  # day 63
    c2 = {i.key: i for i in generate_plan(j)}["card-12"]
    assert c2.deadline == D(2026, 5, 3)
    assert c2.phase == "After day 60 — next cycle"
    assert "after day 60" in c2.detail and "day 63" in c2.detail
    assert beyond_plan(START, D(2026, 5, 3)) == "due after day 60 (day 63): next cycle"
    assert beyond_plan(START, D(2026, 4, 30)) == ""


def test_dropped_cards_are_not_planned_and_tasks_map_back_to_cards() -> None:
    j = four_cards()
    j.cards[2].status = "dropped"
    items = generate_plan(j)
    assert "card-13" not in {i.key for i in items}
    assert card_of_task(j, "implement") == 11 and card_of_task(j, "card-12") == 12
    assert card_of_task(j, "baseline") is None and card_of_task(j, "card-x") is None


def test_review_at_day_30_and_day_60_repeating_monthly() -> None:
    items = {i.key: i for i in generate_plan(four_cards())}
    assert items["review-30"].deadline == D(2026, 3, 31)  # day 30
    assert items["review"].deadline == D(2026, 4, 30)  # day 60
    for key in ("review-30", "review"):
        assert "repeats monthly" in items[key].title.lower() + items[key].detail.lower()


def test_default_owners_never_come_from_the_login() -> None:
    items = generate_plan(four_cards())
    assert all(i.owner != "root" for i in items)
    assert {i.owner for i in items if i.key in ("baseline", "review")} == {""}


def test_a_card_due_before_the_queue_gets_its_two_weeks_and_a_warning() -> None:
    """Card 2 due on day 26 (its owner's own date): not a one-day "queued after the top
    card's fix" task on the day the fix is due, but two weeks in weeks 3-4, flagged."""
    j = four_cards({2: D(2026, 3, 27)})  # day 26, a Friday
    c2 = {i.key: i for i in generate_plan(j)}["card-12"]
    assert (c2.start, c2.deadline) == (D(2026, 3, 14), D(2026, 3, 27))
    assert c2.phase == "Weeks 3-4"
    assert "Queued after" not in c2.detail
    assert c2.detail == ("Warning: due on day 26, before the queue after the top card's fix "
                         "(day 29); the method ships one fix at a time: give it a deadline "
                         "after day 28, or keep it as a second fix on purpose.")
