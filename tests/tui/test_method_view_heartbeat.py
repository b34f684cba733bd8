"""A seat on a method view (Moments, Escalation, Future state) still says it is here.

Found by reload17 (session 14): the heartbeat sent the view's name as the seat's step,
the store refuses a step that is not one of the five-plus-three steps, and the pairing
controller swallowed the refusal: ``last_seen`` stopped moving, and after the presence
window the other seats showed a seat reading Moments as gone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models.db.store import Store
from models.vocab import METHOD_VIEWS
from tests.helpers import SIZE, build_workshop, ready
from tui.app.launch import build_app


@pytest.mark.parametrize("view", METHOD_VIEWS)
async def test_a_heartbeat_on_a_method_view_refreshes_the_seat(tmp_path: Path,
                                                               view: str) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="tester") as store:
        wid = build_workshop(store)
    app = build_app(db, wid, step="touchpoints", who="sam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.show_step(view)
        await pilot.pause()
        before = _seat(db)
        app.pairing.beat()
        after = _seat(db)
        assert after[0] > before[0], f"a heartbeat on {view} did not reach the file"
        assert after[1] == "touchpoints"  # re-opening returns to the step


def _seat(db: Path) -> tuple[str, str]:
    """sam's (last_seen, current_step) as the file holds them."""
    with sqlite3.connect(db) as raw:
        row = raw.execute("SELECT last_seen, current_step FROM participant "
                          "WHERE name = 'sam'").fetchone()
    return str(row[0]), str(row[1])
