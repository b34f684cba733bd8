"""`journeymap demo` opens complete: its first screen, with every step of the bar ✓.

The demo is created exactly as the command creates it (``ensure_demo``), with
"today" pinned by JOURNEYMAP_TODAY so the plan's dates and the snapshots do not
change with the calendar.  Review changes by eye:
``pytest --snapshot-update tests/tui/test_demo_snapshot.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.vocab import STEPS
from tests.helpers import settle
from tests.tui.demo_map import demo
from tui.app.launch import build_app
from tui.widgets.step_bar import StepBar

pytestmark = pytest.mark.usefixtures("pinned_clock")  # the plan's dates: today pinned
SIZES = [(80, 24), (120, 40)]


async def test_the_demo_opens_with_every_step_complete(db_path: Path) -> None:
    app = build_app(db_path, demo(db_path), who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(StepBar)
        assert {step: bar.states[step].done for step in STEPS} == dict.fromkeys(STEPS, True)
        assert "!" not in bar.render().plain.splitlines()[0]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_demo_first_screen(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = build_app(db_path, demo(db_path), who="tester")
    assert snap_compare(app, terminal_size=size, run_before=settle)
