"""A field kept while the server was away, and changed by another seat meanwhile, is asked.

Left by session 14: the seat saved its kept edits once the server was back over
whatever another seat had written to the same field while it was away (last write
wins, nobody told).  Now the seat saves a kept edit only over the value it was typed
on; when another seat changed the field meanwhile, the keep mine / take theirs
dialog of a live edit asks, and nothing is written until the lead answers.  The
outage is played by ``tests.pg_link`` while the other seat writes straight to the
server.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.widgets import Static

from models.db.store import Store
from models.db.tables.workshop import Workshop
from tests.helpers import until
from tests.pg_link import Link
from tests.tui.kept_edits import away, bar, retype, said
from tui.app.app import JourneyApp
from tui.dialogs.conflict import ConflictScreen


def under(app: JourneyApp) -> str:
    """The presence bar of the workshop screen under a dialog."""
    return app.screen_stack[-2].query_one("#presence", Static).render_line(0).text


@asynccontextmanager
async def asked(forwarder: Link, wid: int, pg_url: str
                ) -> AsyncIterator[tuple[JourneyApp, Any]]:
    """sam keeps a persona while away, kim writes another, the server is back: sam's
    seat, once it asks."""
    async with away(forwarder, wid) as (app, pilot):
        await retype(pilot, app, "persona", "Sam typed this")
        assert await until([pilot], lambda: said(app, "Kept, not saved yet"))
        with Store(pg_url, who="kim") as kim:
            kim.update(Workshop, wid, persona="Kim wrote this")
        forwarder.restore()
        assert await until([pilot], lambda: isinstance(app.screen, ConflictScreen),
                           rounds=500)
        yield app, pilot


async def kept_then_changed(forwarder: Link, wid: int, pg_url: str, answer: str) -> str:
    """``answer`` the question; the persona in the database afterwards."""
    async with asked(forwarder, wid, pg_url) as (app, pilot):
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen)
        assert (dialog.mine, dialog.theirs, dialog.who) == ("Sam typed this",
                                                            "Kim wrote this", "kim")
        with Store(pg_url, who="check") as store:  # nothing written before the answer
            assert store.get_workshop(wid).persona == "Kim wrote this"
        assert "unsaved" in under(app)  # still kept, and the bar under the dialog says so
        await pilot.press(answer)
        assert await until([pilot], lambda: not app.session.waiting)
        assert await until([pilot], lambda: "unsaved" not in bar(app))
        shown = app.journey.workshop.persona if app.journey is not None else None
    with Store(pg_url, who="check") as store:
        persona = store.get_workshop(wid).persona
    assert shown == persona
    return persona


async def test_keep_mine_writes_the_kept_edit_over_theirs(
        server_link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = server_link
    assert await kept_then_changed(forwarder, wid, pg_url, "m") == "Sam typed this"


async def test_take_theirs_drops_the_kept_edit(server_link: tuple[Link, int],
                                               pg_url: str) -> None:
    forwarder, wid = server_link
    assert await kept_then_changed(forwarder, wid, pg_url, "t") == "Kim wrote this"


async def test_decide_later_keeps_the_edit_and_asks_again_at_the_next_saved_field(
        server_link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = server_link
    async with asked(forwarder, wid, pg_url) as (app, pilot):
        await pilot.press("escape")
        assert await until([pilot], lambda: not isinstance(app.screen, ConflictScreen))
        for _ in range(20):  # the seat's own retries (every 100 ms) do not ask again
            await pilot.pause(0.05)
            assert not isinstance(app.screen, ConflictScreen)
        assert [edit.text for edit in app.session.waiting] == ["Sam typed this"]
        assert "unsaved" in bar(app)
        await retype(pilot, app, "scenario", "Next field")  # the lead saves another field
        assert await until([pilot], lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("m")
        assert await until([pilot], lambda: not app.session.waiting)
    with Store(pg_url, who="check") as store:
        workshop = store.get_workshop(wid)
        assert (workshop.persona, workshop.scenario) == ("Sam typed this", "Next field")


async def test_an_edit_put_off_says_why_it_is_unsaved_in_the_bar_and_at_quit(
        server_link: tuple[Link, int], pg_url: str) -> None:
    """Once the server is back, a kept edit left undecided waits for the lead, not for
    the server: the bar and the quit question say so rather than "saving" or "waits
    for the server"."""
    forwarder, wid = server_link
    async with asked(forwarder, wid, pg_url) as (app, pilot):
        await pilot.press("escape")
        assert await until([pilot], lambda: "1 unsaved edit: changed meanwhile" in bar(app)), \
            bar(app)
        await pilot.press("ctrl+q")
        assert await until([pilot], lambda: said(
            app, "1 typed edit is not saved: another seat changed its field meanwhile"))
        assert app.is_running


async def test_the_question_names_the_field_as_its_form_does(
        server_link: tuple[Link, int], pg_url: str) -> None:
    """"Evidence: tickets per month", as the Scope form says, not the column's name."""
    forwarder, wid = server_link
    async with away(forwarder, wid) as (app, pilot):
        await retype(pilot, app, "evidence_ticket_volume", "1300")
        with Store(pg_url, who="kim") as kim:
            kim.update(Workshop, wid, evidence_ticket_volume=1500)
        forwarder.restore()
        assert await until([pilot], lambda: isinstance(app.screen, ConflictScreen),
                           rounds=500)
        dialog = app.screen
        assert isinstance(dialog, ConflictScreen)
        assert (dialog.label, dialog.mine, dialog.theirs) == ("Evidence: tickets per month",
                                                              "1300", "1500")
        await pilot.press("m")
        assert await until([pilot], lambda: not app.session.waiting)
