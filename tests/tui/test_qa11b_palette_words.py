"""The command palette finds an entry by the words a lead uses (session 11 QA: "review"
found nothing, though the monthly leadership review is on the Plan step)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from tests.helpers import SIZE, ready, until
from tui.app.launch import build_app


def _offered(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    if not isinstance(screen, CommandPalette):
        return []
    found = screen.query_one(CommandList)
    shown = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
    return [text for text in shown if "No matches found" not in text]


@pytest.mark.parametrize(("words", "entry"), [
    ("review", "Plan"), ("leadership", "Plan"), ("action plan", "Plan"),
    ("export", "Plan"), ("undo", "Undo my last change"), ("owners", "Tracker"),
])
async def test_a_leads_words_find_the_entry(db_path: Path, wid: int, words: str,
                                            entry: str) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*words)
        assert await until([pilot], lambda: any(entry in o for o in _offered(app)),
                           rounds=250), _offered(app)


async def test_a_word_that_names_nothing_finds_nothing(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"zqxj")
        await until([pilot], lambda: False, rounds=25)
        assert _offered(app) == []
