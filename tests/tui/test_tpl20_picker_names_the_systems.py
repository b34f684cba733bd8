"""The template picker's preview names the method's systems a template fills (tpl20).

Found in session 16's method check: picking a template on Home previewed its persona,
scenario, stage, touchpoint and pain point counts, but not its escalation matrix, bots or
projected effects, so a lead could not tell billing-dispute (four levels, a bot) from a
template that carries none.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.workshop_flow import ready
from tui.app.launch import build_app


async def test_the_preview_counts_escalation_levels_bots_and_projected_effects(
        db_path: Path) -> None:
    app = build_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("t")
        await pilot.pause()
        preview = " ".join(str(app.screen.query_one("#template-preview").render()).split())
        # billing-dispute is first (by name)
        assert "4 escalation levels · 1 bot · 1 projected effect" in preview, preview
