"""QA gaps in the step views: pain ranking cost, facilitation settings, the all-workshops
tracker and KPI units from the catalogue.

Pilot tests against real apps on a temp database; no timings (the machine is
shared) — the cost tests count the work done instead of the time it took.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables import PainPoint
from tests.tui.test_tui_data import build_workshop
from tests.tui.test_tui_pairing import ready
from tui.app.launch import build_app

SIZE = (120, 40)


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:  # lea created it: lea is the lead
        return build_workshop(store)


def _count_rankings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from models.rules import priority

    calls: list[int] = []
    real = priority.rank_pain_points

    def counted(journey: Any) -> Any:
        calls.append(1)
        return real(journey)

    monkeypatch.setattr(priority, "rank_pain_points", counted)
    return calls


# -- 2. pain points: ranking once per revision, cells reused ------------------------------
async def test_pain_step_ranks_once_per_journey_revision(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    app = build_app(db_path, wid, step="touchpoints", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        calls = _count_rankings(monkeypatch)
        await pilot.press("escape", "5")
        await pilot.pause()
        assert len(calls) == 1  # table and matrix share one ranking
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        view.refresh_from(app.journey)  # same revision: nothing to rank again
        assert len(calls) == 1
        app.reload_journey()  # a new revision is ranked again, once
        await pilot.pause()
        assert len(calls) == 2


async def test_pain_table_rebuilds_only_the_rows_that_changed(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.screen.view("pains")  # type: ignore[attr-defined]
        table = view.table
        before = dict(table._jm_rows)
        assert app.journey is not None
        last = app.journey.pain_points[-1]
        # a new description does not move the rank: one row's cells are new
        assert app.save_field(PainPoint, int(last.id or 0), "description", "[b]Renamed[/b]")
        await pilot.pause()
        after = table._jm_rows
        changed = [key for key in before if after[key] is not before[key]]
        assert changed == [str(last.id)]
        assert table.get_cell(str(last.id), "desc").plain == "[b]Renamed[/b]"


# -- 3. facilitation settings (lead only) ---------------------------------------------------
def _workshop(db: Path, wid: int) -> Any:
    with Store(db, who="check") as s:
        return s.get_workshop(wid)


async def test_lead_sets_votes_and_minutes_from_the_pain_step(db_path: Path, wid: int) -> None:
    from tui.dialogs.settings import SettingsScreen

    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.set_focus(app.screen.view("pains").table)  # type: ignore[attr-defined]
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+a", "ctrl+k", "5", "tab", "ctrl+a", "ctrl+k", "2", "0", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        w = _workshop(db_path, wid)
        assert (w.votes_per_participant, w.step_minutes) == (5, 20)
        assert app.journey is not None and app.journey.workshop.votes_per_participant == 5
        # the change log says who changed it
        with Store(db_path, who="check") as s:
            fields = {c.field: c.who for c in s.changes(wid)}
        assert fields.get("votes_per_participant") == "lea"
        assert fields.get("step_minutes") == "lea"


async def test_settings_out_of_range_are_refused_in_the_dialog(db_path: Path, wid: int) -> None:
    from textual.widgets import Label

    from tui.dialogs.settings import SettingsScreen

    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = _workshop(db_path, wid)
        app.pairing.act("settings")  # what the palette entry and the keys call
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+a", "ctrl+k", "1", "5", "0", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # still open, the lead can fix it
        error = app.screen.query_one("#settings-error", Label)
        assert "between 0 and 99" in str(error.render())
        await pilot.press("escape")
        await pilot.pause()
        after = _workshop(db_path, wid)
        assert after.votes_per_participant == before.votes_per_participant
        assert after.step_minutes == before.step_minutes


async def test_timer_dialog_opens_the_settings(db_path: Path, wid: int) -> None:
    from tui.dialogs.settings import SettingsScreen
    from tui.dialogs.timer import TimerScreen

    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.set_focus(None)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimerScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("tab", "ctrl+a", "ctrl+k", "9", "enter")
        await pilot.pause()
        assert _workshop(db_path, wid).step_minutes == 9
        assert _workshop(db_path, wid).timer_ends_at is None  # no timer was started


async def test_participant_gets_one_sentence_and_no_dialog(db_path: Path, wid: int) -> None:
    from tui.dialogs.settings import SettingsScreen

    app = build_app(db_path, wid, step="pains", who="sam")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        before = _workshop(db_path, wid)
        app.screen.set_focus(app.screen.view("pains").table)  # type: ignore[attr-defined]
        await pilot.press("S")
        await pilot.pause()
        assert not isinstance(app.screen, SettingsScreen)
        messages = [n.message for n in app._notifications]
        assert ("Only the workshop lead can change the facilitation settings; "
                "ask the lead to do it.") in messages
        assert _workshop(db_path, wid).votes_per_participant == before.votes_per_participant


# -- 4. tracker across all workshops ------------------------------------------------------
def _second_workshop(db: Path) -> tuple[int, int]:
    """Workshop B (title 'Billing [red]x[/]') with a plan; returns (B id, a B task id)."""
    from models.db.tables import Workshop
    from models.rules.plan import regenerate_plan

    with Store(db, who="lea") as store:
        other = build_workshop(store)
        store.update(Workshop, other, title="Billing [red]x[/]")
        tasks = regenerate_plan(store, other)
        return other, int(tasks[0].id or 0)


async def test_tracker_w_shows_every_workshop_and_changes_status_there(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from models.db.tables import PlanTask
    from models.rules.plan import regenerate_plan
    from tests.tui.test_tui_pairing import until

    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    with Store(db_path, who="lea") as store:
        regenerate_plan(store, wid)
    other, task_id = _second_workshop(db_path)
    app = build_app(db_path, wid, step="tracker", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        view = app.screen.view("tracker")  # type: ignore[attr-defined]
        assert {i.workshop_id for i in view.items.values()} == {wid}
        app.screen.set_focus(view.table)
        await pilot.press("w")
        assert await until([pilot], lambda: view.all_items is not None)
        await pilot.pause()
        assert {i.workshop_id for i in view.items.values()} == {wid, other}
        table = view.table
        assert "workshop" in [str(c.value) for c in table.columns]
        key = f"task:{task_id}"
        assert table.get_cell(key, "workshop").plain == "Billing [red]x[/]"  # literal, 120 wide
        summary = str(app.screen.query_one("#tracker-summary").render())
        assert "all workshops (2 workshops" in summary
        # status of the other workshop's task, from this workshop's screen
        view.table.move_cursor(row=view.table.get_row_index(key), animate=False)
        await pilot.press("s")
        await pilot.pause()
        with Store(db_path, who="check") as s, s.read() as session:
            task = session.get(PlanTask, task_id)
            assert task is not None and task.status == "in_progress"
        assert await until([pilot], lambda: view.items[key].status == "in_progress")
        assert table.get_cell(key, "status").plain == "in progress"
        await pilot.press("w")  # back to this workshop only
        await pilot.pause()
        assert {i.workshop_id for i in view.items.values()} == {wid}
        assert "workshop" not in [str(c.value) for c in table.columns]


# -- 5. KPI units from the catalogue ------------------------------------------------------
@pytest.mark.parametrize(("name", "unit"), [
    ("FCR", "%"), ("First contact resolution (FCR)", "%"), ("time to resolution", "hours"),
    ("CES", "score 1-7"), ("Customer effort score (CES)", "score 1-7"), ("Reopen rate", "%"),
    ("search-to-ticket ratio", "ratio"), ("Search-to-ticket  Ratio", "ratio"),
    ("Login success [b]rate[/b]", ""), ("", ""),
])
def test_catalogue_unit(name: str, unit: str) -> None:
    from models.rules.kpis import unit_for

    assert unit_for(name) == unit


def test_catalogue_is_the_one_source_for_names_and_direction() -> None:
    from models.rules.cards import lower_is_better
    from models.rules.kpis import KPI_CATALOGUE
    from tui.steps.stages import KPI_NAMES

    assert KPI_NAMES == tuple(k.name for k in KPI_CATALOGUE)
    for info in KPI_CATALOGUE:
        for name in (info.name, *info.aliases):
            assert lower_is_better(name) is info.lower_is_better, name
    # short forms are known by the catalogue, not only by the words in them
    assert lower_is_better("searches per ticket") is False
    assert lower_is_better("Mood of the room") is None


async def _type_kpi(pilot: Any, app: Any, stage_id: int, name: str) -> None:
    view = app.screen.view("stages")
    view.select(str(stage_id))
    await pilot.pause()
    view.form.field("kpi_name").focus()
    await pilot.pause()
    await pilot.press("ctrl+a", "ctrl+k", *name, "enter")
    await pilot.pause()


def _stage(db: Path, stage_id: int) -> Any:
    from models.db.tables import Stage

    with Store(db, who="check") as s, s.read() as session:
        return session.get(Stage, stage_id)


async def test_picking_a_catalogue_kpi_fills_an_empty_unit_only(db_path: Path, wid: int) -> None:
    from models.db.tables import Stage

    with Store(db_path, who="lea") as store:
        stages = store.load(wid).stages
        empty, typed = int(stages[0].id or 0), int(stages[1].id or 0)
        store.update(Stage, empty, kpi_name="", kpi_unit="")
        store.update(Stage, typed, kpi_name="", kpi_unit="searches per ticket")
    app = build_app(db_path, wid, step="stages", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await _type_kpi(pilot, app, empty, "FCR")
        assert (_stage(db_path, empty).kpi_name, _stage(db_path, empty).kpi_unit) == ("FCR", "%")
        assert app.screen.view("stages").form.field("kpi_unit").value == "%"  # type: ignore[attr-defined]
        await _type_kpi(pilot, app, typed, "Search-to-ticket ratio")
        row = _stage(db_path, typed)
        assert row.kpi_name == "Search-to-ticket ratio"
        assert row.kpi_unit == "searches per ticket"  # the room's unit stays


def test_tracker_step_is_done_when_every_open_item_has_an_owner_and_a_deadline() -> None:
    import datetime as dt

    from models.db.journey import Journey
    from models.db.tables import HypothesisCard, PlanTask, Workshop
    from models.rules.progress import step_states

    j = Journey(workshop=Workshop(id=1))
    assert step_states(j)["tracker"].missing == "no cards or plan tasks yet"
    day = dt.date(2026, 3, 10)
    j.cards = [HypothesisCard(id=1, pain_point_id=1, owner="Ana", deadline=day),
               HypothesisCard(id=2, pain_point_id=2, status="dropped")]
    j.plan_tasks = [PlanTask(id=1, workshop_id=1, owner="", deadline=day)]
    state = step_states(j)["tracker"]
    assert not state.done and state.missing == "1 item without an owner or a deadline"
    j.plan_tasks[0].owner = "Bo"
    assert step_states(j)["tracker"].done
