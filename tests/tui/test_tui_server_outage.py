"""A seat on PostgreSQL whose server goes away and comes back (qa10c, session 10).

Found from outside: after a restart of the server under three tmux seats, the others'
edits never reached a seat again and nobody said anything; with the server stopped,
``h`` ended the app in a traceback.  ``tests.pg_link`` plays the outage (the shared
test server must not be stopped).  Waiting is bounded polling (``until``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.workshop import Workshop
from tests.helpers import SIZE, build_workshop, ready, until
from tests.pg_link import Link, link_to
from tui.app.app import JourneyApp
from tui.app.launch import build_app


@pytest.fixture
def link(pg_url: str) -> Iterator[tuple[Link, int]]:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
    with link_to(pg_url) as forwarder:
        yield forwarder, wid


@asynccontextmanager
async def cut_off_seat(forwarder: Link, wid: int) -> AsyncIterator[tuple[JourneyApp, Any]]:
    """sam's seat, ready on the Scope step, and then the server goes away."""
    app = build_app(forwarder.via(), wid, step="scope", who="sam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        forwarder.cut()
        yield app, pilot


def said(app: JourneyApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


async def test_a_seat_says_it_lost_the_server_and_catches_up_once_it_is_back(
        link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = link
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
        link: tuple[Link, int]) -> None:
    forwarder, wid = link
    async with cut_off_seat(forwarder, wid) as (app, pilot):
        await pilot.press("h")  # Home reads the workshop list from the server
        await pilot.pause()
        assert await until([pilot], lambda: said(app, "Cannot reach the PostgreSQL server"))
        assert app.is_running and app.return_code is None


async def test_an_edit_on_a_cut_off_seat_is_one_sentence_and_the_map_stays(
        link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = link
    async with cut_off_seat(forwarder, wid) as (app, pilot):
        assert not app.save_field(Workshop, wid, "title", "typed while cut off")
        assert await until([pilot], lambda: said(app, "This change was not saved"))
        assert app.journey is not None and app.journey.workshop.title == "Admin locked out"
        forwarder.restore()
        assert await until([pilot], lambda: app.save_field(Workshop, wid, "title", "again"),
                           rounds=500)
    with Store(pg_url, who="check") as store:
        assert store.get_workshop(wid).title == "again"
