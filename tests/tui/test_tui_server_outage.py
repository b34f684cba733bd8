"""A seat on PostgreSQL whose server goes away and comes back (qa10c, session 10).

Found from outside: after a restart of the server under three tmux seats, the others'
edits never reached a seat again and nobody said anything; with the server stopped,
``h`` ended the app in a traceback.  ``tests.pg_link`` plays the outage (the shared
test server must not be stopped).  Waiting is bounded polling (``until``).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg
import pytest
from textual.widgets import DataTable, Static

from models.db.store import Store
from models.db.tables.workshop import Workshop
from tests.helpers import SIZE, ready, until
from tests.pg_link import Link
from tui.app.app import JourneyApp
from tui.app.launch import build_app


@asynccontextmanager
async def cut_off_seat(forwarder: Link, wid: int, *, black_hole: bool = False,
                       ) -> AsyncIterator[tuple[JourneyApp, Any]]:
    """sam's seat, ready on the Scope step, and then the server goes away."""
    app = build_app(forwarder.via(), wid, step="scope", who="sam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        forwarder.cut(black_hole=black_hole)
        yield app, pilot


def said(app: JourneyApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


async def test_a_seat_says_it_lost_the_server_and_catches_up_once_it_is_back(
        server_link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = server_link
    async with cut_off_seat(forwarder, wid) as (app, pilot):
        assert await until([pilot], lambda: said(app, "Lost the connection"), rounds=500)
        assert said(app, forwarder.address())
        with Store(pg_url, who="lea") as other:
            other.update(Workshop, wid, title="Changed while sam was cut off")
        forwarder.restore()
        assert await until([pilot], lambda: said(app, "Reconnected"), rounds=500)
        assert await until([pilot], lambda: app.journey is not None and
                           app.journey.workshop.title == "Changed while sam was cut off")


async def test_home_on_a_cut_off_seat_is_one_sentence_not_a_traceback(
        server_link: tuple[Link, int]) -> None:
    forwarder, wid = server_link
    async with cut_off_seat(forwarder, wid) as (app, pilot):
        await pilot.press("h")  # Home reads the workshop list from the server
        await pilot.pause()
        assert await until([pilot], lambda: said(app, "Cannot reach the PostgreSQL server"))
        assert app.is_running and app.return_code is None


async def test_an_edit_on_a_cut_off_seat_is_one_sentence_and_the_map_stays(
        server_link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = server_link
    async with cut_off_seat(forwarder, wid) as (app, pilot):
        assert not app.save_field(Workshop, wid, "title", "typed while cut off")
        assert await until([pilot], lambda: said(app, "Kept, not saved yet"))
        assert app.journey is not None and app.journey.workshop.title == "Admin locked out"
        forwarder.restore()
        assert await until([pilot], lambda: app.save_field(Workshop, wid, "title", "again"),
                           rounds=500)
    with Store(pg_url, who="check") as store:
        assert store.get_workshop(wid).title == "again"


def shown_text(app: JourneyApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_a_seat_behind_a_black_hole_never_connects_from_the_screen(
        server_link: tuple[Link, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """A network that drops packets makes every connect wait its 10 s timeout; once the
    seat knows the server is away, its heartbeat, an edit and Home must not try one on
    the thread that draws the screen (the listener retries in its own)."""
    forwarder, wid = server_link
    async with cut_off_seat(forwarder, wid, black_hole=True) as (app, pilot):
        assert await until([pilot], lambda: said(app, "Lost the connection"), rounds=500)
        screen_thread, tried = threading.current_thread(), []
        real = psycopg.connect

        def connect(*args: Any, **kwargs: Any) -> Any:
            tried.append(threading.current_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(psycopg, "connect", connect)
        app.pairing.beat()
        app.pairing.tick()
        assert not app.save_field(Workshop, wid, "title", "typed behind the black hole")
        assert await until([pilot], lambda: said(app, "Kept, not saved yet"))
        await pilot.press("h")
        await pilot.pause()
        assert screen_thread not in tried
        assert app.is_running


async def test_a_seat_away_from_its_server_says_so_until_it_is_back(
        server_link: tuple[Link, int]) -> None:
    """The lost notice fades after 10 s; the presence bar keeps saying it meanwhile."""
    forwarder, wid = server_link
    async with cut_off_seat(forwarder, wid) as (app, pilot):
        assert await until([pilot], lambda: said(app, "Lost the connection"), rounds=500)
        await pilot.pause()
        bar = app.screen.query_one("#presence", Static)
        assert bar.display and "server away" in shown_text(app, "#presence")
        forwarder.restore()
        assert await until([pilot], lambda: said(app, "Reconnected"), rounds=500)
        await pilot.pause()
        assert "server away" not in shown_text(app, "#presence")


async def test_home_during_an_outage_says_so_and_lists_the_workshops_once_it_is_back(
        server_link: tuple[Link, int]) -> None:
    forwarder, wid = server_link
    async with cut_off_seat(forwarder, wid) as (app, pilot):
        assert await until([pilot], lambda: said(app, "Lost the connection"), rounds=500)
        await pilot.press("h")
        await pilot.pause()
        welcome = shown_text(app, "#welcome")
        assert "Cannot reach the PostgreSQL server" in welcome and "Welcome" not in welcome
        forwarder.restore()
        table = app.screen.query_one("#workshops", DataTable)
        assert await until([pilot], lambda: table.display and table.row_count == 1,
                           rounds=500)
        assert not app.screen.query_one("#welcome", Static).display
