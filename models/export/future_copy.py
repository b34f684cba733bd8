"""Making the to-be copy of a journey (the future state), linked to its as-is.

It lives with the exports because it is one: the as-is in template form, plus the
links, stored back through the same checked path as any import, in one transaction.
"""

from __future__ import annotations

from typing import Any

from models.db.dbfile import StoreError
from models.db.journey import Journey
from models.export.serialize import dict_to_store, journey_to_dict
from models.rules.future_state import Comparison, compare
from models.rules.live_maps import TO_BE, is_live
from models.vocab import TO_BE_MARK


def create_future_copy(store: Any, workshop_id: int, journey: Journey | None = None) -> int:
    """A to-be copy of a current-state workshop, linked to it; returns the new id.

    The copy has the map (scope, stages, touchpoints with their links, handoffs, pain
    points, costs, escalation matrix) but no cards, people, votes or plan: the cards
    and their projections stay on the as-is, where the business case reads them,
    and the pain points stay so the room deletes the ones the redesign removes
    rather than the comparison assuming they are gone.  ``journey``: the map, already
    read (``open_or_make_future_copy`` reads it before the write it copies in).
    """
    journey = journey if journey is not None else store.load(workshop_id)
    if not is_live(journey.workshop):
        raise StoreError(f"Workshop {workshop_id} is already a future state; make the to-be "
                         "from its as-is.")
    data = journey_to_dict(journey, full=False)
    places = journey.ordered_touchpoints()
    flat = [tp for stage in data["stages"] for tp in stage.get("touchpoints", [])]
    for item, tp in zip(flat, places, strict=True):
        item["as_is_touchpoint_id"] = tp.id
        for pain in item.get("pain_points", []):
            pain.pop("card", None)
    for pain in data.get("pain_points", []):
        pain.pop("card", None)
    title = journey.workshop.title.strip() or journey.workshop.scenario.strip() or "journey"
    data["workshop"].update(state=TO_BE, as_is_workshop_id=workshop_id,
                            title=title + TO_BE_MARK)
    return int(dict_to_store(store, data, source=f"workshop {workshop_id}",
                             summary=f"future state of workshop {workshop_id}"))


def newest_future_copy(store: Any, workshop_id: int) -> int | None:
    """The id of the newest to-be copy of an as-is workshop, or ``None`` without one.

    The newest is the one the Future state view and the exports compare with
    (``method_text.pair_of``), so it is the one to open.
    """
    ids = [int(w.id) for w in store.list_workshops()
           if w.as_is_workshop_id == workshop_id and not is_live(w) and w.id is not None]
    return max(ids) if ids else None


def open_or_make_future_copy(store: Any, workshop_id: int) -> tuple[int, bool]:
    """(id, made): the map's to-be copy, made only when it has none yet.

    A key press in the app must not make a second copy the room did not ask for:
    the comparison would move to it and the work done on the first would vanish
    from the business case.  ``journeymap future ID`` still makes another on purpose.
    """
    existing = newest_future_copy(store, workshop_id)
    if existing is not None:
        return existing, False
    journey = store.load(workshop_id)  # before the write: a read inside it nests on a file
    with store.write():  # looked for again after the write's lock: two seats at once, both
        existing = newest_future_copy(store, workshop_id)  # finding none, made two copies
        if existing is not None:
            return existing, False
        return create_future_copy(store, workshop_id, journey), True


def future_notice(to_be_id: int, made: bool) -> str:
    """What the room is told when the app opens the to-be copy: made now, or opened."""
    if made:
        return f"To-be copy made (workshop {to_be_id}); edit the future journey."
    return (f"This map's to-be copy is workshop {to_be_id}: opened it, no second copy made "
            "(journeymap future makes another on purpose).")


def as_is_of(store: Any, to_be: Journey) -> Journey | None:
    """The as-is journey of a future state, or ``None`` if it is unlinked or was deleted."""
    as_is_id = to_be.workshop.as_is_workshop_id
    if as_is_id is None:
        return None
    try:
        return store.load(as_is_id)  # type: ignore[no-any-return]
    except StoreError:
        return None


def compare_workshop(store: Any, workshop_id: int) -> Comparison:
    """The as-is / to-be comparison of a stored future state (not available, with why)."""
    to_be = store.load(workshop_id)
    return compare(as_is_of(store, to_be), to_be)
