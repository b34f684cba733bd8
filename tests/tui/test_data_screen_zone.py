"""The import dialog's time zone (``tickets import --zone`` on the Data screen): the times
without a zone are read in it, the Data screen says the zone used, and a bad name is one
red sentence in the dialog, which stays open with nothing imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from models.db.store import Store
from tests.helpers import import_dialog, screen_text, settle

SERVICENOW_LOCAL = ("number,opened_at,state,resolved_at,sys_updated_on\n"
                    "INC0020001,2024-03-05 16:30:00,Resolved,2024-03-06 09:30:00,"
                    "2024-03-06 09:30:00\n")


@pytest.fixture
def incidents(tmp_path: Path) -> Path:
    """A ServiceNow list written in the exporting user's zone, with no suffix."""
    path = tmp_path / "incidents.csv"
    path.write_text(SERVICENOW_LOCAL, encoding="utf-8")
    return path


async def _import(pilot: Any, dialog: Any, path: Path, zone: str) -> None:
    """The dialog as the person fills it: the path, Inspect, the zone, Import."""
    dialog.query_one("#path", Input).value = str(path)
    await dialog.inspect()
    await settle(pilot)
    dialog.query_one("#zone", Input).value = zone
    dialog.finish()
    await settle(pilot)


async def test_the_dialog_zone_reads_the_times_and_the_data_screen_says_it(
        tmp_path: Path, incidents: Path) -> None:
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        await _import(pilot, dialog, incidents, "America/New_York")
        said = " ".join(n.message for n in app._notifications)
        assert "read in America/New_York, the zone given for the import" in said, said
        # the sources' line wraps where the screen ends: compared without spaces
        assert "timesinAmerica/New_York" in screen_text(app).replace(" ", "")
    with Store(tmp_path / "d.db", who="tester") as store:
        src = store.load(wid).ticket_sources[-1]
        # 16:30 New York (EST) is 21:30 UTC; read as UTC it would be 16:30
        assert src.zone == "America/New_York"
        assert src.data_from is not None and src.data_from.hour == 21


async def test_a_bad_zone_is_said_in_the_dialog_and_nothing_is_imported(
        tmp_path: Path, incidents: Path) -> None:
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        await _import(pilot, dialog, incidents, "Europe/Berln")
        assert app.screen is dialog
        shown = str(dialog.query_one("#plan", Static).render())
        assert shown.startswith("Time zone 'Europe/Berln' is not an IANA name"), shown
    with Store(tmp_path / "d.db", who="tester") as store:
        assert store.load(wid).ticket_sources == []
