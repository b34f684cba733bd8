"""A step asked for while its screen is closing (the app quitting) is dropped quietly.

Textual mounts nothing into a widget that is closing: ``mount`` returns an
empty waiter and the new view never becomes the switcher's child.  Showing it
then raised ``NoMatches: step-...`` from the switcher (QA session 8: a Pilot
test ended the app as the held Enter opened the workshop).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.db.store import Store
from models.vocab import STEPS
from tests.helpers import build_workshop, until
from tui.app.launch import build_app
from tui.screens.workshop import StepSwitcher, WorkshopScreen


async def test_a_new_view_asked_for_as_the_screen_closes_raises_nothing(db_path: Path) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    app: Any = build_app(db_path, wid, step="scope")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                           and bool(app.screen.query("#step-scope")), rounds=400)
        screen: WorkshopScreen = app.screen
        switcher = screen.query_one(StepSwitcher)
        built = {child.id for child in switcher.children}
        step = next(s for s in reversed(STEPS) if f"step-{s}" not in built)
        switcher._closing = True  # noqa: SLF001 - what Textual sets as it closes it on quit
        try:
            screen.show_step(step)
            assert not switcher.query(f"#step-{step}")
            assert switcher.current == "step-scope"  # still the view it had
        finally:
            switcher._closing = False  # noqa: SLF001
