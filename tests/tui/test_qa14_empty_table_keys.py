"""QA session 12: an empty table's footer offered keys that did nothing.

With no escalation level the footer still said "⇧↑ Move up ⇧↓ Move down d Delete
level"; pressed, nothing happened.  Stages, touchpoints, pain points and cards with no
row showed the same.  A key that acts on the row under the cursor (``Action.row``) is
now left out while its view has no row, and comes back once a row is there (the
footer, the keys panel and the palette all ask ``check_action``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import settle
from tui.app.launch import build_app

ROW_KEYS = {
    "stages": {"delete", "move", "baseline", "edit"},
    "touchpoints": {"move_stage", "nudge", "move", "add_pain", "delete"},
    "pains": {"link", "five_whys", "delete"},
    "escalation": {"move", "delete"},
    "cards": {"tie_signal", "edit", "cycle_status", "delete"},
}


def shown(app: Any) -> set[str]:
    """The action names the footer may offer on this screen now."""
    return {b.binding.action.split("(", 1)[0] for b in app.screen.active_bindings.values()
            if b.enabled}


async def opened(pilot: Any, step: str) -> None:
    """On ``step``: the method views (Escalation) are reached by their key, as in a room."""
    if step == "escalation":
        await pilot.press("E")
    await settle(pilot)


def empty_workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        return int(store.create_workshop(title="Empty", default_stages=False).id or 0)


@pytest.mark.parametrize("step", sorted(ROW_KEYS))
async def test_an_empty_table_offers_no_key_that_needs_a_row(tmp_path: Path,
                                                             step: str) -> None:
    db = tmp_path / "empty.db"
    start = "scope" if step == "escalation" else step
    app = build_app(db, empty_workshop(db), step=start, who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot, step)
        assert not shown(app) & ROW_KEYS[step]
        assert "add" in shown(app) or step == "cards"


async def test_the_row_keys_come_back_with_the_first_row(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    app = build_app(db, empty_workshop(db), step="scope", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot, "escalation")
        assert not shown(app) & {"move", "delete"}
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert len(app.journey.escalation_levels) == 1
        assert {"move", "delete"} <= shown(app)
        await pilot.press("d")
        await pilot.press("y")
        await settle(pilot)
        assert app.journey.escalation_levels == []
        assert not shown(app) & {"move", "delete"}
