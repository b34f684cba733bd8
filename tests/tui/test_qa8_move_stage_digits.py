"""The digit chosen in "Move the touchpoint to which stage?" is the stage's number.

Found in tmux (QA, session 8): the list leaves out the touchpoint's own stage but
labels the others with their step numbers ("2. Attempting…", "3. Contacting…"),
while a digit picked by position: on a touchpoint of stage 1, ``m 3`` moved it to
stage 4.  The A dialog numbers stages the same way, and those digits were right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from models.db.store import Store
from models.db.tables.workshop import Stage, Touchpoint
from tests.helpers import until
from tui.app.launch import build_app

NAMES = ("Notice", "Reset", "Contact", "Verify", "Regain")


def five_stages(db_path: Path, on: int) -> tuple[int, int]:
    """A workshop of five stages; one touchpoint, on stage number ``on`` (1-based)."""
    with Store(db_path, who="tester") as s:
        wid = int(s.create_workshop(title="T", default_stages=False).id or 0)
        stages = [s.add(Stage(workshop_id=wid, name=name)) for name in NAMES]
        tp = s.add(Touchpoint(stage_id=stages[on - 1].id, name="Sees error"))
        return wid, int(tp.id or 0)


@pytest.mark.parametrize("on, digit, lands", [(1, "3", "Contact"), (3, "4", "Verify"),
                                               (3, "2", "Reset"), (5, "1", "Notice")])
async def test_m_then_a_digit_moves_the_touchpoint_to_that_numbered_stage(
        db_path: Path, on: int, digit: str, lands: str) -> None:
    wid, tp_id = five_stages(db_path, on)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen.focused, DataTable)
                           and app.screen.focused.row_count > 0
                           and not app.held_input.busy, rounds=400)
        await pilot.pause()
        await pilot.press("m")
        assert await until([pilot], lambda: type(app.screen).__name__ == "PickScreen",
                           rounds=400)
        await pilot.press(digit)
        assert await until([pilot], lambda: type(app.screen).__name__ != "PickScreen"
                           and not app.held_input.busy, rounds=400)
        await pilot.pause()
    with Store(db_path, who="check") as s:
        journey = s.load(wid)
        tp = journey.touchpoint(tp_id)
        assert journey.stage_of(tp).name == lands
