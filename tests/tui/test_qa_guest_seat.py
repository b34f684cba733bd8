"""Fresh-eyes QA (session 5): a guest seat reaches one workshop and no file on the server.

A ``seat`` forced command (SSH) and a browser seat run as an account the guest does not own
(the shared ``workshop`` account, the server's account).  Found in tmux: such a guest's
tracker listed every workshop in the file (``w``), its Markdown named other workshops (the
review's "map … next"), ``i`` read any file that account can read as a ticket export, ``x``
wrote the action plan to any path it can write (``~/.ssh/authorized_keys``), and the to-be
copy (``f`` on Future state) opened a second workshop.  A forced-command guest cannot even
fetch a file written on the server (``restrict``: no scp, no shell).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.live import presence
from tests.helpers import SIZE, build_workshop, settle
from tui.app.app import JourneyApp
from tui.app.launch import build_app
from tui.dialogs.export import ExportDialog

OTHER = "Other team's secret map"


def two_workshops(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = build_workshop(store)
        store.create_workshop(title=OTHER, persona="CFO", scenario="Refund")
    return db, wid


def ssh_guest(db: Path, wid: int, step: str, role: str = "participant") -> JourneyApp:
    """The ``seat`` line's app; a lead guest is granted first (the line alone is a cap)."""
    if role == "lead":
        with Store(db, who="lea") as store:
            presence.grant(store, wid, "sam", "lead", account=store.account)
    return build_app(db, wid, step=step, who="sam", role=role, cap=role,
                     key="SHA256:abc", origin="127.0.0.1 50000 127.0.0.1 22")


@pytest.mark.parametrize("role", ["participant", "lead"])
async def test_an_ssh_guest_sees_only_its_workshop_in_the_tracker(tmp_path: Path,
                                                                  role: str) -> None:
    db, wid = two_workshops(tmp_path)
    app = ssh_guest(db, wid, "tracker", role)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert not app.screen.view("tracker").all_workshops
        assert not app.action_allowed("toggle_scope")
        summary = str(app.screen.view("tracker").query_one("#tracker-summary").render())
        assert "w = all workshops" not in summary  # no hint at a key the seat does not have


async def test_an_ssh_guest_writes_no_file_on_the_server(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = two_workshops(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    app = ssh_guest(db, wid, "cards")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        assert not app.action_allowed("export")
    after = sorted(p.name for p in tmp_path.iterdir())
    assert [p for p in after if not p.startswith("team.db")] == \
        [p for p in before if not p.startswith("team.db")]


async def test_an_ssh_guest_reads_no_file_on_the_server(tmp_path: Path) -> None:
    from tui.dialogs.ticket_import import TicketImportDialog

    db, wid = two_workshops(tmp_path)
    app = ssh_guest(db, wid, "stages")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert not isinstance(app.screen, TicketImportDialog)
        assert not app.action_allowed("import")


async def test_an_ssh_guest_makes_no_to_be_copy(tmp_path: Path) -> None:
    db, wid = two_workshops(tmp_path)
    app = ssh_guest(db, wid, "stages", "lead")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.action_allowed("make_future")
        await pilot.press("escape", "U")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
    with Store(db, who="check") as store:
        assert len(store.list_workshops()) == 2


async def test_a_browser_guest_s_markdown_names_no_other_workshop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def deliver_text(self: JourneyApp, file: Any, **kwargs: Any) -> str:
        calls.append(file.read())
        return "key"

    monkeypatch.setattr(JourneyApp, "deliver_text", deliver_text)
    db, wid = two_workshops(tmp_path)
    app = build_app(db, wid, step="cards", who="Kim", role="participant", grant="participant",
                    key="invite:1", origin="browser 127.0.0.1")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
    (text,) = calls
    assert "Admin locked out" in text and OTHER not in text


async def test_a_lead_at_the_box_keeps_every_workshop_and_files(tmp_path: Path) -> None:
    db, wid = two_workshops(tmp_path)
    app = build_app(db, wid, step="tracker", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.action_allowed("toggle_scope") and app.action_allowed("export")
        assert app.action_allowed("import") and app.action_allowed("make_future")
