"""The short column names a new lead did not know (session 13 newcomer walk: "TPs" on
Stages, "I/E" on Pain points, "MoT" and "Lane" on Touchpoints, "▶ told" on Ownership)
are said in words in the ``?`` keys panel of the step that shows them, and so is the
lanes' quiet › (session 17).  At 80x24 that panel showed 16 columns by 9 lines of a step's
words (Textual's padding, half the height): Touchpoints' and Ownership's help were cut
off, so the panel is checked to show the whole of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import HelpPanel, Markdown

from tests.helpers import settle
from tests.tui.template_map import template_workshop
from tui.app.launch import build_app

pytestmark = pytest.mark.usefixtures("pinned_clock")

WORDS = {
    "2": [("TPs", "touchpoints in the stage")],
    "3": [("MoT", "moment of truth")],
    "4": [("▶ told", "customer is told"), ("**›**", "change of channel, not a handoff")],
    "5": [("I/E", "impact / effort")],
}


@pytest.mark.parametrize("key", list(WORDS))
async def test_the_keys_panel_says_the_short_names_in_words(db_path: Path, key: str) -> None:
    wid = template_workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", key)
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        panel = app.screen.query_one(HelpPanel).query_one(Markdown)
        said, shown = panel.source, panel.region
        cut = [block.region for block in panel.children if block.region.bottom > shown.bottom]
    for short, words in WORDS[key]:
        assert short in said and words in said.lower(), said
    assert not cut, (shown, cut)
