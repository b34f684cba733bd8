"""Every step at 80x24 with 60-120-character hostile names (issue 12, point 6).

The snapshots show the columns chosen per table; each test also reads the
screen's text and checks that the numbers, states and flags are whole
(a cut one would end in "…" or be missing).  Review by eye:
``pytest --snapshot-update tests/tui/test_snapshots_long_names.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import screen_text
from tests.tui.long_names import long_names_workshop
from tui.app.launch import build_app

# step -> (key, text that must be on the screen whole)
STEPS: dict[str, tuple[str | None, tuple[str, ...]]] = {
    "scope": (None, ("[bold]Admin locked out[/bold] after", "Workspace admin of a 200-seat")),
    "stages": ("2", ("0.42", "0.25", "ratio", "Deflection rate", "hours", "Baseline", "TPs")),
    "touchpoints": ("3", ("-1 ☹", "-2 ☹☹", "front", "back", "customer", "bot", "agent", "★")),
    "ownership": ("4", ("⇄ Support… → Tier 2 Id…", "! customer not told ×1", "Flags")),
    "pains": ("5", ("1,240", "860", "410", "3/1", "2/1", "3/2", "dead end", "Why this rank")),
    "cards": ("6", ("#1 · in progress", "#2 · proposed", "3 cards for 3 pain points")),
    "tracker": ("7", ("2026-03-13", "in progress", "3 days left", "9 items")),
    "plan": ("8", ("Assign journey owners", "02 Mar–13 Mar", "proposed", "9 tasks")),
}


pytestmark = pytest.mark.usefixtures("pinned_clock")  # today and the time zone pinned


async def _settle(pilot: Any) -> None:
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@pytest.mark.parametrize("step", list(STEPS))
def test_step_with_long_names_at_80x24(snap_compare: Any, db_path: Path, step: str) -> None:
    with Store(db_path, who="tester") as store:
        wid = long_names_workshop(store)
    app = build_app(db_path, wid, step="scope", who="tester")
    key, whole = STEPS[step]
    seen: list[str] = []

    async def run_before(pilot: Any) -> None:
        await _settle(pilot)
        if key:
            await pilot.press("escape", key)
            await _settle(pilot)
        seen.append(screen_text(pilot.app))

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    missing = [text for text in whole if text not in seen[-1]]
    assert not missing, (missing, seen[-1])
