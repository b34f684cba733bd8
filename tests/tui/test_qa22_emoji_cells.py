"""A name with an emoji sequence is drawn in the cells it is measured in.

Found in tmux 3.3a at 80x24 (qa21, left as item 3): a swimlane row whose team or stage
name held "👍🏽" (a skin tone), "❤️" (VS16), "👨🏽‍💻" or "🏳️‍🌈" (ZWJ sequences) sat two
columns right of the others, and its last cells fell off the screen.  Rich measures such
a sequence as one 2-cell character; tmux draws a skin tone as two emoji, a VS16
character in one cell, and other terminals split a ZWJ sequence into its emoji.  What
is drawn in a column leaves out the joiners, variation selectors and skin-tone
modifiers, so every terminal and Rich agree on its width; the stored text keeps them.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui.safe_text import fit
from tui.widgets.drawings import LaneLayout, LanePoint

SEQUENCES = ["👩\u200d👩\u200d👧", "🇫🇷", "👍🏽", "❤️", "✈️", "1️⃣", "🏳️\u200d🌈",
             "👨🏽\u200d💻"]
JOINERS = {"\u200d", "\ufe0e", "\ufe0f", *map(chr, range(0x1F3FB, 0x1F400))}


@pytest.mark.parametrize("sequence", SEQUENCES)
@pytest.mark.parametrize("cells", [3, 8, 15])
def test_a_cut_name_holds_no_sequence_a_terminal_draws_at_another_width(
        sequence: str, cells: int) -> None:
    shown = fit(f"{sequence} Sign-in {sequence}", cells, pad=True)
    assert not JOINERS & set(shown), repr(shown)
    assert cell_len(shown) == cells, repr(shown)


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_swimlane_rows_draw_without_the_sequences(sequence: str) -> None:
    points = [LanePoint(1, f"{sequence} Support", f"{sequence} Sign in"),
              LanePoint(2, "Tier 2", "Recover")]
    layout = LaneLayout(points, room=80)
    lines = [layout.line(y).plain for y in range(layout.height)]
    assert not JOINERS & set("".join(lines)), lines
    assert len({cell_len(line) for line in lines[1:]}) == 1, lines
