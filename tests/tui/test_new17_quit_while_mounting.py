"""Quitting the instant the app starts leaves no traceback behind.

Why: a lead who opens the wrong workshop presses ``q`` (or ``ctrl+q``) straight
away, often before the first screen is mounted.  Textual's header then set its
title on a screen whose children were already gone and raised ``NoMatches: No
nodes match 'HeaderTitle' on CalmHeader()`` (session 13 saw it when a test
ended before the screen was up).  Each start is quit before any pause, at both
sizes, on Home and on a workshop, and the app must end with no error.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tui.app.app import JourneyApp
from tui.widgets.header import CalmHeader, CalmTitle


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("key", ["q", "ctrl+q"])
@pytest.mark.parametrize("home", [True, False])
async def test_a_quit_pressed_at_once_ends_without_an_error(
        db_path: Path, wid: int, key: str, size: tuple[int, int], home: bool) -> None:
    app = JourneyApp(db_path, None if home else wid, who="tester")
    async with app.run_test(size=size) as pilot:
        await pilot.press(key)
    assert app._exception is None  # what run_test would raise on exit
    assert app.return_code in (0, None)


@pytest.mark.parametrize("key", ["q", "ctrl+q", None])
async def test_a_quit_while_the_store_opens_ends_without_an_error(
        db_path: Path, wid: int, gate: threading.Event, key: str | None) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        if key:
            await pilot.press(key)
        gate.set()
    assert app._exception is None


async def test_a_title_set_while_the_header_is_taken_down_is_no_error(
        db_path: Path, wid: int) -> None:
    """The race itself, held still: at quit Textual removes a header's title before the
    header, and the store opening in its worker sets the sub-title in between."""
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(CalmHeader)
        await header.query_one(CalmTitle).remove()
        app.sub_title = "saved 10:42:07"
        app.screen.title = "Another title"
        await pilot.pause()
        assert app._exception is None
