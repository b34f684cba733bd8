"""A key read just after a dialog entered its first field is typed over the selection.

CI (session 17, tmux at 80x24): ``d`` on the Plan, then ``2026-03-02`` typed as the
dialog's title showed; the field saved ``026-03-02``.  The dialog released its held
keys the moment it focused the field, but the field's text is selected one refresh
later: a key read in between went into the field, was selected with the old date and
replaced by the next key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input

from models.db.store import Store
from tests.helpers import until
from tests.models.late_map import late_map
from tui.app.launch import build_app
from tui.dialogs.row_editor import RowEditor


async def test_a_key_read_between_focus_and_selection_replaces_the_old_date(
        db_path: Path, monkeypatch: Any) -> None:
    with Store(db_path, who="tester") as store:
        wid = late_map(store)
    real_enter = RowEditor.enter

    def enter_then_a_key(editor: RowEditor) -> None:
        real_enter(editor)
        # the terminal's next key, read by the app right after the field took the focus
        editor.app.post_message(events.Key("2", "2"))

    monkeypatch.setattr(RowEditor, "enter", enter_then_a_key)
    app: Any = build_app(db_path, wid, step="plan")
    async with app.run_test(size=(80, 24)) as pilot:
        assert await until([pilot], lambda: app.screen.query("#plan-summary"), rounds=400)
        await pilot.press("d")
        assert await until([pilot], lambda: isinstance(app.screen, RowEditor), rounds=400)
        await pilot.pause()
        await pilot.press(*"026-03-02")
        field = app.screen.query(Input).first()
        assert field.value == "2026-03-02", field.value
