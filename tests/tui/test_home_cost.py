"""What showing Home for a big portfolio costs (issue 18: 200 workshops listed ≤ 100 ms).

The early Home list (plain sqlite3, before the store opens) lacked the review
dates, so when the store opened a moment later every row of the table changed
("Last review" filled in) and was drawn again, on the UI thread, just as the
lead starts to move; and Home's title asked for a layout pass of the screen
each time it was set.  These tests count that work, never time.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import DataTable
from textual.widgets._header import HeaderTitle

from models.db import light
from models.db.store import Store
from models.db.tables.workshop import Workshop
from tui.app.app import JourneyApp
from tui.screens.home import HomeScreen
from tui.widgets.fast_table import FastTable


def _portfolio(db_path: Path) -> None:
    with Store(db_path, who="t") as store:
        for n in range(12):
            w = store.create_workshop(title=f"Map {n}", persona="p", scenario="s")
            if n % 3 == 0:
                store.update(Workshop, int(w.id or 0),
                             last_reviewed_at=dt.date(2020, 1, 1) + dt.timedelta(days=n))


def test_the_light_list_carries_what_the_review_column_reads(db_path: Path) -> None:
    _portfolio(db_path)
    with Store(db_path, who="t", read_only=True) as store:
        want = [(w.id, w.last_reviewed_at, w.created_at) for w in store.list_workshops()]
    got = light.list_workshops(db_path)
    assert got is not None
    assert [(w.id, w.last_reviewed_at, w.created_at) for w in got] == want


async def test_when_the_store_opens_home_redraws_no_row(db_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _portfolio(db_path)
    release = threading.Event()
    real_init = Store.__init__

    def slow_init(self: Store, *args: object, **kwargs: object) -> None:
        release.wait(10)  # the store opens when the test says so
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "__init__", slow_init)
    changed: list[Any] = []
    real_update = FastTable.update_cell

    def counted(self: FastTable, *args: Any, **kwargs: Any) -> Any:
        changed.append(args[:2])
        return real_update(self, *args, **kwargs)

    monkeypatch.setattr(FastTable, "update_cell", counted)
    app = JourneyApp(db_path, who="tester")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(300):
                tables = app.screen.query("#workshops")
                if tables and tables.first(DataTable).row_count == 12:
                    break
                await pilot.pause(0.01)
            early = [[c.plain for c in row]
                     for row in _rows(app.screen.query_one("#workshops", DataTable))]
            assert app.store is None  # still the early list
            release.set()
            for _ in range(500):
                if app.store is not None:
                    break
                await pilot.pause(0.01)
            await pilot.pause()
            assert app.store is not None
            after = [[c.plain for c in row]
                     for row in _rows(app.screen.query_one("#workshops", DataTable))]
            assert after == early  # the review dates were there from the start
            assert any("DUE" in row[2] for row in after)
            assert changed == []
    finally:
        release.set()


def _rows(table: DataTable[Any]) -> list[list[Any]]:
    return [table.get_row(key) for key in table.rows]


async def test_home_s_title_asks_for_no_layout_pass(db_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _portfolio(db_path)
    asked: list[str] = []
    real = Widget.refresh

    def counted(self: Widget, *regions: Any, **kwargs: Any) -> Any:
        if isinstance(self, HeaderTitle) and kwargs.get("layout") and \
                isinstance(self.screen, HomeScreen):
            asked.append(type(self).__name__)
        return real(self, *regions, **kwargs)

    monkeypatch.setattr(Widget, "refresh", counted)
    app = JourneyApp(db_path, who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(300):
            if isinstance(app.screen, HomeScreen) and app.store is not None:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        asked.clear()  # from here on: the title changes, the header's size does not
        app.title = "journeymap · 12 workshops"
        app.sub_title = "saved 10:00:00"
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert asked == []
