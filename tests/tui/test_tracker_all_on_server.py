"""Tracker "all workshops" (key w) on the team server: plain psycopg, the same items as the store.

Why: on PostgreSQL the list went through the ORM's ``load_many`` while a file was
read with plain sqlite3; both now take the light read (``models.db.light_target``).
The light path is only right if the room sees exactly the items the store's path
gives, so the same portfolio is listed both ways and compared item for item.
"""

from __future__ import annotations

import pytest

from models.db import light_target
from models.db.store import Store
from models.rules.plan import regenerate_plan
from models.rules.tracker import TrackerItem
from tests.helpers import build_workshop
from tests.tui.views import all_workshop_items


def _portfolio(url: str) -> int:
    """Two planned workshops and a third without a plan: items from more than one."""
    with Store(url, who="lea") as store:
        first = build_workshop(store)
        regenerate_plan(store, first)
        second = build_workshop(store)
        regenerate_plan(store, second)
        store.create_workshop(title="No plan yet")
    return first


async def _all_items(url: str, wid: int) -> tuple[list[tuple[str, ...]], int]:
    """Every item the tracker lists for "all workshops", and how many workshops it read."""
    items, count = await all_workshop_items(url, wid, "lea")
    return sorted(_fields(item) for item in items), count


def _fields(item: TrackerItem) -> tuple[str, ...]:
    """Everything the room sees of an item (``TrackerItem`` has no equality of its own)."""
    return tuple(repr(getattr(item, name)) for name in TrackerItem.__slots__)


async def test_the_server_portfolio_is_read_lightly_and_lists_the_stores_items(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    wid = _portfolio(pg_url)
    real_load_many = Store.load_many

    def no_store(self: Store, ids: list[int]) -> list[object]:
        raise AssertionError("the store's load_many was used on a current server")

    monkeypatch.setattr(Store, "load_many", no_store)
    light, light_count = await _all_items(pg_url, wid)

    monkeypatch.setattr(Store, "load_many", real_load_many)
    monkeypatch.setattr(light_target, "load_journeys", lambda target, ids, first=None: None)
    orm, orm_count = await _all_items(pg_url, wid)

    assert light_count == orm_count == 3
    assert len({item[TrackerItem.__slots__.index("workshop_id")] for item in light}) == 2
    assert light == orm
