"""The Data screen's import (``T i``), as the person importing lives it (QA session 9).

1. Every note the import makes reaches the app, as the CLI prints them: a month an
   earlier file had (a second product's file silently replaced March's figures), a status
   word not known, the zone read from a header.
2. A long import runs off the interface's thread under a progress dialog; Esc stops it
   and nothing is stored (it used to be read after the import was written, as Back).
"""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from models.db.store import Store
from models.tickets import storage
from tests.helpers import import_dialog, screen_text, settle


def _write(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


async def test_the_app_says_which_months_an_import_replaced(tmp_path: Path) -> None:
    email = _write(tmp_path / "email.csv", [["Id", "Created at", "Status"],
                                            [1, "2024-03-04 09:00", "Open"],
                                            [2, "2024-03-05 09:00", "Open"]])
    chat = _write(tmp_path / "chat.csv", [["Id", "Created at", "Status"],
                                          [7, "2024-03-20 09:00", "archived"]])
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        with Store(tmp_path / "d.db", who="tester") as store:
            storage.import_file(store, wid, email)
        dialog.query_one("#path", Input).value = str(chat)
        await dialog.inspect()
        await settle(pilot)
        dialog.finish()
        await settle(pilot)
        said = " ".join(n.message for n in app._notifications)
        assert "2024-03 was imported before from email.csv" in said, said
        assert "Imported 1 ticket (2024-03):" in said, said  # one ticket, not "1 tickets"


async def test_esc_while_an_import_reads_stops_it_and_stores_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The import is held after its first batch until Esc has been pressed, so the test
    does not race the file: Pilot waits for an idle app between keys, and a real import
    keeps it busy."""
    from tui.dialogs.import_progress import ImportProgress

    tickets = _write(tmp_path / "t.csv", [["Id", "Created at", "Status"],
                                          [1, "2024-03-04 09:00", "Open"]])
    pressed = threading.Event()
    real = storage.import_file

    def held(*args: Any, progress: Any, **kwargs: Any) -> Any:
        progress(100_000)  # the first batch read
        assert pressed.wait(60)
        return real(*args, progress=progress, **kwargs)

    monkeypatch.setattr(storage, "import_file", held)
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(tickets)
        await dialog.inspect()
        await settle(pilot)
        data_screen = app.screen_stack[-2]
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # path, product, zone, Inspect
        for _ in range(200):
            await pilot.pause(0.02)
            if isinstance(app.screen, ImportProgress) and "100,000 rows read" in \
                    screen_text(app):
                break
        assert isinstance(app.screen, ImportProgress), "no progress while the file is read"
        assert "100,000 rows read" in screen_text(app)
        await pilot.press("escape")
        pressed.set()
        await settle(pilot)
        assert app.screen is data_screen  # Esc stopped the import, not the screen
        said = " ".join(n.message for n in app._notifications)
        assert "The import of t.csv was stopped; nothing was stored." in said, said
        with Store(tmp_path / "d.db") as store:
            assert store.load(wid).ticket_sources == []


async def test_an_import_that_fails_says_why_in_one_sentence(tmp_path: Path) -> None:
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(tmp_path / "t.csv")
        tickets = _write(tmp_path / "t.csv", [["Id", "Created at", "Status"],
                                              [1, "2024-03-04 09:00", "Open"]])
        await dialog.inspect()
        await settle(pilot)
        tickets.unlink()  # gone between Inspect and Import
        await pilot.press("tab", "tab", "tab", "tab", "enter")  # path, product, zone, Inspect
        await settle(pilot)
        assert not isinstance(app.screen, type(dialog))
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and "Traceback" not in errors[0], errors
        assert "t.csv" in errors[0], errors
        with Store(tmp_path / "d.db") as store:
            assert store.load(wid).ticket_sources == []


async def test_a_json_export_is_imported_from_the_data_screen(tmp_path: Path) -> None:
    """Session 10: a Zendesk API dump is planned in the dialog with its nested field names
    and imported, its JSON note said; refused as "not a CSV export" before."""
    import json

    export = tmp_path / "incremental.json"
    export.write_text(json.dumps({"tickets": [
        {"id": 1, "created_at": "2024-03-04T09:00:00Z", "status": "solved",
         "via": {"channel": "email"}, "requester_id": 1, "submitter_id": 1, "assignee_id": 2},
        {"id": 2, "created_at": "2024-03-05T09:00:00Z", "status": "open",
         "via": {"channel": "web"}, "requester_id": 1, "submitter_id": 1, "assignee_id": 2}],
        "end_of_stream": True}), encoding="utf-8")
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(export)
        await dialog.inspect()
        await settle(pilot)
        from textual.widgets import Static

        planned = str(dialog.query_one("#plan", Static).render())
        assert planned.startswith("zendesk:") and "channel = via.channel" in planned, planned
        dialog.finish()
        await settle(pilot)
        said = " ".join(n.message for n in app._notifications)
        assert "Imported 2 tickets (2024-03):" in said, said
        assert "JSON: 2 records read from 'tickets'" in said, said
        with Store(tmp_path / "d.db") as store:
            sources = store.load(wid).ticket_sources
        assert [(s.file_name, s.product, s.tickets) for s in sources] == [
            ("incremental.json", "zendesk", 2)]
