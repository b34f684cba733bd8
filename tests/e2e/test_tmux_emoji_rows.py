"""In a real tmux at 80x24, a swimlane row with an emoji sequence in a name lines up.

tmux 3.3a draws "👍🏽" (a skin tone) in four cells and "❤️" (VS16) in one, where Rich
measures two: the row with such a team or stage name was drawn two cells right of the
others (or one left) and lost its last cells at the screen's edge.  Every captured
line of the Ownership step's drawing and table must be the 80 cells Rich measures it as
(``tui.safe_text.steady`` takes the sequences apart in what is drawn).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rich.cells import cell_len

from models.db.store import Store
from models.db.tables.workshop import Stage, Touchpoint

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TEAMS = ("👍🏽 Support", "❤️ Care", "Tier 2")


def _emoji_map(db: Path) -> int:
    with Store(db, who="t") as s:
        wid = int(s.create_workshop(title="T", default_stages=False).id or 0)
        for n, name in enumerate(("✈️ Notice", "👨🏽\u200d💻 Contact", "Resolve")):
            st = s.add(Stage(workshop_id=wid, name=name))
            s.add(Touchpoint(stage_id=st.id, name=f"Step {n}", owner_team=TEAMS[n]))
        return wid


def test_ownership_rows_with_emoji_sequences_fill_the_pane(tmp_path: Path,
                                                           pane_for) -> None:  # noqa: ANN001
    db = tmp_path / "emoji.db"
    pane = pane_for(db, _emoji_map(db), "ownership")
    pane.wait("Tier 2")
    screen = pane.tmux("capture-pane", "-p", "-N", "-t", pane.session)
    pane.quit()
    # the drawing and the table, above the edit field (an input shows its text as typed)
    lines = screen.split("────")[0].splitlines()
    assert sum("Support" in line for line in lines) == 2, screen
    wrong = [line for line in lines if cell_len(line) != 80]
    assert not wrong, screen
