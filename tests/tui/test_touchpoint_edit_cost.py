"""A one-field edit of a touchpoint redraws its row only (issue 18: ≤ 50 ms at 10,000).

The sentiment nudge used to rebuild all rows of the table from the journey to
find the one that changed; now the view patches the edited row, and anything
that moves other rows (a stage renamed, a reload) still rebuilds them all.
Cost tests count the work done, never the time it took.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.workshop import Stage
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app
from tui.steps.touchpoints import FACES, TouchpointsView


def _count_rows(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = TouchpointsView.rows

    def counted(self: TouchpointsView, journey: Any) -> Any:
        calls.append(1)
        return real(self, journey)

    monkeypatch.setattr(TouchpointsView, "rows", counted)
    return calls


async def test_a_sentiment_nudge_redraws_one_row(db_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        view = app.screen.view("touchpoints")  # type: ignore[attr-defined]
        table = view.table
        table.focus()
        await pilot.press("down")
        await ready(pilot)
        key = view.current_key()
        tp = app.journey.touchpoint(int(key))  # type: ignore[union-attr]
        calls = _count_rows(monkeypatch)
        delta = "minus" if tp.sentiment > -2 else "plus"
        await pilot.press(delta)
        await ready(pilot)
        assert calls == []  # the edited row only
        assert table.get_cell(key, "sent").plain == FACES[tp.sentiment]  # the new value
        assert view.current_key() == key
        stage = app.journey.stage_of(tp)  # type: ignore[union-attr]
        assert app.save_field(Stage, int(stage.id), "name", "Renamed")
        view.draw(app.journey)
        assert calls == [1]  # a stage name is in many rows: all rebuilt
        assert table.get_cell(key, "stage").plain == "Renamed"
