"""Home after a workshop: the list shows the workshop the lead came back from.

Found walking a 200-workshop portfolio over ssh: open the 20th workshop, look, press h,
and Home stood on its first row again; the lead scrolled back to find their place.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.export.templates import create_from_template
from tests.helpers import SIZE, until
from tui.app.launch import build_app
from tui.steps.base import selected_key


async def test_back_home_the_workshop_just_left_is_selected(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        ids = [create_from_template(store, "login-lockout") for _ in range(30)]
    app = build_app(db_path, None, who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("DataTable")
        table.move_cursor(row=19, animate=False)
        await pilot.pause()
        chosen = selected_key(table)
        assert chosen in {str(i) for i in ids}
        await pilot.press("enter")
        assert await until([pilot], lambda: app.session.journey is not None)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("h")
        assert await until([pilot], lambda: type(app.screen).__name__ == "HomeScreen"
                            and app.screen.query("DataTable").first().row_count == 30)
        await pilot.pause()
        assert selected_key(app.screen.query_one("DataTable")) == chosen
