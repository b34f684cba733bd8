"""At 80 columns the Tracker's footer shows ``w`` beside its other toggles, in every state.

Left by session 16: at 80x24 the line held "s Status", "o Overdue only" and "d By due
date" and no room was left for "w All workshops" (16 cells): the key was only in ``?``
and the palette.  The footer now says the toggles in shorter words ("o Overdue",
"w All maps"; ``?`` and the palette keep the long ones), and on the Tracker its own keys
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


def _keys(app: Any) -> list[str]:
    return [key.key for key, _ in footer_keys(app)]


@pytest.mark.parametrize("today", [TODAY, TODAY - dt.timedelta(days=3650)],
                         ids=["some-overdue", "none-overdue"])
async def test_w_is_on_the_line_at_80_columns_whatever_is_pressed(
        db_path: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, today.isoformat())
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("", "o", "d", "w", "o", "d", "w"):
            if key:
                await pilot.press(key)
                await settle(pilot)
            placed = footer_keys(app)
            shown = [shown.key for shown, _ in placed]
            assert {"o", "d", "w"} <= set(shown), (key, shown)
            assert {region.y for _, region in placed} == {23}, (key, placed)
            assert max(region.right for _, region in placed) <= 80, (key, placed)
        assert "x" in app.screen.active_bindings  # still a key: ? and the palette list it


async def test_every_tracker_key_is_on_the_line_at_120_columns(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert {"x", "s", "o", "d", "w", "u"} <= set(_keys(app)), _keys(app)
