"""Fresh-eyes QA (session 12): the palette's "Screenshot" wrote files from seats that write none.

Found over SSH at 80x24: kim's observer key (a ``seat`` forced command) opened the palette
(ctrl+p), typed "Screenshot" and pressed Enter; an SVG of the screen appeared in the guest
account's ``~/Downloads`` ("Saved screenshot to '/home/qa13guest/Downloads/…svg'"), as
often as it was pressed.  Textual adds that command to every app; writing it is an export
to the server's disk, which an observer and a forced-command guest must not do (the export
key and its palette entry are gone for them).  A lead on their own account keeps it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, settle
from tui.app.app import JourneyApp
from tui.app.launch import build_app

SIZE = (80, 24)


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:
        return build_workshop(store)


@pytest.fixture
def downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where Textual saves a screenshot of a seat in a terminal (``~/Downloads``)."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    monkeypatch.setattr("textual.app.user_downloads_path", lambda: folder)
    return folder


def palette_titles(app: JourneyApp) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


async def screenshot_from_the_palette(app: JourneyApp) -> list[str]:
    """Open the palette, type "Screenshot", press Enter; the palette's titles before."""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = palette_titles(app)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Screenshot", "enter")
        await settle(pilot)
        await pilot.pause(0.3)  # the command saves after a 0.1 s timer
        await settle(pilot)
    return titles


@pytest.mark.parametrize("seat", ["observer", "ssh participant", "ssh observer"])
async def test_a_seat_that_writes_no_file_has_no_screenshot(db_path: Path, wid: int,
                                                            downloads: Path, seat: str) -> None:
    if seat == "observer":
        app = build_app(db_path, wid, step="scope", who="kim", role="observer")
    else:
        role = seat.split()[1]
        app = build_app(db_path, wid, step="scope", who="sam", role=role, cap=role,
                        key="SHA256:abc", origin="127.0.0.1 50000 127.0.0.1 22")
    titles = await screenshot_from_the_palette(app)
    assert list(downloads.iterdir()) == []
    assert "Screenshot" not in titles


async def test_a_lead_on_their_own_account_keeps_the_screenshot(db_path: Path, wid: int,
                                                                downloads: Path) -> None:
    app = build_app(db_path, wid, step="scope", who="lea")
    titles = await screenshot_from_the_palette(app)
    assert "Screenshot" in titles
    assert [p.suffix for p in downloads.iterdir()] == [".svg"]
