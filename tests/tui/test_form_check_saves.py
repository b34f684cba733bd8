"""A check box saves each toggle, back and forth, across a reload (issue 18).

Why: a form keeps the row's class and id, not the row (a hidden view must not keep
a replaced snapshot alive), so a check box decides whether a toggle is new from the
value it showed or last saved, not from the row.  Ticked, unticked and ticked
again, each must reach the store, also after another seat's edit was read again.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tests.helpers import first_tp, ready
from tui.app.launch import build_app
from tui.widgets.forms import FieldCheck


def stored(db: Path, tp_id: int) -> bool:
    with Store(db, who="check") as s, s.read() as session:
        row = session.get(Touchpoint, tp_id)
        assert row is not None
        return bool(row.moment_of_truth)


async def test_a_check_box_saves_every_toggle_across_a_reload(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tp_id = first_tp(app).id
        assert tp_id is not None
        box = app.screen.query_one("#f-moment_of_truth", FieldCheck)
        start = box.value
        assert start == stored(db_path, tp_id)
        for turn, reload in enumerate((False, True, True, False), start=1):
            if reload:
                app.session.reload()
                await pilot.pause()
            box.toggle()
            await pilot.pause()
            want = start if turn % 2 == 0 else not start
            assert box.value == want
            assert stored(db_path, tp_id) == want, f"toggle {turn} was not saved"
