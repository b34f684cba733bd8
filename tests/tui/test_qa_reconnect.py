"""Fresh-eyes QA (session 5): a seat that drops and reconnects comes back on its own step.

README, "When a connection drops": "Reconnect with the same command and the same name, and
you come back on the step you were on, with your role."  Each seat's step is kept in its
participant row; the workshop's own ``current_step`` is the step the last seat moved to.

What a workshop lead expects: someone whose SSH dropped mid-exercise returns to the step
they were working on, not to wherever another seat last went; a seat that was following
the lead returns following (on the lead's step, ``models.live.seat_step``); a name new to
the workshop opens where the room last was.  ``--step`` and a step key typed while the
workshop opens still win.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.workshop import Workshop
from models.live import presence
from tests.helpers import build_workshop, until
from tui.app.app import JourneyApp
from tui.screens.workshop import WorkshopScreen


@pytest.fixture
def wid(store: Store) -> int:
    return build_workshop(store)


# "scope" is drawn first from the light rows (tui/app/early.py); other steps after the store.
@pytest.mark.parametrize("own", ["touchpoints", "scope"])
async def test_a_participant_reconnects_on_the_step_they_were_on(db_path: Path, store: Store,
                                                                 wid: int, own: str) -> None:
    presence.join(store, wid, "Sam", step=own)  # Sam was on this step when it dropped
    store.update(Workshop, wid, log=False, current_step="cards")  # the lead moved on to 6
    app = JourneyApp(db_path, wid, who="Sam")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                           and app.session.store is not None, rounds=200)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.step == own
