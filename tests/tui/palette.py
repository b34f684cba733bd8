"""The command palette as a person sees it: what it offers for the words typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette

from tests.helpers import SIZE, ready, until
from tui.app.launch import build_app


def offered(app: Any) -> list[str]:
    """The entries the open palette lists (title and help), none when it is closed."""
    screen = app.screen
    if not isinstance(screen, CommandPalette):
        return []
    found = screen.query_one(CommandList)
    shown = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
    return [text for text in shown if "No matches found" not in text]


async def search(db_path: Path, wid: int, step: str, words: str, entry: str) -> list[str]:
    """What the palette offers for ``words`` typed on ``step`` (ctrl+p), once an entry
    saying ``entry`` is among them or it has had its time; "" finds nothing, so waits
    the short while a stray match would take."""
    app = build_app(db_path, wid, step=step, who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*words)
        await until([pilot], lambda: bool(entry) and any(entry in o for o in offered(app)),
                    rounds=250 if entry else 25)
        return offered(app)
