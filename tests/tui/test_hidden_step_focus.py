"""A step out of sight never takes the focus back (CI, session 15).

Drafting a card asks for its box's focus after the next refresh.  Under load
the lead's next key (``8``: the Plan) was handled first; the late focus then
went to the hidden card, and ``d`` on the Plan (start date) opened "Delete the
card …" instead.  A focus asked for by a view that is no longer the step on
screen is dropped: the step shown keeps its own.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from tests.helpers import SIZE, build_workshop_with_cards, ready, screen_text
from tui.app.launch import build_app
from tui.steps.base import StepView


async def test_a_late_card_focus_after_switching_to_plan_stays_on_plan(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop_with_cards(store)
    app = build_app(db_path, wid, step="cards", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        cards = app.screen.query_one("#step-cards", StepView)
        first = cards.card_ids[0]  # type: ignore[attr-defined]
        await pilot.press("8")
        await pilot.pause()
        plan = app.screen.query_one("#step-plan", StepView)
        assert app.focused is not None and plan in app.focused.ancestors_with_self
        cards.focus_card(first)  # type: ignore[attr-defined]  # the draft's late focus
        await pilot.pause()
        assert app.focused is not None and plan in app.focused.ancestors_with_self
        await pilot.press("d")
        await pilot.pause()
        assert "Delete the card" not in screen_text(app)
        assert "start date" in screen_text(app).lower()
