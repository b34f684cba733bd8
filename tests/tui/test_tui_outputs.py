"""Pilot tests of the output screens: Cards, Tracker, Plan (with the review) and export.

Every test drives the app with keys only and then checks the database (or the
written file), not just the screen.  "Today" is pinned with JOURNEYMAP_TODAY
so OVERDUE and days left do not depend on the day the suite runs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PlanTask
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, outputs_workshop, settle
from tests.tui.output_screens import editor, reload, screen_text, tracker_rows, type_into
from tui.app.launch import build_app
from tui.dialogs.common import ConfirmScreen, PickScreen
from tui.dialogs.export import ExportDialog
from tui.dialogs.row_editor import RowEditor
from tui.widgets.card_grid import CardBox
from tui.widgets.dates import due_label, next_status, slug

HOSTILE = {
    "experiment": "[bold red]x[/] then [link=https://x]y[/link]",
    "outcome": "clear \x1b[2J and ring \x07 bells",
    "signal": "🚀 工单减少 30% שלום",
    "owner": "[/]",
    "result_notes": "L" * 5000,
}


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


# -- small rules -------------------------------------------------------------------

def test_status_cycle_and_due_words() -> None:
    assert [next_status(s) for s in ("proposed", "in_progress", "done", "dropped", "odd")] == \
        ["in_progress", "done", "dropped", "proposed", "proposed"]
    assert due_label(dt.date(2026, 3, 13), "proposed", TODAY) == "OVERDUE by 7 days"
    assert due_label(dt.date(2026, 3, 19), "in_progress", TODAY) == "OVERDUE by 1 day"
    assert due_label(dt.date(2026, 3, 13), "done", TODAY) == "done"
    assert due_label(TODAY, "proposed", TODAY) == "due today"
    assert due_label(dt.date(2026, 3, 21), "proposed", TODAY) == "1 day left"
    assert due_label(None, "proposed", TODAY) == "no deadline"
    assert slug("Admin locked out!") == "admin-locked-out"
    assert slug("[/] 🚀", "workshop-3") == "workshop-3"


# -- Cards --------------------------------------------------------------------------

async def test_cards_are_created_from_pain_points_in_rank_order(db_path: Path) -> None:
    from models.rules.priority import rank_pain_points

    with Store(db_path) as store:
        wid = outputs_workshop(store, people=False)
        for card in store.load(wid).cards:
            store.delete(HypothesisCard, card.id)
        ranked = [r.pain.id for r in rank_pain_points(store.load(wid))]
    app = build_app(db_path, wid, step="cards")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query(CardBox)
        await pilot.press("c")
        await settle(pilot)
        assert [c.pain_point_id for c in reload(db_path, wid).cards] == [ranked[0]]
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)
        await pilot.press("down", "enter")  # the second of the remaining pain points
        await settle(pilot)
        made = {c.pain_point_id for c in reload(db_path, wid).cards}
        assert made == {ranked[0], ranked[2]}
        boxes = list(app.screen.query(CardBox))
        assert len(boxes) == 2
        body = boxes[0].body.plain
        assert body.count("We believe") == 1 and "We will know we succeeded when" in body
        assert "⚠ no owner · no deadline" in body  # flagged in words, not only colour


async def test_edit_owner_and_deadline_saves_and_bad_date_keeps_text(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store, people=False)
    app = build_app(db_path, wid, step="cards")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        focused = app.screen.focused
        assert isinstance(focused, CardBox)
        card_id = focused.card_id
        await pilot.press("enter")
        await settle(pilot)
        form = editor(app).form
        await type_into(pilot, form.field("owner"), "Priya Shah")  # type: ignore[arg-type]
        await pilot.press("enter")
        await type_into(pilot, form.field("deadline"), "2026-04-30")  # type: ignore[arg-type]
        await pilot.press("tab")  # leaving the field saves it too
        await settle(pilot)
        card = next(c for c in reload(db_path, wid).cards if c.id == card_id)
        assert (card.owner, card.deadline) == ("Priya Shah", dt.date(2026, 4, 30))
        deadline = form.field("deadline")
        await type_into(pilot, deadline, "30/04/2026")  # type: ignore[arg-type]
        await pilot.press("enter")
        await settle(pilot)
        assert deadline.value == "30/04/2026"  # typed text kept
        messages = [str(n.message) for n in app._notifications]
        assert any("deadline must be a date like" in m for m in messages)
        assert next(c for c in reload(db_path, wid).cards
                    if c.id == card_id).deadline == dt.date(2026, 4, 30)
        await pilot.press("escape")  # pending bad value: asks first
        await settle(pilot)
        assert isinstance(app.screen, RowEditor)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, RowEditor)
        box = next(b for b in app.screen.query(CardBox) if b.card_id == card_id)
        assert "Owner: Priya Shah" in box.body.plain
        assert "Deadline: Thu 30 Apr 2026 (41 days left)" in box.body.plain


async def test_status_cycles_with_one_key_and_delete_asks(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store, people=False)
    app = build_app(db_path, wid, step="cards")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        card_id = app.screen.focused.card_id  # type: ignore[union-attr]
        count = len(reload(db_path, wid).cards)

        def status() -> str:
            return next(c.status for c in reload(db_path, wid).cards if c.id == card_id)

        seen = []
        for _ in range(4):
            await pilot.press("s")
            await settle(pilot)
            seen.append(status())
        assert seen == ["in_progress", "done", "dropped", "proposed"]
        await pilot.press("right")
        await settle(pilot)
        assert app.screen.focused.card_id != card_id  # type: ignore[union-attr]
        await pilot.press("left", "d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(reload(db_path, wid).cards) == count
        await pilot.press("d", "y")
        await settle(pilot)
        cards = reload(db_path, wid).cards
        assert len(cards) == count - 1 and card_id not in {c.id for c in cards}
        assert len(app.screen.query(CardBox)) == count - 1


# -- Tracker ------------------------------------------------------------------------

async def test_tracker_marks_overdue_in_words_groups_by_owner_and_filters(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
        journey = store.load(wid)
    card1 = next(c for c in journey.cards if c.owner == "Priya" and c.status == "in_progress")
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = tracker_rows(app)
        assert "OVERDUE by 7 days" in rows[f"card:{card1.id}"]
        assert [k for k in rows if k.startswith("owner:")] == [
            "owner:Dana (Support Ops)", "owner:Marco", "owner:Priya", "owner:Security on-call",
            "owner:Tier 1 support agent", "owner:Tier 2 support (account unlock)",
            "owner:(unassigned)"]
        assert "OVERDUE" in rows["owner:Priya"]
        # every plan task is a tracker item too, except those that carry out a card: the
        # card's row is that item ("Ship one fix" is the top card)
        from models.rules.plan import card_of_task
        own = [t for t in journey.plan_tasks if card_of_task(journey, t.key) is None]
        assert sum(k.startswith("task:") for k in rows) == len(own) == 6
        await pilot.press("o")
        await settle(pilot)
        only = tracker_rows(app)
        items = [k for k in only if not k.startswith("owner:")]
        assert f"card:{card1.id}" in items
        assert all("OVERDUE" in only[k] for k in items)
        # status with one key on the selected row
        table = app.screen.query_one("#tracker-table")
        table.move_cursor(row=list(only).index(f"card:{card1.id}"))
        await pilot.press("s")
        await settle(pilot)
        assert next(c for c in reload(db_path, wid).cards if c.id == card1.id).status == "done"
        assert f"card:{card1.id}" not in tracker_rows(app)  # done is not overdue any more
        await pilot.press("o")
        await settle(pilot)
        assert "OVERDUE" not in tracker_rows(app)[f"card:{card1.id}"]


async def test_tracker_status_key_changes_a_plan_task(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = list(tracker_rows(app))
        task_key = next(k for k in keys if k.startswith("task:"))
        app.screen.query_one("#tracker-table").move_cursor(row=keys.index(task_key))
        await pilot.press("s")
        await settle(pilot)
        task_id = int(task_key.split(":")[1])
        task = next(t for t in reload(db_path, wid).plan_tasks if t.id == task_id)
        assert task.status == "in_progress" and not task.edited


# -- Export ---------------------------------------------------------------------------

async def test_export_writes_markdown_to_the_default_path(db_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="cards")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path").value == "./admin-locked-out-action-plan.md"
        await pilot.press("enter")
        await settle(pilot)
        target = tmp_path / "admin-locked-out-action-plan.md"
        assert target.exists()
        text = target.read_text(encoding="utf-8")
        assert "We believe" in text and "Invoice dispute" in text  # portfolio in the review
        assert any(str(n.message).startswith("Exported to ") for n in app._notifications)


@pytest.mark.parametrize("where", ["missing-dir/plan.md", "a-file/plan.md", "."])
async def test_unwritable_export_path_is_one_clear_message(db_path: Path, tmp_path: Path,
                                                           where: str) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="tracker")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        field = app.screen.query_one("#export-path")
        field.value = str(tmp_path / where)
        await pilot.press("enter")
        await settle(pilot)
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and errors[0].startswith("Not exported")
        assert "Traceback" not in errors[0] and "\n" not in errors[0]
        assert app.is_running
        assert not (tmp_path / "missing-dir").exists()


# -- hostile text ---------------------------------------------------------------------

@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_hostile_text_renders_literally_on_all_three_screens(
        db_path: Path, size: tuple[int, int]) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
        journey = store.load(wid)
        from models.rules.cards import ordered_cards

        top = ordered_cards(journey)[0]
        store.update(HypothesisCard, top.id, **HOSTILE)
        for task in journey.plan_tasks:
            store.update(PlanTask, task.id, title="[bold red]x[/] \x1b[2J", owner="[/]",
                         detail="🚀 工单 " + "D" * 5000, edited=True)
    app = build_app(db_path, wid, step="cards")
    async with app.run_test(size=size) as pilot:
        for key in ("6", "7", "8"):
            await pilot.press(key)
            await settle(pilot)
            text = screen_text(app)
            assert "\x1b" not in text and "\x07" not in text
            assert "[bold red]x[/]" in text, key
            if key == "6":
                assert "␛[2J" in text and "工单减少" in text
            if key == "8":
                assert "[/]" in text
                # at 80x24 the ten tasks fill the screen; the detail below is scrolled to
                assert size == (80, 24) or "🚀 工单" in text


async def test_export_is_in_the_command_palette_on_every_output_step(db_path: Path) -> None:
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    app = build_app(db_path, wid, step="cards")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ("6", "7", "8"):
            await pilot.press(key)
            await settle(pilot)
            titles = [c.title for c in app.screen.palette_commands()]
            assert any(t.endswith("Export action plan (Markdown)") for t in titles), titles


def test_tui_and_export_say_overdue_the_same_way() -> None:
    from models.export.markdown import due_text as md_due
    from models.rules.tracker import TrackerItem
    from tui.widgets.dates import due_label

    on = dt.date(2026, 3, 20)
    item = TrackerItem(kind="card", item_id=1, workshop_id=1, workshop_title="w", title="t",
                       owner="", deadline=dt.date(2026, 3, 17), status="proposed",
                       days_left=-3, overdue=True)
    assert due_label(item.deadline, item.status, on) == md_due(item) == "OVERDUE by 3 days"
