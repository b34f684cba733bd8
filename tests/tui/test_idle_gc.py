"""Full garbage collections wait for the room to be idle, never inside a key (issue 18).

At 2,000 touchpoints a full pass over what the first visits had left (≈ 60,000
objects: each of Textual's drawn lines keeps seven small caches) took 20-70 ms
and landed in the fourth first visit of every ``bench/steps.py`` run.  These
tests put the collector where Python would start a full pass at its next
second-generation pass, then count (``gc.callbacks``) the full passes that start
while keys are handled.  Work, never time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SIZE, until
from tests.tui.views import FIRST_VISITS, prebuilt
from tui.app import idle_gc
from tui.app.launch import build_app


@pytest.fixture
def full_passes() -> Iterator[dict[str, int]]:
    """Full collections from now on: ``in keys`` (Python's own) and ``at idle`` (the app's)."""
    seen = {"in keys": 0, "at idle": 0}

    def count(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2:
            seen["at idle" if idle_gc.collecting() else "in keys"] += 1

    gc.callbacks.append(count)
    yield seen
    gc.callbacks.remove(count)


def _full_pass_due() -> list[list[int]]:
    """Python's state just before a full pass: the heap frozen (nothing old to weigh
    against), and ten second-generation passes since the last full one."""
    gc.freeze()
    gc.collect()
    kept: list[list[int]] = []
    while gc.get_count()[2] < 10:
        kept.append([])
    return kept


async def test_no_full_collection_starts_while_first_visits_are_handled(
        db_path: Path, wid: int, full_passes: dict[str, int]) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await prebuilt(pilot)
        kept = _full_pass_due()
        full_passes["in keys"] = 0
        for key in (*FIRST_VISITS, *FIRST_VISITS):
            await pilot.press("escape", key)
            await pilot.pause()
        assert full_passes["in keys"] == 0, full_passes
        assert gc.get_count()[2] > 10 or full_passes["at idle"], gc.get_count()  # was due
        del kept


async def test_the_full_collection_due_runs_once_the_room_is_idle(
        db_path: Path, wid: int, full_passes: dict[str, int]) -> None:
    before = gc.get_threshold()
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await prebuilt(pilot)
        kept = _full_pass_due()
        await pilot.press("2")
        assert await until([pilot], lambda: full_passes["at idle"] > 0)
        del kept
    assert gc.get_threshold() == before  # Python's own schedule again once the app is gone
