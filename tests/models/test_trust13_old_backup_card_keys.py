"""An old backup's plan still names its cards once imported (session 12).

Backups written before session 11 key a card's plan task ``card-ID``, the card's row id
in the file they came from.  The import gives every card a new id, so those tasks named
no card (or another one): the tracker listed each card and its task as two rows, and
``plan --regenerate`` re-keys only untouched tasks, so an edited task stayed cut off for
good.  The import now reads an old key through the order the cards were made in (the
order their old ids were handed out), and a task's title where that order alone leaves
a choice; when the backup cannot say, the key is left as it was, never guessed.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PlanTask
from models.export.json_backup import import_json
from models.export.old_card_keys import old_card_places
from models.rules.plan import card_of_task, regenerate_plan
from tests.helpers import build_workshop
from tests.models.old_files import old_backup

pytestmark = pytest.mark.both_engines


def linked(store: Store, wid: int) -> dict[str, str]:
    """Each card task's title, with the experiment of the card it names ("" if none)."""
    journey = store.load(wid)
    cards = {c.id: c.experiment for c in journey.cards}
    return {t.title: cards.get(card_of_task(journey, t.key), "") for t in journey.plan_tasks
            if t.key.startswith("card-")}


def remade_cards(store: Store, order: list[int], **fields: str) -> int:
    """The lockout workshop with one card per pain point, made in ``order`` (places of
    the pain points), so card ids rise in another order than the pain points'."""
    wid = build_workshop(store)
    journey = store.load(wid)
    for card in journey.cards:
        store.delete(HypothesisCard, card.id)
    pains = journey.pain_points
    for place in order:
        store.add(HypothesisCard(pain_point_id=pains[place].id, owner="Ops",
                                 **{"experiment": f"try {place}", **fields}))
    return wid


def test_an_old_backups_plan_names_the_same_cards_after_import(store: Store) -> None:
    wid = remade_cards(store, [2, 0, 1])
    regenerate_plan(store, wid, dt.date(2026, 3, 2))
    task = next(t for t in store.load(wid).plan_tasks if t.key.startswith("card-"))
    store.update(PlanTask, task.id, owner="Kim", edited=True)  # regenerate keeps it as is
    before = linked(store, wid)
    assert len(before) == 2 and all(before.values()), before  # the top card's is "implement"
    text = old_backup(store, wid)
    assert '"card-' in text and '"card@' not in text  # a real old-format backup
    copy = import_json(store, text, "old.json")
    assert linked(store, copy) == before
    regenerate_plan(store, copy, dt.date(2026, 3, 2))
    assert linked(store, copy) == before
    assert len(store.load(copy).plan_tasks) == len(store.load(wid).plan_tasks)


def test_a_card_made_after_the_plan_is_told_apart_by_the_tasks_titles(store: Store) -> None:
    wid = remade_cards(store, [2, 0, 3])
    regenerate_plan(store, wid, dt.date(2026, 3, 2))
    pains = store.load(wid).pain_points
    store.add(HypothesisCard(pain_point_id=pains[1].id, experiment="later", owner="Ops"))
    before = linked(store, wid)
    assert len(before) == 2 and all(before.values()), before
    copy = import_json(store, old_backup(store, wid), "old.json")
    assert linked(store, copy) == before


def test_keys_the_backup_cannot_place_are_left_unlinked_not_guessed(store: Store) -> None:
    wid = remade_cards(store, [2, 0], experiment="")  # no experiment to tell them apart
    regenerate_plan(store, wid, dt.date(2026, 3, 2))
    pains = store.load(wid).pain_points
    store.add(HypothesisCard(pain_point_id=pains[1].id, owner="Ops"))
    text = old_backup(store, wid)
    data = json.loads(text)
    old_keys = sorted(t["key"] for t in data["plan_tasks"] if t["key"].startswith("card-"))
    copy = import_json(store, text, "old.json")
    journey = store.load(copy)
    assert sorted(t.key for t in journey.plan_tasks if t.key.startswith("card-")) == old_keys
    assert all(card_of_task(journey, key) is None for key in old_keys)


def test_an_edited_title_is_no_evidence(store: Store) -> None:
    wid = remade_cards(store, [2, 0])
    regenerate_plan(store, wid, dt.date(2026, 3, 2))
    pains = store.load(wid).pain_points
    store.add(HypothesisCard(pain_point_id=pains[1].id, owner="Ops"))  # no experiment
    task = next(t for t in store.load(wid).plan_tasks if t.key.startswith("card-"))
    store.update(PlanTask, task.id, title="Call the admins back", edited=True)
    copy = import_json(store, old_backup(store, wid), "old.json")
    journey = store.load(copy)
    assert [card_of_task(journey, t.key) for t in journey.plan_tasks
            if t.key.startswith("card-")] == [None]


@settings(deadline=None, max_examples=60)
@given(experiments=st.lists(st.text(max_size=12), min_size=1, max_size=5),
       titles=st.lists(st.text(max_size=20), max_size=5), numbers=st.lists(
           st.integers(min_value=0, max_value=30), max_size=5))
def test_any_typed_text_gives_an_order_keeping_mapping_or_none(
        experiments: list[str], titles: list[str], numbers: list[int]) -> None:
    """Whatever people typed as experiments and task titles, an old key maps to a card
    of the backup, no two keys to one card, and a higher old id to a later-made card."""
    pains = [{"card": {"experiment": e, "created_at": f"2025-01-0{n + 1}T09:00:00"}}
             for n, e in enumerate(experiments)]
    tasks = [{"key": f"card-{n}", "title": t} for n, t in zip(numbers, titles, strict=False)]
    places = old_card_places(tasks, pains)
    assert set(places) <= {int(t["key"][5:]) for t in tasks}
    assert len(set(places.values())) == len(places)
    ordered = [places[n] for n in sorted(places)]
    assert ordered == sorted(ordered)
