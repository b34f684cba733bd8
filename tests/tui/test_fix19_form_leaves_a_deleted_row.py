"""A form whose row another seat deletes stops editing: the next keys edit no other row.

Left by session 15's walk (qa19): a person typing in a touchpoint's field while another
seat deleted that touchpoint saw the refusal, but the reload bound the form to the row
below while the field kept the focus, so the words typed next went into that other row.
Now the focus goes back to the table, the cursor on the neighbour, and keys that would
type or edit wait until the person picks a row (arrows, Enter, a click).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard
from models.db.tables.method import EscalationLevel
from tests.helpers import build_workshop, build_workshop_with_cards, ready
from tests.tui.row_deleted import keep_toasts, reload_and_type, said_back
from tui.app.launch import build_app
from tui.widgets.forms import FieldInput

pytestmark = pytest.mark.both_engines

TYPED = "Reset link expired"
STEPS = ("stages", "touchpoints", "ownership", "pains", "escalation")


def rows_of(db: Path, wid: int, model: type) -> dict[int, dict[str, Any]]:
    """Every row of ``model`` in the workshop, as the store has it now."""
    with Store(db) as store:
        journey = store.load(wid)
    pools = {"HypothesisCard": journey.cards, "Stage": journey.stages,
             "Touchpoint": journey.ordered_touchpoints(),
             "PainPoint": journey.pain_points, "EscalationLevel": journey.escalation_levels}
    return {int(r.id): r.model_dump() for r in pools[model.__name__]}


async def settle(pilot: Any) -> None:
    """``ready`` for a dialog, which has no presence bar to wait for."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("step", STEPS)
async def test_keys_after_the_row_is_deleted_edit_no_other_row(db_path: Path,
                                                                step: str) -> None:
    with Store(db_path) as store:
        wid = build_workshop(store)
        for rank, sev in enumerate(("Sev-1", "Sev-2", "Sev-3")):
            store.add(EscalationLevel(workshop_id=wid, severity=sev, position=rank))
    first = "stages" if step == "escalation" else step
    app = keep_toasts(build_app(db_path, wid, step=first, who="ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        if step == "escalation":  # a method view: no step of its own on the command line
            await pilot.press("E")
            await ready(pilot)
        view = app.screen.view(step)  # type: ignore[attr-defined]
        app.screen.set_focus(view.table)
        await ready(pilot)
        model, row = view.record(view.current_key())
        name = view.FIELDS[0].name
        field = view.form.field(name)
        assert isinstance(field, FieldInput)
        app.screen.set_focus(field)
        await ready(pilot)
        field.value = TYPED
        with Store(db_path, who="bob") as bob:
            bob.delete(model, row.id)
        before = rows_of(db_path, wid, model)
        messages = await reload_and_type(pilot, "x", "y", "z", "plus", "d", "tab", "q")
        assert rows_of(db_path, wid, model) == before, step
        assert app.screen.focused is view.table, app.screen.focused
        assert said_back(messages, TYPED), messages


async def test_a_card_editor_whose_card_is_deleted_edits_no_other_card(db_path: Path) -> None:
    """Cards (and plan tasks) are edited in a dialog: it empties and disables its form."""
    with Store(db_path) as store:
        wid = build_workshop_with_cards(store)
    app = keep_toasts(build_app(db_path, wid, step="cards", who="ann"))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await settle(pilot)
        field = app.screen.focused
        assert isinstance(field, FieldInput) and field.row_id is not None, field
        field.value = TYPED
        with Store(db_path, who="bob") as bob:
            bob.delete(HypothesisCard, field.row_id)
        before = rows_of(db_path, wid, HypothesisCard)
        app.session.reload()  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("x", "y", "z", "tab", "q")
        await settle(pilot)
        assert rows_of(db_path, wid, HypothesisCard) == before
        assert not isinstance(app.screen.focused, FieldInput), app.screen.focused
        assert said_back([str(n.message) for n in app._notifications], TYPED)
