"""Two seats opening the to-be copy of a map that has none, at once, make one copy.

``open_or_make_future_copy`` makes the copy "only when it has none yet": a second
copy moves the comparison to it and the room's work on the first vanishes from the
business case.  The look was a read before the copy's write, so two seats (the Home
key and the Future step) both found none and both made one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.export import future_copy
from models.rules.live_maps import is_live
from tests.helpers import build_workshop
from tests.models.two_writers import at_once, two_seats

pytestmark = pytest.mark.both_engines


def test_two_seats_opening_the_future_state_at_once_make_one_copy(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wid, seats, meeting = two_seats(db_path, build_workshop)
    newest = future_copy.newest_future_copy

    def look_then_meet(store: Store, workshop_id: int) -> int | None:
        found = newest(store, workshop_id)
        meeting.meet(store.who)
        return found

    monkeypatch.setattr(future_copy, "newest_future_copy", look_then_meet)
    results, errors = at_once([lambda s=s: future_copy.open_or_make_future_copy(s, wid)
                               for s in seats], seats)
    assert errors == []
    with Store(db_path) as store:
        copies = [w.id for w in store.list_workshops() if not is_live(w)]
    assert len(copies) == 1
    assert sorted(made for _, made in results) == [False, True]
    assert {copy_id for copy_id, _ in results} == set(copies)
