"""The Tracker step sorts by due date and shows one owner's items, as ``journeymap tracker``
does with ``--sort due`` and ``--owner NAME``.

Why: after the workshop a lead asks "what is due first?" and "what is Priya's?"; the
CLI could answer both, the screen only grouped by owner (``o`` overdue, ``w`` all
workshops).  ``d`` toggles one list by due date (with an Owner column, as the CLI's),
``u`` picks an owner ("Everyone" first); both combine with ``o`` and ``w``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, settle
from tests.tui.output_screens import screen_text, tracker_rows
from tui.app.launch import build_app
from tui.dialogs.common import PickScreen


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


def _labels(app: Any) -> list[str]:
    return [str(column.label) for column in app.screen.query_one("#tracker-table")
            .columns.values()]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_d_lists_every_item_by_due_date_with_its_owner(db_path: Path,
                                                             size: tuple[int, int]) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        grouped = tracker_rows(app)
        items = [k for k in grouped if not k.startswith("owner:")]
        await pilot.press("d")
        await settle(pilot)
        rows = tracker_rows(app)
        assert sorted(rows) == sorted(items)  # the same items, no owner headings
        assert "Owner" in _labels(app)
        view = app.screen.query_one("TrackerView")
        dates = [view.items[k].deadline for k in rows]
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated) and dates[:len(dated)] == dated  # undated last
        assert "Priya" in rows[next(k for k in rows if view.items[k].owner == "Priya")]
        assert "sorted by due date (d = by owner)" in screen_text(app)
        await pilot.press("d")
        await settle(pilot)
        assert list(tracker_rows(app)) == list(grouped) and "Owner" not in _labels(app)


async def test_u_shows_one_owners_items_and_everyone_again(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        everything = tracker_rows(app)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)
        assert [label.plain for label in app.screen.labels] == [
            "Everyone", "Dana (Support Ops)", "Marco", "Priya", "Security on-call",
            "Tier 1 support agent", "Tier 2 support (account unlock)", "(unassigned)"]
        await pilot.press("4")
        await settle(pilot)
        rows = tracker_rows(app)
        view = app.screen.query_one("TrackerView")
        assert [k for k in rows if k.startswith("owner:")] == ["owner:Priya"]
        assert {view.items[k].owner for k in rows if not k.startswith("owner:")} == {"Priya"}
        assert "Priya's items only (u = everyone)" in screen_text(app)
        await pilot.press("o")  # with overdue only: Priya's overdue card
        await settle(pilot)
        late = [k for k in tracker_rows(app) if not k.startswith("owner:")]
        assert late and all(view.items[k].overdue and view.items[k].owner == "Priya"
                            for k in late)
        await pilot.press("o", "u")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen) and app.screen.highlight == 3  # Priya
        await pilot.press("1")
        await settle(pilot)
        assert tracker_rows(app) == everything


async def test_an_owner_with_no_item_left_in_the_scope_is_said_so(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u", "3")  # Marco: nothing of his is overdue
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert not tracker_rows(app)
        assert "Nothing of Marco's is overdue." in screen_text(app)
