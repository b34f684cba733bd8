"""Snapshots of the Cards, Tracker and Plan screens at 80x24 and 120x40.

The workshop is the shipped login-lockout template with a generated plan and
cards in every state (overdue, due later, done, flagged); "today" is pinned
with JOURNEYMAP_TODAY, so the SVGs do not change with the calendar.  Review
changes by eye: ``pytest --snapshot-update tests/test_snapshots_outputs.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, settle
from tui.app.launch import build_app

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", ["cards", "tracker", "plan"])
def test_output_screen(snap_compare: Any, db_path: Path, step: str,
                       size: tuple[int, int]) -> None:
    with Store(db_path, who="tester") as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step=step, who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_tracker_overdue_only(snap_compare: Any, db_path: Path, size: tuple[int, int]) -> None:
    with Store(db_path, who="tester") as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker", who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
