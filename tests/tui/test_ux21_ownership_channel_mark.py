"""The Ownership step's ``?`` panel says what the lanes' quiet › is.

Found walking the demo at 80x24 (session 16): the swimlanes drew six moves between
teams and the line under them counted one handoff; nothing on the step said that a › is
the customer moving on to another team's channel, not a handoff.  The count line has no
room for it at 80 columns (ad38751), and the actor legend under the lanes is 74 columns
already; the keys panel of the step, which says what ▶ and ! are, says it too
(``test_home15_short_names_in_keys_panel`` presses ``?`` and reads it at 80x24).
"""

from __future__ import annotations

from tui.steps.ownership import OwnershipView
from tui.widgets.drawings import CHANNEL_MARK, LaneLayout, LanePoint


def test_the_mark_the_lanes_draw_is_the_one_the_help_explains() -> None:
    lanes = LaneLayout([LanePoint(1, "Product", "Find"), LanePoint(2, "Support", "Ask")])
    assert CHANNEL_MARK in lanes.line(2).plain
    assert f"**{CHANNEL_MARK}**" in OwnershipView.HELP
    assert "change of channel, not a handoff" in OwnershipView.HELP
