"""Trust in the app (issue 10): observers export nothing, the export dialog protects the
database and asks before replacing, a forced-command seat has no Home, leads change roles."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.seats import Participant
from models.live import presence
from tests.helpers import outputs_workshop, settle
from tui.app.launch import build_app
from tui.dialogs.common import ConfirmScreen
from tui.dialogs.export import ExportDialog
from tui.dialogs.participants import ParticipantsDialog
from tui.screens.workshop import WorkshopScreen

SIZE = (100, 30)


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="tester") as store:
        return outputs_workshop(store)


def errors(app) -> list[str]:  # noqa: ANN001
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def test_observer_has_no_export_key_nor_palette_action(db_path: Path, wid: int,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    app = build_app(db_path, wid, step="cards", who="olga", role="observer")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, ExportDialog)
        view = app.screen.view()
        assert view.check_action("export", ()) is False
        commands = [c.title for c in app.screen.palette_commands()]
        assert not [c for c in commands if "Export" in c]
    assert list(here.iterdir()) == []


async def test_export_dialog_refuses_the_database_and_its_side_files(db_path: Path,
                                                                     wid: int) -> None:
    app = build_app(db_path, wid, step="plan")
    # Each refusal is counted at the end: none may expire first, whatever the load (at
    # load 27 the three rounds outlasted Textual's 5 s and the first refusal was gone).
    app.NOTIFICATION_TIMEOUT = 3600
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = db_path.read_bytes()
        for victim in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
            await pilot.press("x")
            await settle(pilot)
            app.screen.query_one("#export-path").value = str(victim)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, WorkshopScreen)
        assert len(errors(app)) == 3
        assert all("is the workshop database" in e for e in errors(app))
    with Store(db_path, who="check") as store:
        assert store.get_workshop(wid).title
    assert db_path.read_bytes()[:16] == before[:16]


async def test_export_asks_before_replacing_and_respects_the_umask(db_path: Path, wid: int,
                                                                   tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("keep me")
    old = os.umask(0o007)
    try:
        app = build_app(db_path, wid, step="plan")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            for answer in ("n", "y"):
                await pilot.press("x")
                await settle(pilot)
                app.screen.query_one("#export-path").value = str(target)
                await pilot.press("enter")
                await settle(pilot)
                assert isinstance(app.screen, ConfirmScreen)
                await pilot.press(answer)
                await settle(pilot)
                if answer == "n":
                    assert target.read_text() == "keep me"
        assert target.read_text().startswith("#")
        assert stat.S_IMODE(target.stat().st_mode) == 0o660
    finally:
        os.umask(old)


async def test_forced_command_seat_has_no_home(db_path: Path, wid: int) -> None:
    app = build_app(db_path, wid, step="cards", who="kim", cap="observer", role="observer",
                    key="SHA256:kim", origin="10.0.0.9:4242")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, WorkshopScreen)
        assert not [c for c in app.screen.palette_commands() if c.title == "Home"]
    with Store(db_path, who="check") as store, store.read() as s:
        kim = next(p for p in s.exec(__import__("sqlmodel").select(Participant))
                   if p.name == "kim")
    assert (kim.role, kim.key, kim.origin) == ("observer", "SHA256:kim", "10.0.0.9:4242")


async def test_lead_cycles_a_role_in_the_participants_dialog(db_path: Path, wid: int) -> None:
    with Store(db_path, who="tester") as store:
        presence.join(store, wid, "ana")
    app = build_app(db_path, wid, step="cards", who="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsDialog) and app.screen.can_grant
        names = [p.name for p in app.screen.people]
        app.screen.query_one("#participants").highlighted = names.index("ana")
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")
    with Store(db_path, who="check") as store:
        roles = {p.name: p.role for p in presence.participants(store, wid)}
    assert roles["ana"] == "observer"


async def test_participant_sees_roles_but_cannot_change_them(db_path: Path, wid: int) -> None:
    with Store(db_path, who="tester") as store:
        presence.join(store, wid, "ana")
    app = build_app(db_path, wid, step="cards", who="ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert isinstance(app.screen, ParticipantsDialog) and not app.screen.can_grant
        await pilot.press("r")
        await settle(pilot)
    with Store(db_path, who="check") as store:
        roles = {p.name: p.role for p in presence.participants(store, wid)}
    assert roles["ana"] == "participant"


async def test_home_delete_needs_a_lead_account(db_path: Path, wid: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from models.db import access

    monkeypatch.setattr(access, "current_account", lambda: "mallory")
    monkeypatch.setattr("models.db.store.current_account", lambda: "mallory")
    app = build_app(db_path, who="mallory")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        count = len(app.store.list_workshops())  # type: ignore[union-attr]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert len(app.store.list_workshops()) == count  # type: ignore[union-attr]
        assert any("Only a lead" in e for e in errors(app))
    with Store(db_path, who="check") as store:
        assert store.audit() == []
