"""A seat on the team server gets its first screen from plain psycopg, as a file seat from sqlite3.

Why: ``journeymap open`` on PostgreSQL showed "loading…" until SQLModel was
imported and the store had loaded the workshop (issue 18: the workshop on screen
within twice a bare Textual app's first paint).  Home and the early steps now
read through ``models.db.light_target``; the store opens behind them (held here by
the ``gate``) and is swapped in under the same screen.  A server that never
answers is asked once, and the seat says the store's sentence.
"""

from __future__ import annotations

import threading
from typing import Any

from textual.widgets import DataTable

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import build_workshop, screen_text, until
from tests.silent_listener import silent_listener
from tui.app.app import JourneyApp
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen


async def test_home_on_a_server_lists_before_the_store_opens(
        pg_url: str, gate: threading.Event) -> None:
    with Store(pg_url, who="lea") as store:
        store.create_workshop(title="‮evil‬ [b]not markup[/b]")
        store.create_workshop(title="Early bird")
    app = JourneyApp(pg_url, who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        def listed() -> int:  # the rows, once Home is up (read in a thread on a server)
            found = app.screen.query("#workshops")
            return found.first(DataTable).row_count if found else 0

        assert await until([pilot], lambda: listed() == 2, rounds=300)
        table = app.screen.query_one("#workshops", DataTable)
        assert app.store is None  # the gate holds the store: these rows came from psycopg
        assert "Early bird" in screen_text(app)
        gate.set()
        assert await until([pilot], lambda: app.store is not None, rounds=500)
        assert table.row_count == 2


async def test_the_tracker_on_a_server_shows_before_the_store_and_is_swapped_in(
        pg_url: str, gate: threading.Event) -> None:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
        regenerate_plan(store, wid)
    app: Any = build_app(pg_url, wid, step="tracker", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        def tracker() -> Any:
            if not isinstance(app.screen, WorkshopScreen):
                return None
            return app.screen.query_one_optional("#step-tracker")

        assert await until([pilot], lambda: tracker() is not None and bool(tracker().items),
                           rounds=500)
        view, screen = tracker(), app.screen
        assert app.store is None
        assert type(app.journey.workshop).__name__ == "Row"
        early_items = sorted(view.items)
        gate.set()
        assert await until([pilot], lambda: app.store is not None, rounds=500)
        assert await until([pilot], lambda: "opening" not in app.sub_title, rounds=500)
        assert app.screen is screen and tracker() is view
        assert type(app.journey.workshop).__name__ == "Workshop"
        assert sorted(view.items) == early_items


async def test_a_seat_on_a_server_that_never_answers_asks_once() -> None:
    with silent_listener() as silent:
        app = JourneyApp(silent.url(), who="lea")
        async with app.run_test(size=(80, 24)) as pilot:
            assert await until([pilot], lambda: not app.loading, rounds=500)
            await pilot.pause()
            shown = screen_text(app)
            await app.workers.wait_for_complete()
            attempts = silent.attempts
    assert f"Cannot reach the PostgreSQL server at 127.0.0.1:{silent.port}" in shown
    assert "secret-pw" not in shown
    assert attempts == 1
