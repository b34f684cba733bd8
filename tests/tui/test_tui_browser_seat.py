"""A browser seat (``journeymap serve``) writes no files: every tab runs as the server's
OS account, so an export path typed in a browser would be written with the lead's rights
(a pain point's text exported over ``~/.ssh/authorized_keys`` is a shell)."""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from tests.helpers import SIZE, build_workshop, settle
from tui.app.launch import build_app
from tui.dialogs.export import ExportDialog


def workshop(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        return db, build_workshop(store)


async def test_a_browser_seat_has_no_export(tmp_path: Path) -> None:
    db, wid = workshop(tmp_path)
    app = build_app(db, wid, step="cards", who="Kim", role="participant", grant="participant",
                    key="invite:1", origin="browser 127.0.0.1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.session.action_allowed("export") is False
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)


async def test_an_ssh_seat_participant_still_exports(tmp_path: Path) -> None:
    db, wid = workshop(tmp_path)
    app = build_app(db, wid, step="cards", who="Kim", role="participant", grant="participant",
                    key="SHA256:abc")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.session.action_allowed("export") is True
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog), (app.screen, app.focused)
