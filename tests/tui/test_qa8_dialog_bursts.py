"""Keys read in one burst behind a key that opens a dialog belong to that dialog.

Found in tmux (QA, session 8): on Home, ``t Down Enter`` sent in one write
(a lead who knows the list) opened the workshop under the cursor instead of
creating one from the second template: ``Down`` and ``Enter`` reached the
workshop table before the template list had the focus.  Posting the keys to the
app without waiting is what one terminal read does (Pilot's ``press`` waits).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import DataTable

from models.db.store import Store
from tests.helpers import until
from tui.app.app import JourneyApp
from tui.screens.home import HomeScreen


def keys(*names: str) -> list[events.Key]:
    chars = {"enter": "\r", "down": None, "escape": "\x1b"}
    return [events.Key(name, chars.get(name, name if len(name) == 1 else None))
            for name in names]


async def test_t_down_down_enter_in_one_burst_on_home_creates_from_the_third_template(
        db_path: Path) -> None:
    from models.export.templates import list_templates

    third = list_templates()[2]
    with Store(db_path, who="tester") as store:
        store.create_workshop(title="Existing map", persona="p", scenario="s")
    app: Any = JourneyApp(db_path, who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen, HomeScreen)
                           and app.store is not None
                           and app.screen.query_one("#workshops", DataTable).row_count == 1
                           and not app.held_input.busy, rounds=400)
        await pilot.pause()
        for event in keys("t", "down", "down", "enter"):
            app.post_message(event)
        assert await until([pilot], lambda: not isinstance(app.screen, HomeScreen)
                           and not app.held_input.busy, rounds=400)
        await pilot.pause()
    with Store(db_path, who="check") as store:
        personas = sorted(w.persona for w in store.list_workshops())
    assert personas == sorted(["p", third.persona]), personas


async def test_the_same_burst_while_home_still_shows_the_early_list(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Home is drawn from a plain read before the store opens; a lead who starts typing
    then (``t Down Down Enter`` 0.3 s after Home shows, in tmux: 3 times in 4 the
    existing workshop opened, once nothing happened) gets the third template too."""
    from models.export.templates import list_templates

    third = list_templates()[2]
    with Store(db_path, who="tester") as store:
        store.create_workshop(title="Existing map", persona="p", scenario="s")
    release = threading.Event()
    real_init = Store.__init__

    def slow_init(self: Store, *args: object, **kwargs: object) -> None:
        release.wait(10)  # the store opens when the test says so
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "__init__", slow_init)
    app: Any = JourneyApp(db_path, who="tester")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert await until([pilot], lambda: isinstance(app.screen, HomeScreen)
                               and app.screen.query("#workshops")
                               and app.screen.query_one("#workshops", DataTable).row_count == 1,
                               rounds=400)
            assert app.store is None  # still the early list
            for event in keys("t", "down", "down", "enter"):
                app.post_message(event)
            await pilot.pause()
            release.set()
            assert await until([pilot], lambda: not isinstance(app.screen, HomeScreen)
                               and not app.held_input.busy, rounds=400)
            await pilot.pause()
    finally:
        release.set()
    monkeypatch.undo()
    with Store(db_path, who="check") as store:
        personas = sorted(w.persona for w in store.list_workshops())
    assert personas == sorted(["p", third.persona]), personas
