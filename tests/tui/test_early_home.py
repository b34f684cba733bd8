"""Home lists the portfolio from plain sqlite3 while the store (SQLModel) opens."""

from __future__ import annotations

import threading
from pathlib import Path

from textual.widgets import DataTable

from models.db import light
from models.db.store import Store
from tui.app.app import JourneyApp


def test_light_list_matches_the_store(db_path: Path) -> None:
    with Store(db_path, who="t") as store:
        store.create_workshop(title="Ünïcode [b]not markup[/b]", persona="p", scenario="s")
        store.create_workshop(title="second")
        want = [(w.id, w.title, w.persona, w.scenario, w.current_step, w.updated_at)
                for w in store.list_workshops()]
    got = light.list_workshops(db_path)
    assert got is not None
    assert [(w.id, w.title, w.persona, w.scenario, w.current_step, w.updated_at)
            for w in got] == want


def test_light_list_leaves_other_files_to_the_store(tmp_path: Path) -> None:
    assert light.list_workshops(tmp_path / "missing.db") is None
    other = tmp_path / "other.db"
    other.write_bytes(b"not a database at all")
    assert light.list_workshops(other) is None


async def test_the_early_home_lists_before_the_store_and_opens_after(db_path: Path,
                                                                    monkeypatch) -> None:  # noqa: ANN001
    with Store(db_path, who="t") as store:
        wid = int(store.create_workshop(title="Early bird").id or 0)
    release = threading.Event()
    real_init = Store.__init__

    def slow_init(self: Store, *args: object, **kwargs: object) -> None:
        release.wait(10)  # the store opens only when the test says so
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "__init__", slow_init)
    app = JourneyApp(db_path, who="tester")
    try:
        await _early_enter(app, release, wid)
    finally:
        release.set()


async def _early_enter(app: JourneyApp, release: threading.Event, wid: int) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(300):
            tables = app.screen.query("#workshops")
            if tables and tables.first(DataTable).row_count:
                break
            await pilot.pause(0.01)
        table = app.screen.query_one("#workshops", DataTable)
        assert app.store is None and table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        # The store is not open yet: the Enter waits for it (it used to be dropped with
        # "press Enter again"; keys typed behind it, such as ``t Down Enter``, then reached
        # the wrong screen or were lost: QA, session 8).
        assert app.journey is None and app.held_input.busy
        release.set()
        await app.workers.wait_for_complete()
        for _ in range(200):
            if app.journey is not None:
                break
            await pilot.pause(0.01)
        assert app.journey is not None and app.journey.workshop.id == wid
        for _ in range(400):  # the workshop screen it opened is up before the app quits
            if type(app.screen).__name__ == "WorkshopScreen" and not app.held_input.busy:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        assert type(app.screen).__name__ == "WorkshopScreen"


async def test_the_storage_import_waits_until_the_early_list_is_painted(
        db_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """SQLModel's import holds the interpreter for most of a third of a second: started
    while the early Home is still being drawn, it halves the speed of that drawing."""
    with Store(db_path, who="t") as store:
        for n in range(3):
            store.create_workshop(title=f"W{n}")
    seen: list[bool] = []
    real_init = Store.__init__

    def watching_init(self: Store, *args: object, **kwargs: object) -> None:
        seen.append(app.early_listed.is_set())
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "__init__", watching_init)
    app = JourneyApp(db_path, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == [True]
        assert app.screen.query_one("#workshops", DataTable).row_count == 3
