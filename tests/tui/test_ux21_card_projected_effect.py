"""A card on the Cards screen shows its projected effect under its sentence, when it has one.

Found in session 17: the business case reads each card's projected effect ("deflection
of 30 %", ``journeymap card-effect``; ``show`` prints it), but the Cards screen, where
the room reads the card's signal, did not show it, so a lead saw no reason for the
business case's figures.  Shown as the CLI words it, as data (a planted kind is not
markup); a card without one keeps its height.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import HypothesisCard
from tests.helpers import settle
from tests.tui.template_map import template_workshop
from tui.app.launch import build_app
from tui.widgets.card_grid import CardBox, card_body

ON = dt.date(2026, 3, 2)


def _first_card(db: Path) -> tuple[int, int]:
    wid = template_workshop(db)
    with Store(db, who="tester") as store:
        return wid, int(store.load(wid).cards[0].id or 0)


def test_the_effect_follows_the_sentence_and_an_unset_one_adds_no_line(db_path: Path) -> None:
    wid, card_id = _first_card(db_path)
    with Store(db_path, who="tester") as store:
        journey = store.load(wid)
        card = journey.cards[0]
        before = card_body(journey, card, ON).plain.split("\n")
        card.effect_kind, card.effect_value = "deflection", 30.0
        after = card_body(journey, card, ON).plain.split("\n")
        card.effect_kind, card.effect_value = "[bold red]x[/]", -20.0
        planted = card_body(journey, card, ON).plain.split("\n")
        card.effect_kind, card.effect_value = "volume", None  # half set: no effect
        half = card_body(journey, card, ON).plain.split("\n")
    assert not any("Projected" in line for line in before + half), before
    assert half == before
    assert after[:2] + after[3:] == before, after
    assert after[2] == "Projected: deflection of 30 %", after
    assert planted[2] == "Projected: [bold red]x[/] change of -20 %", planted


async def test_the_cards_screen_shows_the_effect_at_80x24(db_path: Path) -> None:
    wid, card_id = _first_card(db_path)
    with Store(db_path, who="tester") as store:
        store.update(HypothesisCard, card_id, effect_kind="handle_time", effect_value=-25.0)
    app = build_app(db_path, wid, step="cards", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {box.card_id: box.body.plain for box in app.screen.query(CardBox)}
    assert "Projected: handle-time change of -25 %" in shown[card_id], shown[card_id]
    assert not any("Projected" in body for cid, body in shown.items() if cid != card_id)
