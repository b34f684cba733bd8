"""`E` on the demo shows its escalation matrix, not "No escalation levels yet".

The demo is created as `journeymap demo` creates it (``ensure_demo``), so a first
visit of the Escalation step shows the method's ladder with believable content.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import ready
from tests.tui.demo_map import demo
from tui.app.launch import build_app

pytestmark = pytest.mark.usefixtures("pinned_clock")


async def test_e_on_the_demo_shows_the_escalation_ladder(db_path: Path) -> None:
    app = build_app(db_path, demo(db_path), who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "E")
        await pilot.pause()
        assert app.screen.step == "escalation"  # type: ignore[attr-defined]
        ladder = str(app.screen.query_one("#ladder").render())
        assert "Sev-1" in ladder and "Tier 2" in ladder and "nobody" not in ladder
        assert app.screen.query_one("DataTable").row_count >= 3
