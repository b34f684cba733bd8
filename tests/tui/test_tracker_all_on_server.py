"""Tracker "all workshops" (key w) on the team server: plain psycopg, the same items as the store.

Why: on PostgreSQL the list went through the ORM's ``load_many`` while a file was
read with plain sqlite3; both now take the light read (``models.db.light_target``).
The light path is only right if the room sees exactly the items the store's path
gives, so the same portfolio is listed both ways and compared item for item.
"""

from __future__ import annotations

from typing import Any

import pytest

from models.db import light_server, light_target
from models.db.store import Store
from models.db.tables.workshop import Workshop
from models.rules.plan import regenerate_plan
from models.rules.tracker import TrackerItem
from tests.helpers import build_workshop, ready, until
from tests.tui.views import all_workshop_items
from tui.app.launch import build_app


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


async def test_every_refresh_of_the_portfolio_shares_one_connection_closed_with_the_seat(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The room's edits each refresh "all workshops": one kept connection, not one each."""
    wid = _portfolio(pg_url)
    reads: list[object] = []
    connections: list[Any] = []
    real_read, real_connect = light_server.read_journeys, light_server.read_connection

    def counted_read(*args: Any) -> Any:
        reads.append(args)
        return real_read(*args)

    def counted_connect(*args: Any, **kwargs: Any) -> Any:
        connections.append(real_connect(*args, **kwargs))
        return connections[-1]

    monkeypatch.setattr(light_server, "read_journeys", counted_read)
    monkeypatch.setattr(light_server, "read_connection", counted_connect)
    app = build_app(pg_url, wid, step="tracker", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert await until([pilot], lambda: app.store is not None, rounds=500)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        opened = len(connections)  # the first screen's own read came and went before the store
        await pilot.press("w")
        assert await until([pilot], lambda: view.all_items is not None, rounds=500)
        before = len(reads)
        with Store(pg_url, who="sam") as sam:
            for n in range(3):  # each edit reaches the seat and reads the portfolio again
                sam.update(Workshop, wid, scenario=f"edit {n}")
                assert await until([pilot], lambda n=n: len(reads) > before + n, rounds=500)
        await app.workers.wait_for_complete()
        kept = connections[opened:]
    assert len(reads) >= before + 3
    assert len(kept) == 1
    assert kept[0].closed  # the seat ended: its light connection went with it
