"""The path typed at ``x`` is offered again to that seat only.

Found by srv17 (session 14): the last path was module state, so in one process
(``journeymap serve`` runs a seat per browser, the test suite runs many apps) a
path one seat typed was offered to the next seat as its default.  It lives on
the seat's session object now, where the rest of a seat's state is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, settle
from tui.app.launch import build_app
from tui.dialogs.export import ExportDialog


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


async def _offered(db_path: Path, wid: int, typed: str | None = None) -> list[str]:
    """The paths one app's export dialog offers at two presses of x, typing ``typed``
    at the first (an unwritable path: the seat keeps it, nothing is written)."""
    offered: list[str] = []
    app = build_app(db_path, wid, step="cards")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("x")
            await settle(pilot)
            assert isinstance(app.screen, ExportDialog)
            field = app.screen.query_one("#export-path")
            offered.append(field.value)  # type: ignore[attr-defined]
            if typed is not None:
                field.value = typed  # type: ignore[attr-defined]
                await pilot.press("enter")
            else:
                await pilot.press("escape")
            await settle(pilot)
    return offered


async def test_a_path_typed_in_one_app_is_not_offered_to_the_next(
        db_path: Path, tmp_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    typed = str(tmp_path / "missing-dir" / "plan.md")
    first = await _offered(db_path, wid, typed)
    assert first == ["./admin-locked-out-action-plan.md", typed]  # the seat keeps its path
    second = await _offered(db_path, wid)
    assert second == ["./admin-locked-out-action-plan.md"] * 2
    assert not (tmp_path / "missing-dir").exists()
