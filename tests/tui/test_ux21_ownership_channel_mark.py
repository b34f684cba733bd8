"""The Ownership step's ``?`` panel says what the lanes' quiet › is.

Found walking the demo at 80x24 (session 16): the swimlanes drew six moves between
teams and the line under them counted one handoff; nothing on the step said that a › is
the customer moving on to another team's channel, not a handoff.  The count line has no
room for it at 80 columns (ad38751), and the actor legend under the lanes is 74 columns
already; the keys panel of the step, which says what ▶ and ! are, says it too.  At 80x24
that panel showed 16 columns by 9 lines of a step's words (Textual's padding, half the
height): Ownership's Flags line was already cut off, so it now shows the whole text of
every step's help there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import HelpPanel, Markdown

from tests.helpers import settle
from tests.tui.template_map import template_workshop
from tui.app.launch import build_app
from tui.steps.ownership import OwnershipView
from tui.widgets.drawings import CHANNEL_MARK, LaneLayout, LanePoint

pytestmark = pytest.mark.usefixtures("pinned_clock")


def test_the_mark_the_lanes_draw_is_the_one_the_help_explains() -> None:
    lanes = LaneLayout([LanePoint(1, "Product", "Find"), LanePoint(2, "Support", "Ask")])
    assert CHANNEL_MARK in lanes.line(2).plain
    assert f"**{CHANNEL_MARK}**" in OwnershipView.HELP
    assert "change of channel, not a handoff" in OwnershipView.HELP


@pytest.mark.parametrize("key", ["2", "3", "4", "5"])
async def test_the_keys_panel_shows_the_whole_help_of_a_step_at_80x24(
        db_path: Path, key: str) -> None:
    wid = template_workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", key)
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        words = app.screen.query_one(HelpPanel).query_one(Markdown)
        said, shown = words.source, words.region
        cut = [block.region for block in words.children if block.region.bottom > shown.bottom]
    assert not cut, (shown, cut)
    if key == "4":
        assert f"**{CHANNEL_MARK}**" in said and "change of channel, not a handoff" in said
