"""Tracker "all workshops" (key w) reads the portfolio with plain sqlite3 on a local file.

Why: the store's ``load_many`` of 200 workshops cost ~0.14 s of CPU where the light
read (``models.db.light_journey``) costs ~0.05 s; the goal is the whole portfolio
on screen within a second.  A file the light read does not trust goes through the
store as before; a server is read lightly too (``test_tracker_all_on_server``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import light_target
from models.db.store import Store
from tests.helpers import planned_workshop, second_workshop
from tests.tui.views import all_workshop_ids


@pytest.fixture
def wid(db_path: Path) -> int:
    return planned_workshop(db_path)


async def test_all_workshops_come_from_the_light_read(db_path: Path, wid: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    other, _ = second_workshop(db_path)

    def no_store(self: Store, ids: list[int]) -> list[object]:
        raise AssertionError("the store's load_many was used for a sound local file")

    monkeypatch.setattr(Store, "load_many", no_store)
    assert await all_workshop_ids(db_path, wid, "lea") == {wid, other}


async def test_a_file_the_light_read_refuses_goes_through_the_store(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    other, _ = second_workshop(db_path)
    monkeypatch.setattr(light_target, "load_journeys", lambda target, ids, first=None: None)
    assert await all_workshop_ids(db_path, wid, "lea") == {wid, other}
