"""A to-be copy is a design of the journey after the fixes, not a map anyone operates.

Found in session 11's note: the to-be copy (Future state, `f`) was listed like a live
map: it came due for the monthly review, its cards and SLA levels filled the tracker's
"all workshops", the review offered it as the journey to map next, and its report told
the room to "draft a card and assign one" for each pain point the design leaves alone.
Every place that lists live maps now asks ``models.rules.live_maps.is_live``.
"""

from __future__ import annotations

import datetime as dt

from models.db.store import Store
from models.export.markdown import to_markdown
from models.rules.live_maps import is_live, live
from models.rules.review import leadership_review, month_items, next_journey, open_friction
from models.rules.staleness import none_stale, review_item, review_status, stale_maps
from tests.models.to_be_maps import DESIGNED, as_is_and_to_be

TODAY = dt.date(2026, 3, 10)


def test_only_the_as_is_is_live(store: Store) -> None:
    as_is, to_be = as_is_and_to_be(store)
    journeys = store.load_many([as_is, to_be])
    assert [is_live(j.workshop) for j in journeys] == [True, False]
    assert [j.workshop.id for j in live(journeys)] == [as_is]


def test_a_to_be_copy_is_never_due_for_the_monthly_review(store: Store) -> None:
    as_is, to_be = as_is_and_to_be(store)
    workshops = [store.get_workshop(as_is), store.get_workshop(to_be)]
    assert review_status(workshops[0], TODAY).due
    assert not review_status(workshops[1], TODAY).due
    assert [s.workshop.id for s in stale_maps(workshops, TODAY)] == [as_is]
    assert not review_item(store.load(to_be), TODAY).overdue
    fresh = [store.get_workshop(to_be)]
    assert "never been reviewed" not in none_stale(fresh, TODAY)


def test_a_to_be_copy_is_no_journey_to_map_next(store: Store) -> None:
    as_is, to_be = as_is_and_to_be(store)
    other = store.create_workshop(title="Billing dispute", scenario="Charged twice",
                                  evidence_ticket_volume=300).id
    billing = store.load(other)
    assert "Map a new one" in next_journey(billing, [billing, store.load(to_be)])
    journey = store.load(as_is)
    assert "Billing dispute" in next_journey(journey, [journey, store.load(to_be), billing])


def test_a_to_be_report_words_its_cards_as_the_designs(store: Store) -> None:
    _as_is, to_be = as_is_and_to_be(store)
    journey = store.load(to_be)
    answers = " ".join(a.answer for a in leadership_review(journey, [journey]))
    friction = open_friction(journey, TODAY)
    assert "draft a card" not in answers and "assign" not in answers
    assert "to-be design" in friction and "stays as it is" in friction
    assert "nothing is due" in month_items(journey, "2025-02", TODAY)
    summary = to_markdown(journey, today=TODAY, sections=("summary",))
    assert "draft one" not in summary
    assert f"Designed change: {DESIGNED}." in summary
    assert "none in this to-be design" in summary


def test_the_as_is_report_still_asks_for_cards(store: Store) -> None:
    as_is, _to_be = as_is_and_to_be(store)
    summary = to_markdown(store.load(as_is), today=TODAY, sections=("summary",))
    assert "Card:" in summary and "Designed change" not in summary
