"""Fresh-eyes QA (session 12): the activity panel (L) covered the right of the footer.

Found in tmux at 80x24 on the demo: with the panel open the footer read
"n Next p Prev a Add v Matrix/lis│ 00:46 qa13lea …": the panel, docked right over the
whole height, hid "? Keys" and "^p palette" (at 120x40 too), so the keys that say how to
go on were gone while the room looked at who changed what.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop
from tests.tui.workshop_flow import footer_keys, ready
from tui.app.app import JourneyApp
from tui.pairing.activity_panel import ActivityPanel
from tui.widgets.footer import CalmFooter


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:
        return build_workshop(store)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_open_activity_panel_leaves_every_footer_key_visible(
        db_path: Path, wid: int, size: tuple[int, int]) -> None:
    app = JourneyApp(db_path, wid, who="lea", step="pains")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        app.screen.set_focus(None)
        await pilot.press("L")
        await ready(pilot)
        panel = app.screen.query_one(ActivityPanel)
        assert panel.display and panel.region.width > 0
        footer = app.screen.query_one(CalmFooter)
        for key, region in footer_keys(app):
            widget, _ = app.screen.get_widget_at(region.right - 1, region.y)
            assert widget is footer or footer in widget.ancestors, (key.description, widget)
        widget, _ = app.screen.get_widget_at(panel.region.x + 2, footer.region.y)
        assert widget is footer or footer in widget.ancestors, widget
