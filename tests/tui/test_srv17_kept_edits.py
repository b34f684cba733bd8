"""A field typed while the team server is away is kept and saved once it is back.

Found from outside (session 13): an edit refused while the server was away stayed in
its field, unmarked, and was never saved by itself, while the presence bar said
"server away: edits wait", a promise the seat did not keep.  Now the seat keeps each
typed field (the bar counts them), saves them in the order typed once the server is
back and says so.  The outage is played by ``tests.pg_link`` (a fault injected between
seat and server; the e2e test stops a real server).
"""

from __future__ import annotations

from sqlmodel import select

from models.db.store import Store
from models.db.tables.history import ChangeLog
from tests.helpers import until
from tests.pg_link import Link
from tests.tui.kept_edits import away, bar, retype, said


async def test_fields_typed_while_the_server_is_away_are_saved_in_order_once_it_is_back(
        server_link: tuple[Link, int], pg_url: str) -> None:
    forwarder, wid = server_link
    async with away(forwarder, wid) as (app, pilot):
        persona = await retype(pilot, app, "persona", "first try")
        assert await until([pilot], lambda: said(app, "Kept, not saved yet"))
        await retype(pilot, app, "scenario", "Locked out again")
        await retype(pilot, app, "persona", "IT admin, night shift")
        assert persona.value == "IT admin, night shift"
        assert await until([pilot], lambda: "server away: 2 unsaved edits kept" in bar(app)), \
            bar(app)
        assert not said(app, "This change was not saved")
        forwarder.restore()
        assert await until([pilot], lambda: said(app, "Saved 2 edits kept while the server"),
                           rounds=500)
        assert await until([pilot], lambda: "unsaved" not in bar(app))
        assert app.journey is not None
        assert app.journey.workshop.persona == "IT admin, night shift"
    with Store(pg_url, who="check") as store:
        workshop = store.get_workshop(wid)
        assert (workshop.persona, workshop.scenario) == ("IT admin, night shift",
                                                         "Locked out again")
        with store.read() as session:
            fields = [row.field for row in session.exec(
                select(ChangeLog).where(ChangeLog.workshop_id == wid, ChangeLog.who == "sam",
                                        ChangeLog.action == "update").order_by(ChangeLog.id))]
    # in the order the fields were last left: scenario, then the newer persona
    assert fields[-2:] == ["scenario", "persona"]


async def test_quitting_with_kept_edits_asks_first(server_link: tuple[Link, int]) -> None:
    async with away(*server_link) as (app, pilot):
        await retype(pilot, app, "persona", "not yet saved")
        await pilot.press("escape", "2")  # on to Stages: the Scope form is out of sight
        assert await until([pilot], lambda: app.pairing.screen_step() == "stages")
        await pilot.press("ctrl+q")
        assert await until([pilot], lambda: said(app, "1 typed edit waits for the server and "
                                                      "would be lost"))
        assert app.is_running
        await pilot.press("ctrl+q")
        assert await until([pilot], lambda: not app.is_running)
