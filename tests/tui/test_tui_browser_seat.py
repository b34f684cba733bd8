"""A browser seat (``journeymap serve``) writes no files on the server: every tab runs as
the server's OS account, so an export path typed in a browser would be written with the
lead's rights (a pain point's text exported over ``~/.ssh/authorized_keys`` is a shell).
Its export goes to the visitor's browser as a download instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import SIZE, build_workshop, settle
from tui.app.app import JourneyApp
from tui.app.launch import build_app
from tui.dialogs.export import ExportDialog


def workshop(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        return db, build_workshop(store)


@pytest.fixture
def delivered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    calls: list[tuple[str, dict[str, Any]]] = []

    def deliver_text(self: JourneyApp, file: Any, **kwargs: Any) -> str:
        calls.append((file.read(), kwargs))
        return "key"

    monkeypatch.setattr(JourneyApp, "deliver_text", deliver_text)
    return calls


async def test_a_browser_seat_s_export_goes_to_the_browser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        delivered: list[tuple[str, dict[str, Any]]]) -> None:
    db, wid = workshop(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    app = build_app(db, wid, step="cards", who="Kim", role="participant", grant="participant",
                    key="invite:1", origin="browser 127.0.0.1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)  # no path to type
        (text, options), = delivered
        assert "Admin locked out" in text and text.startswith("#")
        assert options["save_filename"] == "admin-locked-out-action-plan.md"
        assert any("browser" in str(n.message) for n in app._notifications)
    after = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("team.db"))
    assert after == [p for p in before if not p.startswith("team.db")]


async def test_an_ssh_seat_participant_exports_nothing_on_the_server(
        tmp_path: Path, delivered: list[tuple[str, dict[str, Any]]]) -> None:
    """Session 5: a forced-command guest runs as the shared workshop account too, and cannot
    fetch a file from the server (``restrict``: no scp): no path, no download
    (tests/tui/test_qa_guest_seat.py)."""
    db, wid = workshop(tmp_path)
    app = build_app(db, wid, step="cards", who="Kim", role="participant", grant="participant",
                    key="SHA256:abc")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
    assert delivered == []
