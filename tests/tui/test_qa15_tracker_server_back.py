"""Tracker "all workshops" on a team server that went away and came back.

Found from outside (session 13, three seats in tmux): with the network to the
server dropped, pressing ``w`` said "Could not read every workshop: Cannot reach
…" once, then the Tracker said "0 items" and "Reading every workshop…" for good:
a count nobody had read, and a read that had already failed.  When the server
came back the seat said "Reconnected …; the map shows what changed meanwhile",
yet the Tracker stayed empty until someone edited this workshop.  Now a failed
read says the items are not available and why, and the seat reads again once
the server is back.  Played with ``tests.pg_link`` (a link the test cuts).
"""

from __future__ import annotations

from typing import Any

from models.db.store import Store
from models.rules.plan import regenerate_plan
from tests.helpers import SIZE, ready, screen_text, until
from tests.pg_link import Link
from tui.app.launch import build_app


def _tracker(app: Any) -> Any:
    return app.screen.view("tracker")


async def test_a_failed_portfolio_read_invents_no_count_and_is_read_again_once_back(
        server_link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = server_link
    with Store(pg_url, who="lea") as store:
        regenerate_plan(store, wid)  # items to list
    app = build_app(forwarder.via(), wid, step="tracker", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert await until([pilot], lambda: app.store is not None, rounds=500)
        view = _tracker(app)
        forwarder.cut()
        assert await until([pilot], lambda: bool(app.pairing.lost), rounds=500)
        app.screen.set_focus(view.table)
        await pilot.press("w")
        assert await until([pilot], lambda: any("Could not read every workshop" in str(n.message)
                                                for n in app._notifications), rounds=500)
        await pilot.pause()
        failed = screen_text(app)
        forwarder.restore()
        assert await until([pilot], lambda: view.all_items is not None, rounds=1000)
        await pilot.pause()
        back = screen_text(app)
    assert "0 items" not in failed
    assert "Reading every workshop" not in failed
    assert "not available" in failed
    assert f"127.0.0.1:{forwarder.port}" in failed  # the reason: which server did not answer
    assert view.all_items and "not available" not in back
    assert f"{len(view.items)} items" in back
