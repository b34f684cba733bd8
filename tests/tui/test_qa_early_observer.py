"""Fresh-eyes QA (session 5): an observer's keys typed while the store opens change nothing.

The session 4 note named this as a gap: keys typed on the early scope step (drawn from
plain sqlite3) are held and given back once the store is open; for an observer they must
reach a read-only session and be refused there, pastes included.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import events

from models.db.store import Store
from tests.tui.early_open import early_screen, store_open
from tui.app.app import JourneyApp


async def test_an_observer_s_early_keys_and_paste_change_nothing(
        db_path: Path, wid: int, gate: threading.Event) -> None:
    with Store(db_path, who="check") as s:
        before = s.get_workshop(wid)
        stages = len(s.load(wid).stages)
    app = JourneyApp(db_path, wid, who="kim", role="observer")
    async with app.run_test(size=(80, 24)) as pilot:
        await early_screen(app, pilot)
        await pilot.press("tab", *"Hijacked", "enter", "tab")
        app.post_message(events.Paste("Pasted persona"))
        await pilot.press("enter", "2", "a", "d", "y")
        gate.set()
        await store_open(app, pilot)
        for _ in range(20):
            await pilot.pause(0.01)
        await app.workers.wait_for_complete()
        assert app.session.read_only
    with Store(db_path, who="check") as s:
        after = s.get_workshop(wid)
        assert (after.title, after.persona) == (before.title, before.persona)
        assert len(s.load(wid).stages) == stages
