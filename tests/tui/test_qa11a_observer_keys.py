"""An observer who presses an editing key is told why nothing happens (found by fresh-eyes
QA over SSH: ``a``, ``d``, ``x`` and ctrl+z did nothing at all in an observer's window).
The keys stay out of the footer; a participant's keys are untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app

SAID = "read-only seat"


def said(app: object) -> list[str]:
    return [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("step", "key"), [("stages", "a"), ("pains", "d"), ("cards", "x"),
                                           ("stages", "ctrl+z")])
async def test_an_editing_key_tells_an_observer_why_it_does_nothing(db_path: Path, step: str,
                                                                    key: str) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
        before = len(store.load(wid).stages)
    app = build_app(db_path, wid, step=step, who="kim", role="observer")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press(key)
        await ready(pilot)
        assert any(SAID in message for message in said(app)), said(app)
    with Store(db_path) as store:
        assert len(store.load(wid).stages) == before


async def test_a_step_key_says_nothing_to_an_observer(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="stages", who="kim", role="observer")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("3", "z")  # a step, and a key bound to nothing
        await ready(pilot)
        assert not any(SAID in message for message in said(app))


async def test_a_participant_adds_without_the_note(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
        before = len(store.load(wid).stages)
    app = build_app(db_path, wid, step="stages", who="lea")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await ready(pilot)
        assert not any(SAID in message for message in said(app))
    with Store(db_path) as store:
        assert len(store.load(wid).stages) == before + 1


@pytest.mark.parametrize(("step", "keys"), [("tracker", ["w"]), ("scope", ["escape", "h"])])
async def test_a_guest_seat_is_told_why_a_key_does_nothing(db_path: Path, step: str,
                                                           keys: list[str]) -> None:
    """The ``seat`` forced command opens one workshop: Home and the all-workshops tracker
    are not there for it, and saying so beats a key that does nothing."""
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step=step, who="sam", role="participant", grant="participant",
                    key="SHA256:abc", origin="127.0.0.1 50000 127.0.0.1 22")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press(*keys)
        await ready(pilot)
        assert any("only this workshop" in message for message in said(app)), said(app)
