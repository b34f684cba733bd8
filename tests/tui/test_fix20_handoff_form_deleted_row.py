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
from tests.helpers import build_workshop, ready, until
from tests.tui.row_deleted import keep_toasts, reload_and_type, said_back
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


async def _typing_a_delay(pilot: Any, into: int) -> FieldInput:
    """Ownership with the handoff into touchpoint ``into`` shown, its delay being typed."""
    app = pilot.app
    await ready(pilot)
    view = app.screen.view("ownership")
    app.screen.set_focus(view.table)

    def shown() -> bool:  # the seat's first reload (its join) may still redraw the table
        if view.current_key() != str(into):
            view.select(str(into))
        return view.current_key() == str(into)

    assert await until([pilot], lambda: app.pairing.me() is not None and shown())
    await ready(pilot)
    assert shown()
    field = view.query_one("#handoff-form").query_one("#f-typical_delay")
    assert isinstance(field, FieldInput) and field.row_id is not None, field
    app.screen.set_focus(field)
    await ready(pilot)
    field.value = TYPED
    return field


@pytest.mark.parametrize("neighbour_hands_over", [False, True])
async def test_a_delay_typed_on_a_deleted_touchpoint_is_said_back(
        db_path: Path, neighbour_hands_over: bool) -> None:
    with Store(db_path) as store:
        wid = build_workshop(store)
        tps = store.load(wid).ordered_touchpoints()
        into = int(tps[INTO - 1].id or 0)
        if neighbour_hands_over:  # after the delete, a handoff leads into the next row
            store.update(Touchpoint, int(tps[INTO].id or 0), owner_team="Engineering")
    app = keep_toasts(build_app(db_path, wid, step="ownership", who="ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _typing_a_delay(pilot, into)
        with Store(db_path, who="bob") as bob:
            bob.delete(Touchpoint, into)
        before = handoffs(db_path, wid)
        messages = await reload_and_type(pilot, "x", "y", "tab", "q")
        assert handoffs(db_path, wid) == before, str(handoffs(db_path, wid))
        assert all(h["typical_delay"] != TYPED for h in handoffs(db_path, wid))
        assert app.screen.focused is app.screen.view("ownership").table  # type: ignore[attr-defined]
        assert said_back(messages, TYPED), messages


async def test_a_delay_typed_on_a_kept_touchpoint_is_saved(db_path: Path) -> None:
    """The same typing with nobody deleting anything lands in the handoff it was typed on."""
    with Store(db_path) as store:
        wid = build_workshop(store)
        into = int(store.load(wid).ordered_touchpoints()[INTO - 1].id or 0)
    app = keep_toasts(build_app(db_path, wid, step="ownership", who="ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await _typing_a_delay(pilot, into)
        app.screen.set_focus(None)
        await ready(pilot)
    rows = [h for h in handoffs(db_path, wid) if h["to_touchpoint_id"] == into]
    assert [h["typical_delay"] for h in rows] == [TYPED]
