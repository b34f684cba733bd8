"""Snapshots of every screen at 80x24 and 120x40 with a workshop from a shipped template.

Review changes by eye: ``pytest --snapshot-update tests/test_tui_snapshots.py`` rewrites
the SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.template_map import template_workshop
from tui.app.launch import build_app

SIZES = [(80, 24), (120, 40)]
STEP_KEYS = {"scope": None, "stages": "2", "touchpoints": "3", "ownership": "4", "pains": "5",
             "cards": "6", "tracker": "7", "plan": "8"}


pytestmark = pytest.mark.usefixtures("pinned_clock")  # today and the time zone pinned


async def settle(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", list(STEP_KEYS))
def test_step_screen(snap_compare, db_path: Path, step: str, size: tuple[int, int]) -> None:  # noqa: ANN001
    wid = template_workshop(db_path)
    app = build_app(db_path, wid, step="scope", who="tester")

    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        if STEP_KEYS[step]:
            await pilot.press("escape", STEP_KEYS[step])
            await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_pain_matrix(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    wid = template_workshop(db_path)
    app = build_app(db_path, wid, step="pains", who="tester")

    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("escape", "v")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    template_workshop(db_path)
    assert snap_compare(build_app(db_path, who="tester"), terminal_size=size,
                        run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_empty_and_template_picker(snap_compare, db_path: Path,  # noqa: ANN001
                                        size: tuple[int, int]) -> None:
    async def run_before(pilot) -> None:  # noqa: ANN001
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)

    assert snap_compare(build_app(db_path, who="tester"), terminal_size=size,
                        run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_empty(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # noqa: ANN001
    assert snap_compare(build_app(db_path, who="tester"), terminal_size=size, run_before=settle)
