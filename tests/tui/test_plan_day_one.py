"""The Plan step's header starts on the start date, also after `d` moves it (QA session 8).

The map's second card was due two years before the plan: before the fix the
header read the earliest task (that card) as day 1 and ignored the new date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.db.store import Store
from tests.helpers import until
from tests.models.late_map import late_map
from tui.app.launch import build_app
from tui.dialogs.row_editor import RowEditor
from tui.screens.workshop import WorkshopScreen


def summary(app: Any) -> str:
    found = app.screen.query("#plan-summary") if isinstance(app.screen, WorkshopScreen) else []
    return str(found[0].render()) if found else ""


async def test_the_header_reads_the_new_start_date(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        wid = late_map(store)
    app: Any = build_app(db_path, wid, step="plan")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await until([pilot], lambda: "→" in summary(app), rounds=400)
        assert summary(app).startswith("Mon 04 May 2026 → Thu 02 Jul 2026 (day 60)"), \
            summary(app)
        await pilot.press("d")
        assert await until([pilot], lambda: isinstance(app.screen, RowEditor), rounds=400)
        await pilot.press(*"2026-09-07", "escape")  # the field opens selected
        assert await until([pilot], lambda: "Sep" in summary(app), rounds=400), summary(app)
        assert summary(app).startswith("Mon 07 Sep 2026 → Thu 05 Nov 2026 (day 60)"), \
            summary(app)
