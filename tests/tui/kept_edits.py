"""A seat whose team server went away, and how a test reads what it says.

Shared by the kept-edit tests (``test_srv17_kept_edits.py``, ``test_srv19_*``); a test
module never imports another (``tests/architecture/test_test_modules.py``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.widgets import Static

from tests.helpers import SIZE, ready, until
from tests.pg_link import Link
from tests.tui.workshop_flow import type_text
from tui.app.app import JourneyApp
from tui.app.launch import build_app
from tui.widgets.forms import FieldInput


def said(app: JourneyApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


def bar(app: JourneyApp) -> str:
    return app.screen.query_one("#presence", Static).render_line(0).text


async def retype(pilot: object, app: JourneyApp, name: str, text: str) -> FieldInput:
    """Focus field ``name``, replace its text with ``text`` and leave it (Tab)."""
    field = app.screen.query_one(f"#f-{name}", FieldInput)
    field.focus()
    field.value = ""
    await type_text(pilot, text)
    await pilot.press("tab")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    return field


@asynccontextmanager
async def away(forwarder: Link, wid: int) -> AsyncIterator[tuple[JourneyApp, Any]]:
    """sam's seat on Scope, once it has said that the server went away."""
    app = build_app(forwarder.via(), wid, step="scope", who="sam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        forwarder.cut()
        assert await until([pilot], lambda: said(app, "Lost the connection"), rounds=500)
        yield app, pilot
