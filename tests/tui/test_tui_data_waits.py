"""The Data screen shows the wait times stored per reading since schema 11 (requester wait,
agent wait, on hold) beside the other metrics, "n/a" with the reason when the export lacks
them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from models.db.store import Store
from models.tickets import storage
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, settle
from tui.app.launch import build_app
from tui.screens.data import DataScreen

FIXTURES = Path(__file__).parent.parent / "models" / "tickets" / "fixtures"
WAIT_ROWS = {"requester_wait_median_hours": "Requester wait",
             "agent_wait_median_hours": "Agent wait", "on_hold_median_hours": "On hold"}


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


def imported(db_path: Path, tmp_path: Path, fixture: str) -> int:
    copy = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, copy)
    with Store(db_path, who="tester") as store:
        wid = int(store.create_workshop(title="Waits").id or 0)
        storage.import_file(store, wid, copy)
    return wid


async def _rows(db_path: Path, wid: int) -> tuple[dict[str, list[str]], str]:
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        assert isinstance(app.screen, DataScreen)
        table = app.screen.query_one("#kpis", DataTable)
        rows = {str(key.value): [str(c) for c in table.get_row(key)] for key in table.rows}
        reasons = str(app.screen.query_one("#reason-text", Static).render())
    return rows, reasons


async def test_an_export_without_waits_shows_them_not_available_with_the_reason(
        db_path: Path, tmp_path: Path) -> None:
    rows, reasons = await _rows(db_path, imported(db_path, tmp_path, "zendesk_tickets.csv"))
    for key, label in WAIT_ROWS.items():
        assert rows[key][0] == label and rows[key][3].endswith("n/a")
    assert "Requester wait: not available, the export has no requester wait time column" \
        in reasons
    assert "On hold: not available, the export has no on-hold time column" in reasons


async def test_an_export_with_waits_shows_their_medians(db_path: Path, tmp_path: Path) -> None:
    """Zendesk's export with its wait columns added: 60 min requester wait, 30 min agent
    wait and 120 min on hold on every ticket, so each median is 1.0 h, 0.5 h and 2.0 h."""
    with (FIXTURES / "zendesk_tickets.csv").open(newline="", encoding="utf-8") as f:
        tickets = list(csv.DictReader(f))
    columns = {"Requester wait time in minutes": "60", "Agent wait time in minutes": "30",
               "On hold time in minutes": "120"}
    name = "zendesk_with_waits.csv"
    with (tmp_path / name).open("w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, [*tickets[0], *columns])
        out.writeheader()
        out.writerows({**t, **columns} for t in tickets)
    with Store(db_path, who="tester") as store:
        wid = int(store.create_workshop(title="Waits").id or 0)
        storage.import_file(store, wid, tmp_path / name)
    rows, _ = await _rows(db_path, wid)
    assert [rows[key][3].split(" ", 1)[1] for key in WAIT_ROWS] == ["1.0 h", "0.5 h", "2.0 h"]
