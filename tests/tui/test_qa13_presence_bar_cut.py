"""Fresh-eyes QA (session 12): the presence bar was cut at 80 columns without a mark.

Found in tmux at 80x24 on the demo's Pain points with a step timer running: the bar read
"Here: qa13lea★ Pains │ ⏱ 14:14 left (Scope) │ dots 3/3 left, hidden until", the end
("reveal") gone with nothing to say the line goes on.  The line already asked for an
ellipsis; the widget cropped it first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.live.facilitation import start_timer
from tests.helpers import build_workshop
from tests.tui.workshop_flow import ready
from tui.app.app import JourneyApp
from tui.pairing.presence_bar import PresenceBar


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="Lea Fontaine") as store:
        wid = build_workshop(store)
        start_timer(store, wid, "scope", 15)
        return wid


async def test_a_presence_line_too_long_for_80_columns_ends_in_an_ellipsis(
        db_path: Path, wid: int) -> None:
    app = JourneyApp(db_path, wid, who="Lea Fontaine", step="pains")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        bar = app.screen.query_one(PresenceBar)
        assert bar.display and len(bar.plain) > 78, bar.plain
        row = bar.render_line(0).text
        assert row.rstrip().endswith("…"), row
