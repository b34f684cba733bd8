"""At 80 columns the Tracker's own toggles stay on the footer's line whatever is pressed.

Left by session 16 (fix20): once ``o`` emptied the list, "s Status" left the line and
"w All workshops" took the room, so "d" dropped off; pressing a toggle whose words are
shorter ("Every item") let another key in and out.  A lead saw keys come and go as they
pressed them.

And ``w`` had no room at all (session 17): the line held "s Status", "o Overdue only" and
"d By due date" and "w All workshops" was only in ``?`` and the palette.  The footer says
the toggles in shorter words ("o Overdue", "w All maps"), and on the Tracker its own keys
come before ``x`` Export, the key every step shows, so ``x`` gives way at 80 columns.
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

TOGGLES = ("o", "d", "w")


def _keys(app: Any) -> list[str]:
    return [key.key for key, _ in footer_keys(app)]


def _tracker(db_path: Path, monkeypatch: pytest.MonkeyPatch, today: dt.date = TODAY) -> Any:
    monkeypatch.setenv(TODAY_ENV, today.isoformat())
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    return build_app(db_path, wid, step="tracker")


@pytest.mark.parametrize("today", [TODAY, TODAY - dt.timedelta(days=3650)],
                         ids=["some-overdue", "none-overdue"])
async def test_o_d_and_w_stay_on_the_line_in_every_state(
        db_path: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _tracker(db_path, monkeypatch, today)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert set(TOGGLES) <= set(_keys(app)), _keys(app)
        # o on, o and d, all three, d and w, w only, back to none
        for key in ("o", "d", "w", "o", "d", "w"):
            await pilot.press(key)
            await settle(pilot)
            view = app.screen.query_one("TrackerView")
            shown = _keys(app)
            assert set(TOGGLES) <= set(shown), (view.overdue_only, view.due_first, shown)
            if view.table.row_count:  # a status can be cycled: "s" keeps its place too
                assert "s" in shown, shown
            placed = footer_keys(app)
            assert {region.y for _, region in placed} == {23}, placed
            assert max(region.right for _, region in placed) <= 80, placed
        assert "x" in app.screen.active_bindings  # still a key: ? and the palette list it


async def test_every_tracker_key_is_on_the_line_at_120_columns(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _tracker(db_path, monkeypatch)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert {"x", "s", "o", "d", "w", "u"} <= set(_keys(app)), _keys(app)
