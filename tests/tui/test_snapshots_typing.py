"""Snapshot of a name field while keys sent at once still wait to be typed, at 80x24 and
120x40: "typing…" beside the field's label (``tui.widgets.still_typing``).

Review by eye: ``pytest --snapshot-update tests/tui/test_snapshots_typing.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from models.db.store import Store
from tests.helpers import build_workshop, until
from tests.tui.key_bursts import burst
from tui.app.launch import build_app
from tui.widgets import typeahead
from tui.widgets.still_typing import TYPING

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_field_with_keys_still_queued_says_typing(
        snap_compare: Any, db_path: Path, size: tuple[int, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typeahead, "SAFETY_S", 120.0)  # the keys wait until the snapshot
    with Store(db_path, who="tester") as store:
        wid = build_workshop(store)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")

    async def run_before(pilot: Any) -> None:
        assert await until([pilot], lambda: isinstance(app.screen.focused, DataTable)
                           and app.screen.focused.row_count > 0, rounds=400)
        await pilot.press("enter")
        assert await until([pilot], lambda: isinstance(app.screen.focused, Input)
                           and not app.held_input.busy, rounds=400)
        field = app.screen.focused
        field.cursor_blink = False  # a steady cursor: the blink is a clock
        typeahead.hold(app, typeahead.VIEW)
        for key in burst('"Opens chat"'):
            app.post_message(key)
        siblings = list(field.parent.children)
        caption = siblings[siblings.index(field) - 1]
        assert await until([pilot], lambda: TYPING in str(caption.render()), rounds=400)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
