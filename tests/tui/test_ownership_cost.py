"""The Ownership step derives the handoffs once per journey revision (table, lanes, form).

A first visit derived them five times (rows, lanes, risks, and twice for the
handoff form) — at 10,000 touchpoints a fifth of the visit (issue 18).  Cost
tests count the work done, never the time it took.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready, until
from tui.app.launch import build_app


def _count(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from models.rules import handoffs

    calls: list[int] = []
    real = handoffs.derive_handoffs

    def counted(journey: Any) -> Any:
        calls.append(1)
        return real(journey)

    monkeypatch.setattr(handoffs, "derive_handoffs", counted)
    return calls


async def test_ownership_derives_handoffs_once_per_revision(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen: Any = app.screen
        assert await until([pilot], lambda: screen.prebuilt, rounds=400)
        calls = _count(monkeypatch)
        await pilot.press("escape", "4")
        await ready(pilot)
        assert len(calls) == 0  # built at idle: this revision is derived already
        await pilot.press("down", "down")
        await ready(pilot)
        assert len(calls) == 0  # moving the cursor derives nothing
        app.reload_journey()  # a new revision is derived again, once: rows, lanes, flags
        await ready(pilot)
        assert len(calls) == 1
