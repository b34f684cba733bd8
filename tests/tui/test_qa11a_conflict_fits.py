"""The conflict dialog's keys line is whole at 80x24 (found by fresh-eyes QA over SSH: it
ended in "Esc = k", so a participant could not read what Esc does)."""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from tests.helpers import build_workshop, ready, screen_text
from tui.app.launch import build_app
from tui.dialogs.conflict import ConflictScreen


async def test_every_answer_of_the_conflict_dialog_is_readable_at_80x24(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await app.push_screen(ConflictScreen("Touchpoint", "Login screen PART",
                                             "Login screen LEAD", "qa11a_lead"))
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        for answer in ("m = keep mine", "t = take theirs", "Esc = keep editing"):
            assert answer in shown, shown
