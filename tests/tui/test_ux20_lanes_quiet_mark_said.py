"""The Ownership step says what the lanes' quiet › is, next to the handoff count.

Found walking the demo at 80x24 (session 16): the lanes drew six moves between teams
and the line under them said "1 handoff (▶ told)"; nothing on the step said that a ›
is the customer moving on to another team's channel, not a handoff.
"""

from __future__ import annotations

from tui.steps.ownership import OwnershipView, flag_summary


def test_the_count_line_says_what_a_quiet_mark_is() -> None:
    line = flag_summary(1, []).plain
    assert line.startswith("1 handoff (▶ told; › a change of channel)"), line


def test_the_keys_panel_help_says_why_a_change_of_channel_is_no_handoff() -> None:
    assert "**›**" in OwnershipView.HELP
    assert "not a handoff" in OwnershipView.HELP
