"""`f` in the Future state view opens the map's to-be copy when it has one.

Found running an SSO-login workshop: the as-is map already had its to-be copy, the
Future state view compared against it, and `f` ("Make the to-be copy") silently made
a second, empty-of-edits copy; the view then compared against the newest copy, so
the room's future-state work disappeared from the as-is map's business case. A to-be
copy is made once from the app; `journeymap future ID` still makes another on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from models.db.store import Store
from models.export.future_copy import create_future_copy
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app

pytestmark = pytest.mark.usefixtures("pinned_clock")


def _futures(db_path: Path) -> list[int]:
    with Store(db_path, who="check") as store:
        return sorted(int(w.id or 0) for w in store.list_workshops() if w.state == "future")


async def _press_f_in_future_state(db_path: Path, wid: int) -> tuple[int | None, list[str]]:
    """Open the as-is map, go to the Future state view, press f: (map shown, notices)."""
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("escape", "U")
        await pilot.pause()
        await pilot.press("f")
        await app.workers.wait_for_complete()
        for _ in range(4):
            await pilot.pause()
        journey = app.screen.session.journey  # type: ignore[attr-defined]
        return (journey.workshop.id if journey is not None else None,
                [str(n.message) for n in app._notifications])


async def test_f_opens_the_existing_to_be_copy_instead_of_making_another(
        db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
        to_be = create_future_copy(store, wid)
    shown, notices = await _press_f_in_future_state(db_path, wid)
    assert _futures(db_path) == [to_be]
    assert shown == to_be
    assert any(f"workshop {to_be}" in text and "opened" in text for text in notices), notices


async def test_f_makes_the_copy_when_there_is_none(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    shown, notices = await _press_f_in_future_state(db_path, wid)
    assert _futures(db_path) == [shown]
    assert any("To-be copy made" in text for text in notices), notices


async def test_home_f_on_an_as_is_with_a_copy_opens_it(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
        to_be = create_future_copy(store, wid)
    app = build_app(db_path, who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=next(i for i, key in enumerate(table.rows)
                                   if key.value == str(wid)))
        await pilot.press("F")
        await app.workers.wait_for_complete()
        for _ in range(4):
            await pilot.pause()
        assert _futures(db_path) == [to_be]
        journey = app.screen.session.journey  # type: ignore[attr-defined]
        assert journey is not None and journey.workshop.id == to_be
