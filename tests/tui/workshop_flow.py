"""Small steps the keyboard-flow tests share: open a store, make a workshop, type, wait.

``ready`` waits for the app's workers and two message rounds and looks for nothing on
the screen, so it serves Home (no presence bar) as well as a workshop; the stricter
``tests.helpers.ready`` also waits for the presence bar of a workshop seat.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.db.store import Store


async def ready(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def reopen(db: Path) -> Store:
    return Store(db, who="check")


def lockout(db: Path) -> tuple[int, str]:
    """A workshop from the login-lockout template: (id, its persona)."""
    from models.export.templates import create_from_template

    with reopen(db) as s:
        wid = create_from_template(s, "login-lockout")
        return wid, s.get_workshop(wid).persona


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


def footer_keys(app: Any) -> list[Any]:
    """Each key the footer shows with its screen region, the palette key last."""
    from tui.widgets.footer import CalmFooter

    return app.screen.query_one(CalmFooter).placed()
