"""Tracker "all workshops": drawing a portfolio's items does each piece of work once.

Measured on a lead's 201-workshop file (2,188 items, one workshop titled with a pasted
10,000-character line): ``render_items`` cost 74 ms of CPU before the first paint.
Every item's cells were built as ``Text``, though only the rows on screen are drawn,
and each item cleaned and measured its workshop's title again (2 ms an item for the
long one).  Counted, not timed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.rules.tracker import TrackerItem
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app
from tui.steps import tracker

LONG = "A pasted title " + "x" * 10_000


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:
        return build_workshop(store)


def _items(wid: int) -> list[TrackerItem]:
    late = dt.date(2026, 3, 1)
    return [TrackerItem(kind="task", item_id=i, workshop_id=wid + i % 3,
                        workshop_title=LONG if i % 3 == 0 else f"Workshop {i % 3}",
                        title=f"Task {i % 10}", owner=f"Owner {i % 4}", deadline=late,
                        status="proposed", days_left=-9, overdue=True)
            for i in range(1, 601)]


async def test_each_title_is_cut_once_and_only_rows_on_screen_are_built(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    cut_texts: list[str] = []
    real_cut = tracker.cut

    def counted(value: Any) -> str:
        cut_texts.append(str(value))
        return real_cut(value)

    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        monkeypatch.setattr(tracker, "cut", counted)
        view.all_workshops, view.all_items, view.workshop_count = True, _items(wid), 3
        view.render_items()
        await pilot.pause()
        assert cut_texts.count(LONG) == 1
        assert len(cut_texts) == len(set(cut_texts)) <= 3 + 10 + 4
        table = view.table
        assert table.row_count == 600 + 4
        last = list(table.rows)[-1]
        assert table._data.lazy(last) is not None, "a row far off screen was built"
        assert table.get_cell(last.value or "", "due").plain == "OVERDUE by 9 days"
