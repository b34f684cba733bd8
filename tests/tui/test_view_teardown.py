"""A redraw that reaches a step view while it is being torn down does nothing.

Why: at quit (and when a workshop screen is replaced) Textual removes a view's
children before the view itself unmounts; a reload or a dialog's callback landing
in between asked Plan for its timeline that was already gone (NoMatches at ctrl+q,
seen under load).  Every view is drawn through ``StepView.draw``, which refuses a
view on its way out, so no view needs its own guard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.vocab import STEPS
from tests.helpers import SIZE, ready
from tests.tui.views import all_built
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView


async def test_a_redraw_reaching_a_view_being_torn_down_does_nothing(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    reached: list[str] = []

    def redraw_on_the_way_out(view: StepView) -> None:
        """A reload lands now: its children are gone, the view not yet."""
        reached.append(str(view.id))
        view.session.revision += 1
        view.draw(view.session.journey)  # type: ignore[arg-type]

    monkeypatch.setattr(StepView, "on_unmount", redraw_on_the_way_out, raising=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        assert await all_built(pilot)
        built = sorted(str(view.id) for view in screen.query(StepView))
    assert built == sorted(f"step-{step}" for step in STEPS)
    assert sorted(reached) == built  # every view was reached on its way out
