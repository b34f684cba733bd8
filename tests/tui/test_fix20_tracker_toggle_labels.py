"""The Tracker's toggles say in the footer what pressing them gives, in both states.

Left by session 15: after ``d`` the list was by due date and the footer still offered
"d By due date" (the title said "d = by owner", the footer did not); ``o`` and ``w``
kept "Overdue only" and "All workshops" once on, as if pressing again did the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, settle
from tests.tui.workshop_flow import footer_keys
from tui.app.launch import build_app

# The footer's short words (``footer.SHORTER``, session 17: room for ``w`` at 80 columns);
# ``?`` and the palette say "Overdue only", "All workshops" and "This workshop".
OFF = {"d": "By due date", "o": "Overdue", "w": "All maps"}
ON = {"d": "By owner", "o": "Every item", "w": "This map"}


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


def _said(app: Any) -> dict[str, str]:
    """The footer's words for the tracker's three toggle keys."""
    return {key.key: key.description for key, _ in footer_keys(app) if key.key in OFF}


async def test_each_toggle_names_what_pressing_it_gives(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert _said(app) == OFF
        for key in OFF:
            await pilot.press(key)
            await settle(pilot)
            assert _said(app)[key] == ON[key], key
        view = app.screen.query_one("TrackerView")
        assert view.due_first and view.overdue_only and view.all_workshops
        for key in OFF:
            await pilot.press(key)
            await settle(pilot)
        assert _said(app) == OFF
        assert not (view.due_first or view.overdue_only or view.all_workshops)
