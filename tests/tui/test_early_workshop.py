"""`journeymap open ID`: the scope step from plain sqlite3 while SQLModel and the store open.

The first screen of a workshop is on screen before the ORM is imported; the
store's journey is swapped in under it (same screen, same view).  Keys and pastes
that arrive in between are held and given back, in order, once the store is open:
nothing typed is lost and nothing is saved without the store.  No timings: a gate
holds the store's opening where a test needs "not open yet".
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual import events

from models.db.schema import StoreError
from models.db.store import Store
from tests.tui.early_open import early_screen, store_open
from tui.app.app import JourneyApp
from tui.screens.workshop import WorkshopScreen
from tui.widgets.forms import RecordForm

ROOT = Path(__file__).resolve().parents[2]


async def test_the_scope_step_shows_from_sqlite_before_the_store_opens(
        db_path: Path, wid: int, gate: threading.Event) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await early_screen(app, pilot)
        assert app.store is None  # the gate holds the store: this came from sqlite3
        assert type(app.journey.workshop).__name__ == "Row"  # type: ignore[union-attr]
        form = screen.query_one(RecordForm)
        assert form.field("title").value == "Admin locked out"
        assert form.field("persona").value == "Workspace admin (200 seats)"
        assert "opening" in app.sub_title  # the room can see why keys wait
        gate.set()
        await store_open(app, pilot)
        assert app.screen is screen  # swapped in under the same screen, not re-mounted
        assert type(app.journey.workshop).__name__ == "Workshop"  # type: ignore[union-attr]
        assert form.model is not None and form.model.__name__ == "Workshop"
        assert "opening" not in app.sub_title


async def _type_a_title(app: JourneyApp, pilot) -> None:  # noqa: ANN001
    await pilot.press("tab", *"Lockout v2", "enter")


async def _paste_a_persona(app: JourneyApp, pilot) -> None:  # noqa: ANN001
    await pilot.press("tab", "tab")  # held: Title, then Persona once open
    app.post_message(events.Paste("Billing admin"))
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize(("held", "field", "value"),
                         [(_type_a_title, "title", "Lockout v2"),
                          (_paste_a_persona, "persona", "Billing admin")],
                         ids=["typed", "pasted"])
async def test_input_on_the_early_screen_is_held_then_saved(
        db_path: Path, wid: int, gate: threading.Event,
        held: Callable[..., Awaitable[None]], field: str, value: str) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await early_screen(app, pilot)
        form = screen.query_one(RecordForm)
        before = form.field(field).value
        await held(app, pilot)
        assert form.field(field).value == before  # held, not typed yet
        gate.set()
        await store_open(app, pilot)
        for _ in range(100):
            if form.field(field).value == value:
                break
            await pilot.pause(0.01)
        assert form.field(field).value == value
    with Store(db_path, who="check") as s:
        assert getattr(s.get_workshop(wid), field) == value


async def test_a_step_key_on_the_early_screen_switches_once_open(
        db_path: Path, wid: int, gate: threading.Event) -> None:
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await early_screen(app, pilot)
        await pilot.press("3")
        assert screen.step == "scope"
        gate.set()
        await store_open(app, pilot)
        for _ in range(100):
            if screen.step == "touchpoints":
                break
            await pilot.pause(0.01)
        assert screen.step == "touchpoints"
        assert screen.query_one("#step-touchpoints").display


async def test_a_store_that_fails_after_the_early_screen_says_so(
        db_path: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = threading.Event()

    def failing_init(self: Store, *args: object, **kwargs: object) -> None:
        opened.wait(30)
        raise StoreError("The database is locked by another program.")

    monkeypatch.setattr(Store, "__init__", failing_init)
    app = JourneyApp(db_path, wid, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await early_screen(app, pilot)
        await pilot.press("tab", *"lost?")
        opened.set()
        await app.workers.wait_for_complete()
        for _ in range(200):
            if not isinstance(app.screen, WorkshopScreen):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        assert not isinstance(app.screen, WorkshopScreen)
        assert "locked by another program" in str(app.query_one("#loading").render())
        assert app.sub_title == "not opened"


def test_the_scope_step_is_drawn_before_sqlmodel_is_imported(db_path: Path, wid: int) -> None:
    """In a fresh interpreter: the early scope step is up while ``sqlmodel`` is not loaded."""
    script = f"""
import asyncio, sys, threading
from tui.app.app import JourneyApp
from tui.screens.workshop import WorkshopScreen
gate = threading.Event()
real = JourneyApp._open_orm
def held(self):
    gate.wait(30)
    return real(self)
JourneyApp._open_orm = held
async def main():
    app = JourneyApp({str(db_path)!r}, {wid}, who="t")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(1000):
            if isinstance(app.screen, WorkshopScreen) and app.screen.query("#scope-form"):
                break
            await pilot.pause(0.01)
        await pilot.pause()
        print("early", isinstance(app.screen, WorkshopScreen),
              "sqlmodel" in sys.modules, "sqlalchemy" in sys.modules)
        gate.set()
        await app.workers.wait_for_complete()
asyncio.run(main())
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=True)
    assert "early True False False" in out.stdout, out.stdout + out.stderr


async def test_collection_paused_for_start_up_resumes_once_the_store_is_open(
        db_path: Path, wid: int) -> None:
    """``run_app`` pauses the garbage collector while Textual and the first screen load
    (~40 ms of CPU of full passes that find nothing); the app resumes it."""
    import gc

    gc.disable()
    try:
        app = JourneyApp(db_path, wid, who="tester")
        async with app.run_test(size=(80, 24)) as pilot:
            await store_open(app, pilot)
            assert gc.isenabled()
    finally:
        gc.enable()


def test_run_app_pauses_collection_before_importing_textual(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    import gc

    from tui.app import launch

    seen: list[bool] = []

    class Fake:
        return_code = 0

        def run(self) -> None:
            seen.append(gc.isenabled())

    monkeypatch.setattr(launch, "build_app", lambda *a, **k: Fake())
    monkeypatch.setattr(launch, "terminal_missing", lambda: False)
    try:
        launch.run_app(None)
    finally:
        gc.enable()
    assert seen == [False]
