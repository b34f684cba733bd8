"""At 80 columns the Tracker's own toggles stay on the footer's line whatever is pressed.

Left by session 16 (fix20): once ``o`` emptied the list, "s Status" left the line and
"w All workshops" took the room, so "d" dropped off; pressing a toggle whose words are
shorter ("Every item") let another key in and out.  A lead saw keys come and go as they
pressed them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, settle
from tests.tui.workshop_flow import footer_keys
from tui.app.launch import build_app

TOGGLES = ("o", "d")


def _keys(app: Any) -> list[str]:
    return [key.key for key, _ in footer_keys(app)]


@pytest.mark.parametrize("today", [TODAY, TODAY - dt.timedelta(days=3650)],
                         ids=["some-overdue", "none-overdue"])
async def test_o_and_d_stay_on_the_line_in_every_state(
        db_path: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, today.isoformat())
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert set(TOGGLES) <= set(_keys(app)), _keys(app)
        for key in ("o", "d", "o", "d"):  # o on, o and d, d only, back to neither
            await pilot.press(key)
            await settle(pilot)
            view = app.screen.query_one("TrackerView")
            shown = _keys(app)
            assert set(TOGGLES) <= set(shown), (view.overdue_only, view.due_first, shown)
            if view.table.row_count:  # a status can be cycled: "s" keeps its place too
                assert "s" in shown, shown
