"""Ticket data tied to the map from the TUI, by keys alone: map a category to a stage and a
pain point (Data screen ``m``), fill the map from the data (``a``), a stage's KPI baseline
from data (Stages ``b``), a card's signal tied to a metric and a target (Cards ``m``).
Every action calls the CLI's model function, observers are refused, and category names are
data (rendered literally).  Snapshots of the mapping dialog and of the Data screen after
mapping at 80x24 and 120x40."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from models.db.store import Store
from models.db.tables.cards import HypothesisCard
from models.db.tables.seats import Participant
from models.db.tables.tickets import TicketSource
from models.tickets import links as ticket_links
from models.tickets import storage
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, build_workshop, settle
from tui.app.launch import build_app
from tui.dialogs.card_signal import CardSignalDialog
from tui.dialogs.common import ConfirmScreen, PickScreen
from tui.dialogs.ticket_map import CategoryMapDialog
from tui.screens.data import DataScreen
from tui.widgets.long_text import LongText

FIXTURES = Path(__file__).parent.parent / "models" / "tickets" / "fixtures"
ZENDESK = FIXTURES / "zendesk_tickets.csv"
SIZES = [(80, 24), (120, 40)]
HOSTILE = "[red]Bill[/red] & <b>x</b> [link=x]"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


def _fixed_date(store: Store, wid: int) -> None:
    with store.write() as s:  # a fixed import date for the snapshots
        for src in store.load(wid).ticket_sources:
            src.imported_at = src.imported_at.replace(year=2026, month=3, day=19)
            s.add(src)


def measured(db_path: Path, tmp_path: Path, *, card: bool = False) -> int:
    """The 'Admin locked out' map (typed evidence and baselines) with Zendesk readings."""
    copy = tmp_path / "zendesk_march_april.csv"
    shutil.copy(ZENDESK, copy)
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
        storage.import_file(store, wid, copy)
        _fixed_date(store, wid)
        if card:
            store.add(HypothesisCard(pain_point_id=int(store.load(wid).pain_points[0].id or 0),
                                     experiment="Send the reset link by SMS"))
    return wid


def links(db_path: Path, wid: int) -> dict[str, dict[str, int]]:
    with Store(db_path) as store:
        return dict(json.loads(store.load(wid).ticket_sources[-1].links or "{}"))


async def open_data(pilot: Any) -> DataScreen:
    await settle(pilot)
    await pilot.press("escape", "T")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, DataScreen)
    return screen


async def test_map_a_category_to_a_stage_and_a_pain_point_by_keys(db_path: Path,
                                                                  tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_data(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)  # which category? largest first
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CategoryMapDialog) and dialog.category == "Question"
        await pilot.press("4")  # stage 4, then the pain point list has the focus
        await settle(pilot)
        await pilot.press("down", "enter")  # the first pain point
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DataScreen)
        table = screen.query_one("#mapping", DataTable)
        row = [cell.plain for cell in table.get_row_at(table.cursor_row)]
        assert row[0] == "Question" and row[2] == "Triage & Diagnosis"
        assert row[3].startswith("#1 Reset link loops")
        await pilot.press("enter")  # Enter on a mapped row: its dialog, then undo the stage
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CategoryMapDialog) and dialog.category == "Question"
        await pilot.press("end", "tab", "enter")  # stage: "no stage (unmap)"; pain: keep
        await settle(pilot)
        row = [cell.plain for cell in table.get_row_at(table.cursor_row)]
        assert row[2] == "—" and row[3].startswith("#1 Reset link loops")
        await pilot.press("m", "4", "enter")  # m on the Mapping tab: the highlighted row
        await settle(pilot)
    with Store(db_path) as store:
        journey = store.load(wid)
        stage4 = journey.stages[3]
        assert links(db_path, wid) == {"Question": {"stage": stage4.id,
                                                    "pain": journey.pain_points[0].id}}
        # the pain point's volume comes from the category's latest complete month (the
        # export ends on 2024-04-10, so 2024-03: 3)
        assert journey.pain_points[0].ticket_volume == 3
        assert stage4.kpi_baseline == 26.0  # typed: not replaced by a mapping


async def test_escape_in_the_mapping_dialog_changes_nothing(db_path: Path,
                                                            tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_data(pilot)
        await pilot.press("m", "enter")
        await settle(pilot)
        await pilot.press("2", "escape")
        await settle(pilot)
        assert isinstance(app.screen, DataScreen)
    assert links(db_path, wid) == {}


async def test_fill_the_map_from_data_asks_before_replacing_typed_values(
        db_path: Path, tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    with Store(db_path, who="tester") as store:
        ticket_links.set_link(store, wid, "Question", stage="4")
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_data(pilot)
        await pilot.press("a")  # nothing is empty: it asks whether to replace
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, DataScreen)
    with Store(db_path) as store:
        journey = store.load(wid)
        assert journey.workshop.evidence_ticket_volume == 6  # 2024-04, all tickets
        assert journey.stages[3].kpi_baseline == pytest.approx(3.0)  # Question TTR 2024-03
        assert journey.stages[0].kpi_baseline == 0.42  # no category mapped: kept


async def test_a_stage_baseline_from_data_on_the_stages_step(db_path: Path,
                                                             tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    with Store(db_path, who="tester") as store:
        ticket_links.set_link(store, wid, "Question", stage="4")
    app = build_app(db_path, wid, step="stages", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")  # stage 1: no category mapped -> the reason, nothing asked
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen | PickScreen)
        notes = [n.message for n in app._notifications]
        assert any("no ticket category is mapped to this stage" in n for n in notes)
        await pilot.press("down", "down", "down", "b")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)  # 26 was typed: ask first
        await pilot.press("y")
        await settle(pilot)
    with Store(db_path) as store:
        stages = store.load(wid).stages
        assert stages[3].kpi_baseline == pytest.approx(3.0)
        assert stages[0].kpi_baseline == 0.42


async def test_tie_a_card_signal_to_a_metric_and_a_target(db_path: Path,
                                                          tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path, card=True)
    app = build_app(db_path, wid, step="cards", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CardSignalDialog)
        await pilot.press("enter")  # metric: tickets (the first)
        await pilot.press("down", "down", "down", "enter")  # category = Question
        await settle(pilot)
        await pilot.press(*"lots", "enter")  # not a target: the dialog says why and stays
        await settle(pilot)
        assert app.screen is dialog
        assert "is not a change such as -30%" in str(
            dialog.query_one("#signal-error", Static).render())
        dialog.query_one("#target", Input).value = ""
        await pilot.press(*"-30%", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, CardSignalDialog)
        notes = [n.message for n in app._notifications]
        assert any("no data (only the baseline (2024-03); 2024-04 has data only to "
                   "2024-04-10" in n for n in notes)
    with Store(db_path) as store:
        [card] = store.load(wid).cards
        assert (card.signal_metric, card.signal_group) == ("tickets", "category=Question")
        assert (card.signal_target, card.signal_relative) == (-0.3, True)


async def test_an_observer_gets_none_of_the_ticket_edits(db_path: Path,
                                                         tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path, card=True)
    with Store(db_path, who="tester") as store:
        store.add(Participant(workshop_id=wid, name="eve", role="observer"))
        before = store.load(wid)
    for step, keys in (("scope", ("escape", "T", "m", "a")), ("stages", ("b",)),
                       ("cards", ("m",))):
        app = build_app(db_path, wid, step=step, who="eve", role="observer")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            for key in keys:
                await pilot.press(key)
                await settle(pilot)
                assert not isinstance(app.screen, CategoryMapDialog | CardSignalDialog |
                                      PickScreen | ConfirmScreen)
    with Store(db_path) as store:
        after = store.load(wid)
        assert after.workshop.updated_at == before.workshop.updated_at
        assert [s.kpi_baseline for s in after.stages] == [s.kpi_baseline for s in before.stages]
        assert after.cards[0].signal_metric == ""
        assert links(db_path, wid) == {}


async def test_hostile_category_names_are_shown_literally(db_path: Path,
                                                          tmp_path: Path) -> None:
    export = tmp_path / "home.csv"
    export.write_text("id,created,resolved,category\n"
                      f'1,2024-03-01,2024-03-02,"{HOSTILE}"\n'
                      "2,2024-03-02,2024-03-03,Login\n"
                      f'3,2024-03-04,2024-03-05,"{HOSTILE}"\n', encoding="utf-8")
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
        storage.import_file(store, wid, export)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_data(pilot)
        await pilot.press("m")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickScreen)
        prompt = picker.query_one(OptionList).get_option_at_index(0).prompt
        assert getattr(prompt, "plain", "").startswith(HOSTILE)
        await pilot.press("enter")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CategoryMapDialog) and dialog.category == HOSTILE
        title = dialog.query_one(".dialog-title", Static).render()
        assert HOSTILE in str(title)
        await pilot.press("1", "enter")
        await settle(pilot)
        table = screen.query_one("#mapping", DataTable)
        assert any(table.get_row_at(i)[0].plain == HOSTILE for i in range(table.row_count))
    assert links(db_path, wid)[HOSTILE]["stage"] > 0
    with Store(db_path) as store:
        assert store.load(wid).ticket_sources[-1].links  # stored exactly (JSON-escaped)
        assert isinstance(store.load(wid).ticket_sources[-1], TicketSource)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_mapping_dialog_snapshot(snap_compare: Any, db_path: Path, tmp_path: Path,
                                 size: tuple[int, int]) -> None:
    wid = measured(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")

    async def run_before(pilot: Any) -> None:
        await open_data(pilot)
        await pilot.press("m", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_data_screen_after_mapping_snapshot(snap_compare: Any, db_path: Path, tmp_path: Path,
                                            size: tuple[int, int]) -> None:
    wid = measured(db_path, tmp_path)
    with Store(db_path, who="tester") as store:
        ticket_links.set_link(store, wid, "Incident", stage="3")
    app = build_app(db_path, wid, step="scope", who="tester")

    async def run_before(pilot: Any) -> None:
        await open_data(pilot)
        await pilot.press("m", "enter", "4", "down", "enter")  # Question: stage 4, pain #1
        await settle(pilot)
        pilot.app.sub_title = ""  # "saved HH:MM:SS": the clock is not part of the picture
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_card_signal_dialog_snapshot(snap_compare: Any, db_path: Path, tmp_path: Path,
                                     size: tuple[int, int]) -> None:
    wid = measured(db_path, tmp_path, card=True)
    app = build_app(db_path, wid, step="cards", who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_the_future_state_view_shows_projected_next_to_measured(db_path: Path,
                                                                      tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path, card=True)
    with Store(db_path, who="tester") as store:
        [card] = store.load(wid).cards
        store.update(HypothesisCard, int(card.id or 0), effect_kind="deflection",
                     effect_value=40.0)
        ticket_links.link_card(store, wid, int(card.id or 0), metric="tickets",
                          group="category=Question", target="-30%")
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "U")
        await settle(pilot)
        body = str(app.screen.query_one("#future-body", LongText).text)
        flat = " ".join(body.split())
        assert ("Projected vs measured: projected −40 % contacts (deflection 40 %); measured "
                "tickets of category=Question +33 % (3 in 2024-03, n=3 → 4 in 2024-04, n=4), "
                "worse (lower is better)") in flat


async def test_a_kpi_no_metric_matches_asks_which_metric(db_path: Path,
                                                         tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    with Store(db_path, who="tester") as store:
        ticket_links.set_link(store, wid, "Question", stage="1")  # "Search-to-ticket ratio"
    app = build_app(db_path, wid, step="stages", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)  # which ticket metric measures it?
        await pilot.press("enter")  # tickets (the first)
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)  # 0.42 was typed
        await pilot.press("y")
        await settle(pilot)
    with Store(db_path) as store:
        stage = store.load(wid).stages[0]
        assert (stage.kpi_baseline, stage.kpi_unit) == (3.0, "tickets")


async def test_the_card_editor_ties_the_signal_with_ctrl_t(db_path: Path,
                                                           tmp_path: Path) -> None:
    from tui.dialogs.row_editor import RowEditor

    wid = measured(db_path, tmp_path, card=True)
    app = build_app(db_path, wid, step="cards", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RowEditor)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, CardSignalDialog)
        await pilot.press("enter", "enter", *"=5", "enter")  # tickets of all tickets, 5
        await settle(pilot)
        assert isinstance(app.screen, RowEditor)  # back in the editor
    with Store(db_path) as store:
        [card] = store.load(wid).cards
        assert (card.signal_metric, card.signal_group, card.signal_target,
                card.signal_relative) == ("tickets", "all", 5.0, False)
