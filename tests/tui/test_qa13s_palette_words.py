"""Every command palette entry is found by the words a lead would type, not only the eight
steps: "calendar", "ics", "csv", "backup" and "spreadsheet" find the export, "who is here"
the participants, "undo" the undo. The words are one vocabulary (``vocab.ACTION_WORDS``
beside ``vocab.STEP_WORDS``), and every key of the actions table has them."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import vocab
from tests.helpers import SIZE, ready
from tests.tui.palette import search
from tui import actions
from tui.app.launch import build_app
from tui.app.palette import says

# the keys that move between steps are found by the steps' own words (STEP_WORDS)
STEP_MOVES = {"goto", "early_step"}


@pytest.mark.parametrize(("step", "words", "entry"), [
    ("plan", "calendar", "Export"), ("plan", "ics", "Export"), ("plan", "csv", "Export"),
    ("plan", "backup", "Export"), ("plan", "spreadsheet", "Export"),
    ("scope", "calendar", "Plan"), ("scope", "backup", "Plan"), ("scope", "csv", "Tracker"),
    ("scope", "who is here", "participants"), ("scope", "oops", "Undo my last"),
    ("scope", "sla", "Escalation"),
])
async def test_a_leads_words_find_every_kind_of_entry(db_path: Path, wid: int, step: str,
                                                      words: str, entry: str) -> None:
    shown = await search(db_path, wid, step, words, entry)
    assert any(entry in o for o in shown), shown


def test_every_key_of_the_actions_table_has_a_leads_words() -> None:
    names = {a.name for area in actions.TABLE.values() for a in area} - STEP_MOVES - {"pairing"}
    names |= {a.action.split("'")[1] for a in actions.TABLE["pairing"]}
    assert names - set(vocab.ACTION_WORDS) == set()
    assert set(vocab.METHOD_VIEWS) <= set(vocab.STEP_WORDS)


async def test_every_entry_of_every_step_says_more_than_its_key(db_path: Path,
                                                                wid: int) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for step in (*vocab.STEPS, *vocab.METHOD_VIEWS):
            app.screen.show_step(step)  # type: ignore[attr-defined]
            await ready(pilot)
            ours = [c for c in app.get_system_commands(app.screen)
                    if getattr(c.callback, "__module__", "").startswith("tui.")]
            assert len(ours) > 12, step
            for command in ours:
                said = command.help.split("(key")[0].strip()
                assert len(said.split()) >= 2 and not said.startswith("key "), (
                    step, command.title, command.help)
            if step == "plan":
                export = next(c for c in ours if "Export" in c.title)
                assert says(export.help, "plan calendar") and says(export.help, "json backup")
