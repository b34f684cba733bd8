"""An empty table shows no form: the note under its header says which key adds a row.

Session 12's note: on a step whose table was empty (Touchpoints with none yet) the form
beside it still showed its fields ("Touchpoint  e.g. 'Clicks Forgot password'"), so a
lead typed a name there; the form had no row and took no focus, so the letters ran as
keys (``p`` went to the previous step, ``t`` started a step timer, ``a`` added a row
and the rest of the word landed in it: "lls support").  A first try hid the form and
broke the layout (the table shrank to "#" at 120x40, the note fell to the bottom at
80x24).  Now the empty state is one layout at every size: the table's header across
the width, the note right under it, and no form until the first row is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from models.db.store import Store
from tests.helpers import settle
from tui.app.launch import build_app
from tui.widgets.forms import RecordForm

SIZES = [(80, 24), (120, 40)]
STEPS = ["stages", "touchpoints", "ownership", "pains", "escalation"]


def empty_map(db: Path, stages: bool) -> int:
    with Store(db, who="lea") as store:
        return int(store.create_workshop(title="Empty", default_stages=stages).id or 0)


async def on_step(pilot: Any, step: str) -> None:
    if step == "escalation":  # a method view: reached by its key, as in a room
        await pilot.press("E")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", STEPS)
async def test_an_empty_table_has_its_note_under_the_header_and_no_form(
        tmp_path: Path, step: str, size: tuple[int, int]) -> None:
    db = tmp_path / "empty.db"
    wid = empty_map(db, stages=step != "stages")
    app = build_app(db, wid, step="scope" if step == "escalation" else step, who="lea")
    async with app.run_test(size=size) as pilot:
        await on_step(pilot, step)
        view = app.screen.view()
        table = view.query_one(DataTable)
        split = view.query_one(".split")
        note = view.query_one(".empty-note")
        forms = [f for f in view.query(RecordForm) if f.region.area]
        assert forms == []  # nothing that looks typeable
        assert table.region.width == split.region.width  # the header is not squeezed
        assert note.region.y == table.region.bottom  # the note right under it
        assert note.region.area and "Press a" in str(note.render()) or step == "ownership"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_first_touchpoint_takes_the_name_typed_after_a(
        tmp_path: Path, size: tuple[int, int]) -> None:
    db = tmp_path / "empty.db"
    app = build_app(db, empty_map(db, stages=True), step="touchpoints", who="lea")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("a", *"Calls support", "enter")
        await settle(pilot)
        assert [tp.name for tp in app.journey.ordered_touchpoints()] == ["Calls support"]
        view = app.screen.view()
        assert [f for f in view.query(RecordForm) if f.region.area]  # the form is back
        assert view.query_one(".empty-note").region.area == 0


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_empty_touchpoints_snapshot(snap_compare: Any, tmp_path: Path,
                                    size: tuple[int, int]) -> None:
    db = tmp_path / "empty.db"
    app = build_app(db, empty_map(db, stages=True), step="touchpoints", who="lea")
    assert snap_compare(app, terminal_size=size, run_before=settle)
