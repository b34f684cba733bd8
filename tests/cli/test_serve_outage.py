"""Browser seats while the PostgreSQL server is away (qa10c, session 10).

Found from outside: ``pg_ctlcluster 15 … stop`` for 10 s under an open browser seat
closed it ("closing a seat: Cannot reach the PostgreSQL server …", the tab read
"Session ended."): the 5-second re-check took "could not check" for "revoked".
Nobody can revoke while the server is away either, so the seat stays open and says
itself that it lost the server; a revoked invitation still closes it once the
server answers.  ``tests.pg_link`` plays the outage.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

pytest.importorskip("textual_serve", reason="textual-serve (the [serve] extra) is not installed")

from models.db import invites  # noqa: E402
from models.db.store import Store  # noqa: E402
from tests.pg_link import Link, link_to  # noqa: E402
from tui.web import server as web_server  # noqa: E402


@pytest.fixture
def link(pg_url: str) -> Iterator[tuple[Link, str]]:
    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Shared").id or 0)
        secret = invites.create(store, wid, "Kim", "participant")[1]
    with link_to(pg_url) as forwarder:
        yield forwarder, secret


async def test_an_open_browser_seat_outlives_a_server_outage_but_not_its_revocation(
        link: tuple[Link, str], pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    forwarder, secret = link
    monkeypatch.setattr(web_server, "WATCH_S", 0.05)
    closed = asyncio.Event()

    async def close() -> None:
        closed.set()

    with Store(forwarder.via(), who="serve") as store:
        server = web_server.SeatServer(store, forwarder.via(), host="127.0.0.1", port=0)
        watch = asyncio.create_task(server._watch(secret, close))
        forwarder.cut()
        for _ in range(20):  # twenty re-checks that cannot reach the server
            await asyncio.sleep(0.05)
        assert not closed.is_set()
        forwarder.restore()
        with Store(pg_url, who="lea") as lead:
            invites.revoke(lead, 1, "Kim")
        await asyncio.wait_for(closed.wait(), timeout=60)  # a ceiling, not a timing
        await watch
