"""Snapshots of the dialogs the screen snapshots never showed, at 80x24 and 120x40.

The step screens, Home and the template picker have their own snapshot files;
these are the two dialogs a lead meets in every session: the delete
confirmation (which says how many touchpoints go with a stage) and the export
path dialog.  Review by eye: ``pytest --snapshot-update tests/tui/test_snapshots_dialogs.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import build_workshop
from tui.app.launch import build_app

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The export dialog proposes a path in the working folder; today is pinned too."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")


async def settle(pilot: Any) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_delete_stage_confirmation(snap_compare: Any, db_path: Path,
                                   size: tuple[int, int]) -> None:
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="stages", who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("down", "d")  # Self-Service Attempt: 2 touchpoints
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_export_dialog(snap_compare: Any, db_path: Path, size: tuple[int, int]) -> None:
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="plan", who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        # a steady cursor: under load the 0.5 s blink made the picture depend on timing
        pilot.app.screen.query_one("#export-path").cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
