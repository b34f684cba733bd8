"""How a queued card reads in the plan: its title and the line under it, word for word."""

from __future__ import annotations

import datetime as dt

from models.rules.plan import NEXT_CYCLE_PHASE, QUEUED_PHASE, generate_plan
from tests.models.four_cards import START, four_cards


def test_a_queued_card_is_titled_with_its_experiment_without_the_final_full_stop() -> None:
    j = four_cards()
    j.cards[1].experiment = "  Ship feature X...  "
    j.cards[2].experiment = ""  # no experiment: the draft the cards step would offer
    items = {i.key: i for i in generate_plan(j)}
    assert items["card-12"].title == "Card 2: Ship feature X"
    assert items["card-13"].title == "Card 3: fixing “pain 3” at Chat"
    assert items["card-12"].phase == QUEUED_PHASE
    assert items["card-12"].detail == "Queued after the top card's fix."


def test_a_slot_that_would_end_after_day_60_starts_the_next_cycle_on_day_61() -> None:
    items = {i.key: i for i in generate_plan(four_cards())}
    starts = [items[f"card-{n}"].start for n in (12, 13, 14)]
    assert starts == [START + dt.timedelta(days=d - 1) for d in (29, 43, 61)]
    assert items["card-14"].phase == NEXT_CYCLE_PHASE
