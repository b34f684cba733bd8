"""Keys arriving in a burst (a paste, a fast typist, SSH catching up) never crash the app.

A step view is mounted on its first visit and its children are composed a moment
later; a digit for a step whose view is still being composed used to draw it
then and crash with ``NoMatches: DataTable`` in front of the workshop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from models.db.store import Store
from tests.helpers import outputs_workshop, settle, until
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen

BURST = "2345234512348765432112345678" * 2


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="tester") as store:
        return outputs_workshop(store)


@pytest.mark.parametrize("role", ["observer", ""])
async def test_a_burst_of_step_digits_does_not_crash(db_path: Path, wid: int, role: str) -> None:
    app = build_app(db_path, wid, step="scope", who="olga", role=role)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in BURST:  # posted at once, none waits for the previous one to be handled
            app.post_message(events.Key(key, key))
        await settle(pilot)
        # the last digit wins (held keys are handled in order, a few rounds later)
        assert await until([pilot], lambda: getattr(app.screen, "step", "") == "plan")
        assert isinstance(app.screen, WorkshopScreen)
        view = app.screen.view()
        assert view.display
    assert app.return_code in (None, 0)


async def test_a_burst_of_step_and_pairing_keys_does_not_crash(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="scope", who="olga", role="observer")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key in "5o5O6x7s8rnpnp2345o":
            app.post_message(events.Key(key, key))
        await settle(pilot)
        # keys read while a step view mounts are held until it has the focus, then
        # handled in order: under load that takes a few more rounds
        assert await until([pilot], lambda: getattr(app.screen, "step", "") == "pains")
        assert isinstance(app.screen, WorkshopScreen)
    assert app.return_code in (None, 0)
