"""Two seats generating the same unplanned map's plan at once write each task once.

``regenerate_plan`` reads the saved tasks inside its write and inserts the ones
missing; there is no unique key on a plan task's key.  Under PostgreSQL's READ
COMMITTED two seats could both read "no tasks" and both insert, leaving every
task twice, unless their writes queue before the read.  They do: a file's write
begins ``BEGIN IMMEDIATE``, a server's takes ``models.db.server.WRITE_LOCK`` first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import build_workshop_with_cards
from tests.models.two_writers import at_once, two_seats

pytestmark = pytest.mark.both_engines


def test_two_seats_first_visits_at_once_write_each_task_once(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wid, seats, meeting = two_seats(db_path, build_workshop_with_cards)
    journeys = [seat.load(wid) for seat in seats]  # both hold the map, still unplanned
    card_ids = Store.card_ids

    def read_then_meet(self: Store, workshop_id: int) -> set[int]:
        ids = card_ids(self, workshop_id)  # the saved tasks were read just before this
        meeting.meet(self.who)
        return ids

    monkeypatch.setattr(Store, "card_ids", read_then_meet)
    _, errors = at_once([
        lambda seat=seat, journey=journey: regenerate_plan(seat, wid, journey=journey)
        for seat, journey in zip(seats, journeys, strict=True)], seats)
    assert errors == []
    with Store(db_path) as store:
        keys = [task.key for task in store.plan_tasks(wid)]
    assert len(keys) > 7  # the method's phases and every card after the top one
    assert sorted(keys) == sorted(set(keys)), "a task was written twice"
