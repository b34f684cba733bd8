"""A plan task that carries out a card still names that card after an import or a copy.

Found from outside (session 11): ``copy`` of a portfolio to the team server, or
``import`` of a JSON backup into a database that already held workshops, gave the
cards new ids while the plan tasks kept keys like ``card-4`` (the old ids).  The
tracker then listed each card and its plan task as two rows (the demo's tracker went
from 3 to 4 items for one owner) and the Markdown summary counted other OVERDUE items
and "cards due after day 60" than the original on the 2,000-touchpoint map.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard
from models.export.json_backup import export_workshop, import_json
from models.rules.plan import card_of_task, regenerate_plan
from tests.helpers import build_workshop

pytestmark = pytest.mark.both_engines


def card_tasks(store: Store, wid: int) -> dict[str, str]:
    """Each card task's title, with the experiment of the card its key names ("" if none)."""
    journey = store.load(wid)
    cards = {c.id: c.experiment for c in journey.cards}
    out = {}
    for task in journey.plan_tasks:
        if task.key.startswith("card-"):
            card = card_of_task(journey, task.key)
            out[task.title] = cards.get(card, "") if card is not None else ""
    return out


def test_an_imported_plan_names_the_same_cards(store: Store) -> None:
    wid = build_workshop(store)
    journey = store.load(wid)
    # cards made in another order than their pain points, as in a real workshop
    for card in sorted(journey.cards, key=lambda c: c.id or 0)[:2]:
        store.delete(HypothesisCard, card.id)
    for pain in reversed(journey.pain_points[:2]):
        store.add(HypothesisCard(pain_point_id=pain.id, experiment=f"again {pain.id}",
                                 outcome="o", signal="s", owner="Ops"))
    regenerate_plan(store, wid, dt.date(2026, 3, 2))
    before = card_tasks(store, wid)
    assert before and all(before.values()), before
    text = export_workshop(store, wid)
    first = import_json(store, text, "backup.json")
    second = import_json(store, text, "backup.json")
    for copy in (first, second):
        assert card_tasks(store, copy) == before
    assert export_workshop(store, second).count('"key"') == text.count('"key"')
