"""The command palette finds an entry by the words a lead uses (session 11 QA: "review"
found nothing, though the monthly leadership review is on the Plan step)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.palette import search


@pytest.mark.parametrize(("words", "entry"), [
    ("review", "Plan"), ("leadership", "Plan"), ("action plan", "Plan"),
    ("export", "Plan"), ("undo", "Undo my last change"), ("owners", "Tracker"),
])
async def test_a_leads_words_find_the_entry(db_path: Path, wid: int, words: str,
                                            entry: str) -> None:
    shown = await search(db_path, wid, "scope", words, entry)
    assert any(entry in o for o in shown), shown


async def test_a_word_that_names_nothing_finds_nothing(db_path: Path, wid: int) -> None:
    assert await search(db_path, wid, "scope", "zqxj", "") == []
