"""What a seat that is not the lead is told when it tries one of the lead's controls: one
sentence that names the very thing it tried, and who can do it; nothing changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from models.live import facilitation as fac
from models.live import presence

ACTIONS: list[tuple[str, Callable[[Store, int], object]]] = [
    ("start the timer", lambda s, w: fac.start_timer(s, w, "scope")),
    ("stop the timer", lambda s, w: fac.stop_timer(s, w)),
    ("change the minutes per step", lambda s, w: fac.set_step_minutes(s, w, 5)),
    ("reveal the votes", lambda s, w: fac.reveal_votes(s, w)),
    ("hide the votes", lambda s, w: fac.hide_votes(s, w)),
    ("set the number of votes", lambda s, w: fac.set_vote_budget(s, w, 5)),
    ("bring everyone to a step", lambda s, w: fac.gather(s, w, "pains")),
]


@pytest.fixture
def seat(db_path: Path, store: Store) -> Iterator[tuple[Store, int]]:
    wid = int(store.create_workshop(title="Refunds").id or 0)
    other = Store(db_path, who="ana")
    presence.join(other, wid, "ana")
    yield other, wid
    other.close()


@pytest.mark.parametrize(("doing", "action"), ACTIONS, ids=[a[0] for a in ACTIONS])
def test_a_participant_is_told_the_lead_alone_can_do_what_it_tried(
        seat: tuple[Store, int], doing: str, action: Callable[[Store, int], object]) -> None:
    other, wid = seat
    before = other.get_workshop(wid).model_dump()
    with pytest.raises(fac.LeadOnly) as refused:
        action(other, wid)
    assert str(refused.value) == f"Only the workshop lead can {doing}; ask the lead to do it."
    assert other.get_workshop(wid).model_dump() == before
