"""A handoff's detail typed on Ownership while another seat deletes its touchpoint.

The owner field already behaved as the other forms (fix19): the typed text said back, the
focus on the table, keys waiting for a picked row.  The handoff form under it saved through
the table's cursor, which the reload had moved to the neighbour: the typed delay went
silently nowhere, or into the neighbour's handoff when it had one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tests.helpers import build_workshop, ready
from tui.app.launch import build_app
from tui.widgets.forms import FieldInput

pytestmark = pytest.mark.both_engines

TYPED = "next business day"
INTO = 6  # build_workshop's "Escalated to Tier 2": the handoff Support -> Tier 2 leads into it


def handoffs(db: Path, wid: int) -> list[dict[str, Any]]:
    """Every handoff detail row of the workshop, as the store has it now."""
    with Store(db) as store:
        return sorted((h.model_dump() for h in store.load(wid).handoffs),
                      key=lambda h: h["id"])


@pytest.mark.parametrize("neighbour_hands_over", [False, True])
async def test_a_delay_typed_on_a_deleted_touchpoint_is_said_back(
        db_path: Path, neighbour_hands_over: bool) -> None:
    with Store(db_path) as store:
        wid = build_workshop(store)
        tps = store.load(wid).ordered_touchpoints()
        into = tps[INTO - 1]
        after = tps[INTO]
        if neighbour_hands_over:  # after the delete, a handoff leads into the next row
            store.update(Touchpoint, int(after.id or 0), owner_team="Engineering")
    app = build_app(db_path, wid, step="ownership", who="ann")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.view("ownership")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        view.select(str(into.id))
        await ready(pilot)
        field = view.query_one("#handoff-form").query_one("#f-typical_delay")
        assert isinstance(field, FieldInput) and field.row_id is not None, field
        app.screen.set_focus(field)
        await ready(pilot)
        field.value = TYPED
        with Store(db_path, who="bob") as bob:
            bob.delete(Touchpoint, int(into.id or 0))
        before = handoffs(db_path, wid)
        app.session.reload()  # type: ignore[attr-defined]  # as the pairing poll does
        await ready(pilot)
        await pilot.press("x", "y", "tab", "q")
        await ready(pilot)
        assert handoffs(db_path, wid) == before, str(handoffs(db_path, wid))
        assert all(h["typical_delay"] != TYPED for h in handoffs(db_path, wid))
        assert app.screen.focused is view.table, app.screen.focused
        messages = [str(n.message) for n in app._notifications]
        assert any(TYPED in m and "deleted by someone else" in m for m in messages), messages


async def test_a_delay_typed_on_a_kept_touchpoint_is_saved(db_path: Path) -> None:
    """The same typing with nobody deleting anything lands in the handoff it was typed on."""
    with Store(db_path) as store:
        wid = build_workshop(store)
        into = store.load(wid).ordered_touchpoints()[INTO - 1]
    app = build_app(db_path, wid, step="ownership", who="ann")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        view = app.screen.view("ownership")  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        view.select(str(into.id))
        await ready(pilot)
        field = view.query_one("#handoff-form").query_one("#f-typical_delay")
        app.screen.set_focus(field)
        await ready(pilot)
        assert isinstance(field, FieldInput)
        field.value = TYPED
        app.screen.set_focus(view.table)
        await ready(pilot)
    rows = [h for h in handoffs(db_path, wid) if h["to_touchpoint_id"] == into.id]
    assert [h["typical_delay"] for h in rows] == [TYPED]
