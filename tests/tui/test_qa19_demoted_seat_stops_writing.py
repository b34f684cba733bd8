"""A seat a lead makes an observer while it is open stops writing at once.

Found over SSH in session 15 (qa19): qa19fac's seat was open on Touchpoints as a
participant; the lead ran `journeymap role 1 qa19fac observer`.  qa19fac's presence bar
said "qa19fac (observer)" within a second, but the header still said "participant" and
`+` changed a touchpoint's sentiment five seconds later (the change log signed it
qa19fac): the seat's database connection was opened for writing at launch and nothing
closed it.  A lead lowers a role to stop someone changing the map in the room; the seat
now reopens its store read-only (``query_only``) as it does for an observer at launch.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from models.live.presence import grant
from tests.helpers import build_workshop, ready, until
from tests.tui.workshop_flow import footer_keys
from tui.app.launch import build_app


async def test_a_participant_made_observer_while_seated_writes_nothing_more(
        db_path: Path) -> None:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="touchpoints", who="fac")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert await until([pilot], lambda: app.pairing.me() is not None)
        assert not app.read_only
        with Store(db_path, who="lea") as lead:
            grant(lead, wid, "fac", "observer")
        assert await until([pilot], lambda: getattr(app.pairing.me(), "role", "") == "observer")
        await ready(pilot)
        view = app.screen.view("touchpoints")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await ready(pilot)
        _, touchpoint = view.record(view.current_key())
        before = _sentiment(db_path, touchpoint.id)
        await pilot.press("plus")
        await ready(pilot)
        assert _sentiment(db_path, touchpoint.id) == before
        assert app.read_only
        assert app.store is not None and app.store.read_only
        await ready(pilot)
        assert "add" not in [k.action for k, _ in footer_keys(app)]
        # still a seat that follows the room: the lead's next edit reaches it
        with Store(db_path, who="lea") as lead:
            lead.update(Touchpoint, touchpoint.id, name="Renamed by the lead")
        assert await until([pilot], lambda: any(
            tp.name == "Renamed by the lead"
            for tp in (app.journey.ordered_touchpoints() if app.journey else [])))
        app.pairing.beat()  # its presence still writes its own row
        assert "observer" in str(app.sub_title)


def _sentiment(db_path: Path, touchpoint_id: int) -> int:
    with Store(db_path, who="check") as store, store.read() as s:
        row = s.get(Touchpoint, touchpoint_id)
        assert row is not None
        return row.sentiment
