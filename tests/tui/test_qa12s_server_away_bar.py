"""The presence bar says "server away" where a seat at 80 columns can read it.

Found from outside (session 11): with three seats in tmux windows at 80x24 and the
PostgreSQL server stopped, the bar ended in "… │ 0/1 done │ server away:" and the
rest was cut; with four or five seats nothing of it was left, so once the lost
notice faded a seat no longer showed that its edits were waiting.  The outage is
played by ``tests.pg_link`` (the shared test server must not be stopped).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Static

from models.db.store import Store
from models.live import presence
from tests.helpers import build_workshop, ready, until
from tests.pg_link import Link, link_to
from tui.app.app import JourneyApp
from tui.app.launch import build_app

OTHERS = ("Lea-Marie", "Kim", "Ola (Finance)", "Ravi")


@pytest.fixture
def room(pg_url: str) -> Iterator[tuple[Link, int]]:
    """A workshop on the server with four other people in it, and a link to cut."""
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
        for name in OTHERS:
            presence.join(store, wid, name, step="touchpoints")
    with link_to(pg_url) as forwarder:
        yield forwarder, wid


def visible_bar(app: JourneyApp) -> str:
    """The bar as the terminal shows it: its first line, cut at the screen's width."""
    bar = app.screen.query_one("#presence", Static)
    return bar.render_line(0).text


def said(app: JourneyApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


async def test_server_away_is_on_screen_at_80_columns_with_five_seats(
        room: tuple[Link, int]) -> None:
    forwarder, wid = room
    app = build_app(forwarder.via(), wid, step="touchpoints", who="sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await until([pilot], lambda: "Ravi" in visible_bar(app) or
                           "Here:" in visible_bar(app) and "…" in visible_bar(app))
        forwarder.cut()
        assert await until([pilot], lambda: said(app, "Lost the connection"), rounds=500)
        await pilot.pause()
        assert await until([pilot], lambda: "server away: typed edits are kept"
                           in visible_bar(app)), visible_bar(app)
        assert "Here:" in visible_bar(app)
        forwarder.restore()
        assert await until([pilot], lambda: said(app, "Reconnected"), rounds=500)
        assert await until([pilot], lambda: "server away" not in visible_bar(app))
