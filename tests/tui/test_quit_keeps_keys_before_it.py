"""Keys read before ctrl+q are applied before the app quits (they were dropped).

Every key of a burst waits its turn while the key before it is still on its way
(``tui.widgets.typeahead``), but ctrl+q went past the queue: ``… Tab Chat Esc
ctrl+q`` read together quit with ``Chat`` still queued, and the channel was
never typed (tests/e2e/test_tmux_bursts.py, 1 run in 3-4 under load).  A second
ctrl+q still quits at once, whatever is queued.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable

from models.db.store import Store
from tests.helpers import build_workshop, until
from tests.tui.key_bursts import burst
from tui.app.launch import build_app


async def test_a_burst_ending_in_ctrl_q_is_typed_before_the_app_quits(db_path: Path) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
        count = len(s.load(wid).ordered_touchpoints())
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen.focused, DataTable)
                           and not app.held_input.busy, rounds=400)
        await pilot.pause()
        for event in burst("a", '"Opens chat"', "tab", '"Chat"', "escape", "ctrl+q"):
            app.post_message(event)
        assert await until([pilot], lambda: not app.is_running, rounds=400)
    with Store(db_path, who="check") as s:
        touchpoints = s.load(wid).ordered_touchpoints()
    assert len(touchpoints) == count + 1
    added = max(touchpoints, key=lambda tp: tp.id or 0)
    assert (added.name, added.channel) == ("Opens chat", "Chat")


async def test_a_second_ctrl_q_quits_at_once_while_keys_wait(db_path: Path) -> None:
    from tui.widgets.typeahead import VIEW, hold

    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: isinstance(app.screen.focused, DataTable)
                           and not app.held_input.busy, rounds=400)
        hold(app, VIEW)  # something on its way: what is read now waits for it
        for event in burst('"x"', "ctrl+q"):
            app.post_message(event)
        await pilot.pause()
        assert app.is_running and len(app.held_input.queue) == 2  # ctrl+q waits its turn
        app.post_message(burst("ctrl+q")[0])
        assert await until([pilot], lambda: not app.is_running, rounds=400)
