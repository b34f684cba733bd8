"""A delete confirmed after someone else deleted the row acts on nothing and says so.

The seat keeps the id its confirmation was opened with; ids are never reused, so a
pain point added meanwhile by a third seat (which once got the same id) survives.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import PainPoint
from tests.helpers import build_workshop, ready, until
from tui.app.launch import build_app
from tui.dialogs.common import ConfirmScreen


async def test_a_late_delete_confirmation_says_the_pain_point_is_gone(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="pains", who="ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await pilot.press("end")
        await ready(pilot)
        _, pain = view.record(view.current_key())
        await pilot.press("d")
        assert await until([pilot], lambda: isinstance(app.screen, ConfirmScreen))
        with Store(db_path, who="bob") as bob:
            bob.delete(PainPoint, pain.id)
        with Store(db_path, who="cy") as cy:
            newer = cy.add(PainPoint(workshop_id=wid, description="Cy's new pain point"))
        await pilot.press("y")
        await ready(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert "That pain point was deleted by someone else." in messages
    with Store(db_path) as store:
        assert newer.id in [p.id for p in store.load(wid).pain_points]
