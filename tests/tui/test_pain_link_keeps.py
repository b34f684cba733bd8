"""``t`` on a pain point opens the touchpoint list at the touchpoint it is linked to.

QA, session 8: the list opened on "(no touchpoint)", so ``t`` then Enter (the
likely answer, taken at once) unlinked a pain point from its touchpoint.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from tests.helpers import build_workshop
from tests.tui.workshop_flow import ready, reopen
from tui.app.launch import build_app


async def test_t_then_enter_keeps_the_pain_point_on_its_touchpoint(db_path: Path) -> None:
    with Store(db_path, who="t") as s:
        wid = build_workshop(s)
        pains = s.load(wid).pain_points
        linked = {p.id: p.touchpoint_id for p in pains if p.touchpoint_id is not None}
        assert linked
    app = build_app(db_path, wid, step="pains", who="t")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("t")
        await ready(pilot)
        await pilot.press("enter")
        await ready(pilot)
    with reopen(db_path) as s:
        after = {p.id: p.touchpoint_id for p in s.load(wid).pain_points}
    assert {pid: after[pid] for pid in linked} == linked
