"""Text typed into a row another seat deletes meanwhile is said back, not dropped unseen.

Found in session 15's walk over SSH (qa19): qa19fac was typing a touchpoint's name when
guest sam deleted that touchpoint.  The seat's next reload bound the form to the row
below and saved the typed text into the deleted row, which the store refused: the only
trace was "That touchpoint was deleted by someone else.", and the words typed were gone
(a name, a pain point's description, typed for a minute while the room talked).  The
refusal now carries what was typed, so it can be typed again where it belongs.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tests.helpers import build_workshop, ready
from tests.tui.row_deleted import keep_toasts
from tui.app.launch import build_app
from tui.safe_text import clean
from tui.widgets.forms import FieldInput

TYPED = "Reset link [bold]expired[/] ‮"


async def test_text_typed_into_a_touchpoint_deleted_meanwhile_is_said_back(
        db_path: Path) -> None:
    with Store(db_path) as store:
        wid = build_workshop(store)
    app = keep_toasts(build_app(db_path, wid, step="touchpoints", who="ann"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.screen.view("touchpoints")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await ready(pilot)
        _, touchpoint = view.record(view.current_key())
        field = app.screen.query_one("#f-name", FieldInput)
        field.focus()
        await ready(pilot)
        field.value = TYPED
        with Store(db_path, who="bob") as bob:
            bob.delete(Touchpoint, touchpoint.id)
        await pilot.press("tab")
        await ready(pilot)
        messages = [str(n.message) for n in app._notifications]
        said = [m for m in messages if "deleted by someone else" in m]
        assert said, messages
        assert any(clean(TYPED) in m for m in said), said  # control marks made visible
