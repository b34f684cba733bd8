"""QA session 12: the Escalation and Future state views started lines at column 0.

"Ladder: …", "No escalation risks found." and the whole Future state text (sentiment
lines, the comparison, costs, KPI targets) sat against the terminal's edge while the
step title, the table and the forms are indented by one.  Every text of these views
now starts where the step title's text starts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, settle
from tui.app.launch import build_app

VIEWS = {"E": "#step-escalation", "U": "#step-future"}
TEXTS = {"E": ("#ladder", "#escalation-risks"),
         "U": ("#future-lines", "#future-body")}


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("key", sorted(TEXTS))
async def test_method_view_text_starts_where_the_title_starts(
        tmp_path: Path, key: str, size: tuple[int, int]) -> None:
    db = tmp_path / "map.db"
    with Store(db, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db, wid, step="scope", who="lea")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        view = app.screen.query_one(VIEWS[key])
        title = view.query_one(".step-title").content_region.x
        assert {name: view.query_one(name).content_region.x for name in TEXTS[key]} == \
            dict.fromkeys(TEXTS[key], title)
