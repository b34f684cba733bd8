"""The Data screen: reachable by key and palette, KPI history with trends, import through
the dialog with a column-mapping step; observers can look but not import; snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select, Sparkline

from models.db.store import Store
from models.db.tables.seats import Participant
from models.tickets import editing, storage
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, import_dialog, settle
from tui.app.launch import build_app
from tui.screens.data import DataScreen

FIXTURES = Path(__file__).parent.parent / "models" / "tickets" / "fixtures"
ZENDESK = FIXTURES / "zendesk_tickets.csv"
SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


def measured(db_path: Path, tmp_path: Path) -> int:
    copy = tmp_path / "zendesk_march_april.csv"
    shutil.copy(ZENDESK, copy)
    with Store(db_path, who="tester") as store:
        wid = int(store.create_workshop(title="Billing disputes").id or 0)
        storage.import_file(store, wid, copy)
        with store.write() as s:  # a fixed import date for the snapshots
            for src in store.load(wid).ticket_sources:
                src.imported_at = src.imported_at.replace(year=2026, month=3, day=19)
                s.add(src)
    return wid


async def test_data_screen_by_key_shows_history_and_trend(db_path: Path,
                                                          tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        assert isinstance(app.screen, DataScreen)
        table = app.screen.query_one("#kpis", DataTable)
        assert table.row_count >= 8
        assert app.screen.query_one(Sparkline).data == [6.0, 6.0]
        await pilot.press("down", "down", "down", "down")  # TTR median: 14 h then 5.5 h
        await settle(pilot)
        assert app.screen.query_one(Sparkline).data == [14.0, 5.5]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, DataScreen)


async def test_import_dialog_asks_for_an_ambiguous_column(db_path: Path,
                                                          tmp_path: Path) -> None:
    odd = tmp_path / "home.csv"
    odd.write_text("Ref,Logged date,Raised date,Topic\nA1,2024-03-01,2024-03-02,Login\n"
                   "A2,2024-03-02,2024-03-03,Billing\n", encoding="utf-8")
    async with import_dialog(db_path, (100, 40)) as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(odd)
        await dialog.inspect()
        await settle(pilot)
        select = dialog.query_one("#map-created", Select)
        select.value = "Raised date"
        dialog.finish()
        await settle(pilot)
        assert isinstance(app.screen, DataScreen)
    with Store(db_path) as store:
        [src] = store.load(wid).ticket_sources
        assert '"created": "Raised date"' in src.columns


async def test_an_observer_sees_the_data_but_cannot_import(db_path: Path,
                                                           tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    with Store(db_path, who="tester") as store:
        store.add(Participant(workshop_id=wid, name="eve", role="observer"))
    app = build_app(db_path, wid, step="scope", who="eve", role="observer")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        assert isinstance(app.screen, DataScreen)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, DataScreen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_data_screen_snapshot(snap_compare: Any, db_path: Path, tmp_path: Path,
                              size: tuple[int, int]) -> None:
    wid = measured(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_the_data_screen_shows_the_business_hours(db_path: Path, tmp_path: Path) -> None:
    wid = measured(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        assert "Business hours" not in str(app.screen.query_one("#sources").render())
    with Store(db_path, who="tester") as store:
        editing.set_hours(store, wid, days="mon-fri", start="08:00", end="18:00",
                          tz="Europe/Berlin", holidays=["2026-12-25"])
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        shown = str(app.screen.query_one("#sources").render())
        assert "Business hours: Mon-Fri 08:00-18:00 Europe/Berlin, 1 holiday (2026-12-25)" in shown


async def test_good_bad_answers_show_a_satisfied_share_not_na(db_path: Path,
                                                              tmp_path: Path) -> None:
    """Zendesk's Good/Bad answers have no 1-5 mean: the History tab must still show what they
    measure (the satisfied share), not only a CSAT row of "n/a"."""
    wid = measured(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        table = app.screen.query_one("#kpis", DataTable)
        row = table.get_row("csat_satisfied_share")
        assert str(row[0]) == "CSAT satisfied"
        assert "%" in str(row[3])


async def test_the_column_choice_is_visible_at_80x24(db_path: Path, tmp_path: Path) -> None:
    """A home-made export with two id columns (a ticket and a case reference): at 80x24 the
    question and its choice must both be on screen, not clipped below the dialog's edge."""
    jsm = tmp_path / "two_ids.csv"
    jsm.write_text("Summary,Ticket ID,Case ID,Type,Status,Priority,Created,Updated,"
                   "Resolved\nLogin,SD-1,10001,Service request,Done,Medium,2024-03-04 09:00,"
                   "2024-03-04 13:00,2024-03-04 13:00\nLaptop,SD-2,10002,Incident,"
                   "In Progress,High,2024-03-13 14:30,2024-03-14 09:00,\n", encoding="utf-8")
    async with import_dialog(db_path, (80, 24)) as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(jsm)
        await dialog.inspect()
        await settle(pilot)
        select = dialog.query_one("#map-id", Select)
        for widget in (select, dialog.query_one("#import")):
            where = dialog.find_widget(widget)
            assert where.region.intersection(where.clip).height >= 3, (widget, where)
