"""The map's visual views and the saved mark: the sentiment line follows the scores, a
committed field shows saved, swimlanes (one lane per team, handoff marks) and handoff details
typed on the Ownership step reach the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import select
from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.workshop import Handoff
from tests.helpers import build_workshop, screen_text
from tui.app.launch import build_app
from tui.widgets.drawings import Swimlanes
from tui.widgets.forms import FieldInput
from tui.widgets.step_bar import SentimentLine

runner = CliRunner()
async def ready(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
def first_point_level(drawing: str) -> str:
    """The axis label (+2..-2) of the row holding the leftmost dot (the first touchpoint)."""
    dots = [(row.index("●", 3), row[:3].strip()) for row in drawing.splitlines()[:5]
            if "●" in row[3:]]
    assert dots, f"no dot drawn:\n{drawing}"
    return min(dots)[1]


async def test_sentiment_line_follows_the_scores(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)  # first touchpoint: sentiment -1
    app = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        line = app.screen.query_one(SentimentLine)
        assert first_point_level(line.render().plain) == "-1"
        app.screen.view("touchpoints").table.focus()  # type: ignore[attr-defined]
        await pilot.press("plus", "plus")
        await ready(pilot)
        assert first_point_level(line.render().plain) == "+1"
        await pilot.press("minus", "minus", "minus")
        await ready(pilot)
        assert first_point_level(line.render().plain) == "-2"
    with Store(db_path, who="check") as store:
        assert store.load(wid).ordered_touchpoints()[0].sentiment == -2


async def test_a_committed_field_shows_saved(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "saved" not in app.sub_title  # nothing committed yet
        field = app.screen.query_one("#f-persona", FieldInput)
        field.focus()
        await pilot.press("end", "exclamation_mark", "tab")  # leaving the field commits it
        await ready(pilot)
        assert app.sub_title.startswith("saved ")
        assert app.sub_title in screen_text(app)  # shown in the header, not only stored
    with Store(db_path, who="check") as store:
        assert store.get_workshop(wid).persona.endswith("!")


async def test_swimlanes_and_handoff_details_on_the_ownership_step(db_path: Path) -> None:
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
        tps = store.load(wid).ordered_touchpoints()
    app = build_app(db_path, wid, step="ownership", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        lanes = app.screen.query_one(Swimlanes).render().plain.splitlines()
        labels = [row.split()[0] if not row.startswith("(") else "(no owner)"
                  for row in lanes[1:]]
        assert labels == ["Product", "Engineering", "Support", "Tier", "(no owner)"]
        tier2 = next(row for row in lanes if row.startswith("Tier"))
        assert "!  6" in tier2  # Support -> Tier 2 (backstage), customer not told
        # Product's reset email (3), then Engineering: the customer moving on, no handoff
        engineering = next(row for row in lanes if row.startswith("Engineering"))
        assert "›  3" in engineering and "!" not in engineering
        # the 6th touchpoint has a handoff into it (Support -> Tier 2): type its detail
        view = app.screen.view("ownership")  # type: ignore[attr-defined]
        view.table.focus()
        await pilot.press("down", "down", "down", "down", "down")
        await ready(pilot)
        form = app.screen.query_one("#handoff-form")
        assert form.display
        form.field("what_is_transferred").focus()  # type: ignore[attr-defined]
        await pilot.press(*"Chat log", "enter")
        await ready(pilot)
    with Store(db_path, who="check") as store, store.read() as s:
        rows = list(s.exec(select(Handoff).where(Handoff.to_touchpoint_id == tps[5].id)))
    # the detail row the workshop already had for this handoff, with the typed text in it
    assert [r.from_touchpoint_id for r in rows] == [tps[4].id]
    assert "Chat log" in rows[0].what_is_transferred
