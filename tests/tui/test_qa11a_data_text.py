"""The Data screen shows what a ticket export holds as data: a category or a file name
with a terminal escape sequence in it never reaches the terminal as one (found by
fresh-eyes QA: a category ``\\x1b[31mred`` turned the row red and shifted its columns)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from models.db.store import Store
from models.tickets import storage
from tests.helpers import import_dialog, settle
from tui.app.launch import build_app
from tui.screens.data import DataScreen

ESC = "\x1b[31m"


def hostile_import(db_path: Path, tmp_path: Path) -> int:
    export = tmp_path / f"{ESC}march.csv"
    export.write_text("id,created_at,solved_at,category\n"
                      f"1,2026-02-01 10:00,2026-02-01 12:00,{ESC}red\n"
                      "2,2026-02-02 10:00,2026-02-02 12:00,[bold]Pw[/] reset\n",
                      encoding="utf-8")
    with Store(db_path, who="tester") as store:
        wid = int(store.create_workshop(title="Escapes").id or 0)
        storage.import_file(store, wid, export)
    return wid


async def test_escape_sequences_in_an_export_show_as_marks(db_path: Path,
                                                           tmp_path: Path) -> None:
    wid = hostile_import(db_path, tmp_path)
    app = build_app(db_path, wid, step="scope", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")  # the Data screen, from the first step
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DataScreen)
        latest = screen.query_one("#latest", DataTable)
        names = [str(latest.get_row_at(i)[0]) for i in range(latest.row_count)]
        assert "[bold]Pw[/] reset" in names  # markup stays literal
        assert "␛[31mred" in names
        sources = str(screen.query_one("#sources", Static).render())
        assert "␛[31mmarch.csv" in sources
        assert not any("\x1b" in name for name in [*names, sources])


async def test_escape_sequences_in_an_export_header_show_as_marks(db_path: Path,
                                                                 tmp_path: Path) -> None:
    """The import dialog names the columns it found and offers the header's columns to
    choose from: a header is the file's text, shown as data like any other."""
    odd = tmp_path / "home.csv"
    odd.write_text(f"Ref,{ESC}Logged date,Raised date,Topic\nA1,2024-03-01,2024-03-02,Login\n"
                   "A2,2024-03-02,2024-03-03,Billing\n", encoding="utf-8")
    async with import_dialog(db_path, (100, 40)) as (_app, pilot, dialog, _wid):
        dialog.query_one("#path", Input).value = str(odd)
        await dialog.inspect()
        await settle(pilot)
        found = str(dialog.query_one("#plan", Static).render())
        offered = [str(label) for label, _ in dialog.query_one("#map-created", Select)._options]
        assert "␛[31mLogged date" in offered
        assert not any("\x1b" in text for text in [found, *offered])
