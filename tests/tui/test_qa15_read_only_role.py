"""A seat whose PostgreSQL user may read but not write: an edit is one sentence, no crash.

Found from outside (session 13, tmux at 80x24): a participant seat on a role
granted SELECT only showed the map, then ``+`` on a touchpoint ended the app
with SQLAlchemy's ProgrammingError and its SQL on screen.  Now the edit is
refused in one sentence and the seat keeps showing the map.
"""

from __future__ import annotations

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tests.helpers import SIZE, build_workshop, until
from tests.pg_rights import reads_only
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen


async def test_an_edit_without_write_rights_is_refused_and_the_seat_stays(pg_url: str) -> None:
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
        tp = store.load(wid).ordered_touchpoints()[0]
    reads_only(pg_url)
    app = build_app(pg_url, wid, step="touchpoints", who="sam", role="participant")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                           and app.screen.is_mounted, rounds=500)
        await pilot.pause()  # no seat is taken (its row cannot be written): no presence bar
        saved = app.save_field(Touchpoint, int(tp.id or 0), "name", "typed by Sam")
        notes = [str(n.message) for n in app._notifications]
        assert await until([pilot], lambda: app.is_running)
        running = app.is_running
    assert not saved and running
    assert any("may read the database" in n and "but not change it" in n for n in notes), notes
    assert not any("[SQL:" in n or "INSERT INTO" in n for n in notes), notes
    with Store(pg_url) as store:
        assert store.load(wid).touchpoint(int(tp.id or 0)).name == tp.name
