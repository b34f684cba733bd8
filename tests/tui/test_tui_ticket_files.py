"""The import dialog offers the products of the one list in ``models.tickets.profiles`` and
says what is wrong with a path in one sentence (nothing imported)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Button, Input, Select, Static

from models.db.store import Store
from models.tickets.profiles import SOURCES
from models.vocab import TODAY_ENV
from tests.helpers import TODAY, data_screen_of, import_dialog, settle
from tui.dialogs.ticket_import import TicketImportDialog


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())


def _said(dialog: TicketImportDialog) -> str:
    shown = dialog.query_one("#plan", Static).render()
    return shown.plain if isinstance(shown, Text) else str(shown)


async def test_the_dialog_lists_the_sources_and_names_a_bad_path(db_path: Path,
                                                                 tmp_path: Path) -> None:
    async with import_dialog(db_path, (80, 24)) as (app, pilot, dialog, wid):
        select = dialog.query_one("#source", Select)
        assert [value for _, value in select._options] == list(SOURCES)
        for typed, said in (
            ("", "Type the path of a ticket export (a CSV or JSON file)."),
            (str(tmp_path / "nope.csv"), f"{tmp_path / 'nope.csv'}: there is no such file."),
            (str(tmp_path), f"{tmp_path}: this is a folder, not a file."),
        ):
            dialog.query_one("#path", Input).value = typed
            await dialog.inspect()
            await settle(pilot)
            assert _said(dialog) == said
            assert dialog.query_one("#import", Button).disabled
    with Store(db_path) as store:
        assert store.load(wid).ticket_sources == []


async def test_the_n_column_is_the_n_of_each_kpi(db_path: Path, tmp_path: Path) -> None:
    from textual.widgets import DataTable

    zendesk = Path(__file__).parent.parent / "models" / "tickets" / "fixtures" / \
        "zendesk_tickets.csv"
    async with data_screen_of(db_path, zendesk) as (app, _pilot):
        table = app.screen.query_one("#kpis", DataTable)
        rows = {str(key.value): [c.plain for c in table.get_row(key)]
                for key in table.rows}
        # April (tickets 7-12, the export ends on the 10th: marked partial): 6 tickets;
        # resolved 7, 8, 9, 11 -> TTR over 4; answered surveys Good (7), Bad (11) -> 2;
        # reopen counts on all 6; open 10 and 12 -> backlog over 2.
        n = {metric: cells[-1] for metric, cells in rows.items()}
        assert n["tickets"] == "6"
        assert n["ttr_median_hours"] == "4" and n["ttr_p90_hours"] == "4"
        assert n["csat_satisfied_share"] == "2"
        assert n["reopen_rate"] == "6"
        assert n["backlog_open"] == "2"
        assert rows["tickets"][3].startswith("2024-04*")
        footnote = str(app.screen.query_one("#reason-text", Static).render())
        assert "* 2024-04 has data only to 2024-04-10 (a partial month)" in footnote
        assert "n: tickets behind each latest figure (CSAT: answered surveys" in footnote


async def test_an_import_from_the_dialog_says_which_month_is_partial(db_path: Path) -> None:
    zendesk = Path(__file__).parent.parent / "models" / "tickets" / "fixtures" / \
        "zendesk_tickets.csv"
    async with import_dialog(db_path, (80, 24)) as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(zendesk)
        await dialog.inspect()
        await settle(pilot)
        dialog.finish()
        await settle(pilot)
        notes = [n.message for n in app._notifications]
        # Every note of the import is said, one per line, as the CLI prints them.
        said = [n for n in notes if n.startswith("Imported 12 tickets (2024-03, 2024-04):")]
        assert len(said) == 1, notes
        assert "\n• 2024-04 has data only to 2024-04-10, a partial month: the evidence " \
            "comes from 2024-03" in said[0], said
