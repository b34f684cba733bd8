"""On an empty table, typing a name starts the first row with it.

Why: on the empty Touchpoints step of a new map a lead typed "Login page" (session-14
newcomer walk): ``L`` opened the Activity panel, ``o`` said "Dot voting is on step 5",
``g`` brought everyone to Touchpoints (written to the change log), ``n`` and ``p``
went to the next step and back, ``a`` added a row and "ge" landed in it.  Now a
letter that no key in the footer uses starts the first row, and the letter and the
rest of the word are its name.  The footer's keys (``n``, ``p``, ``a``…), the digits
and ``ctrl+p`` keep their meaning; the step timer and "bring everyone here" are in
the palette.  An observer's letters write nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.workshop import Stage
from tests.helpers import settle
from tui.app.launch import build_app


def empty_map(db: Path, stages: bool) -> int:
    with Store(db, who="lea") as store:
        return int(store.create_workshop(title="Empty", default_stages=stages).id or 0)


async def typed(pilot: Any, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)
    await settle(pilot)


def names(app: Any, step: str) -> list[str]:
    journey = app.session.journey
    if step == "stages":
        return [s.name for s in journey.stages]
    if step == "touchpoints":
        return [t.name for t in journey.ordered_touchpoints()]
    return [level.severity for level in journey.escalation_levels]


@pytest.mark.parametrize(("step", "text"), [("touchpoints", "Login page"),
                                            ("stages", "Discovery"),
                                            ("escalation", "Sev-1 outage")])
async def test_typing_on_an_empty_table_names_its_first_row(tmp_path: Path, step: str,
                                                            text: str) -> None:
    db = tmp_path / "empty.db"
    wid = empty_map(db, stages=step != "stages")
    app = build_app(db, wid, step="scope" if step == "escalation" else step, who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if step == "escalation":
            await pilot.press("E")
            await settle(pilot)
        await typed(pilot, text)
        await pilot.press("enter")
        await settle(pilot)
        assert names(app, step) == [text]
        assert app.screen.step == step  # no letter went to another step or view
        assert not any(panel.display for panel in app.screen.query("ActivityPanel"))
    with Store(db) as store:
        log = " ".join(entry.summary for entry in store.changes(wid))
    assert "gather" not in log


async def test_the_footers_keys_keep_their_meaning_on_an_empty_table(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    wid = empty_map(db, stages=True)
    app = build_app(db, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.step == "ownership"
        await pilot.press("p")
        await settle(pilot)
        assert app.screen.step == "touchpoints" and names(app, "touchpoints") == []


async def test_an_observers_letters_write_nothing(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    wid = empty_map(db, stages=True)
    app = build_app(db, wid, step="touchpoints", who="kim", role="observer")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await typed(pilot, "Login")
    with Store(db) as store:
        journey = store.load(wid)
    assert not journey.ordered_touchpoints()
    assert all(isinstance(s, Stage) for s in journey.stages)


@pytest.mark.parametrize(("key", "view"), [("U", "future"), ("M", "moments"),
                                           ("E", "escalation"), ("T", "data")])
async def test_the_workshops_own_letters_keep_their_meaning_on_an_empty_table(
        tmp_path: Path, key: str, view: str) -> None:
    """``U`` on a new map's empty Stages step made a stage named "U" instead of showing the
    Future state: the method views' and the Data screen's keys are not in the footer, but
    they are how a lead moves about the method ("press U, then f"), so they keep their
    meaning on an empty table as the footer's keys and the digits do."""
    db = tmp_path / "empty.db"
    wid = empty_map(db, stages=False)
    app = build_app(db, wid, step="stages", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert names(app, "stages") == []
        if view == "data":
            assert type(app.screen).__name__ == "DataScreen"
        else:
            assert app.screen.step == view
