"""How many widgets each step view is made of (issue 18: switches and first visits).

A step switch hides one view and shows another: Textual lays the shown one out,
sends Show/Hide/Resize to every widget of both and composites them, and a first
visit styles and lays out every widget of the view for the first time.  A form
field used to be three widgets (its label, its input, its hint); the captions
between two fields are now one widget, so a 14-field form is 29 widgets, not 42.
These counts are the work a switch does per view; they may go down, never up
without a reason written here.  A count, never a timer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widget import Widget

from models.db.store import Store
from models.vocab import METHOD_VIEWS, STEPS
from tests.helpers import SIZE, build_workshop, ready, until
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView
from tui.widgets.forms import FieldCaption, FieldCheck, FieldInput, FieldSpec, RecordForm, captions

# Widgets per view (the view itself not counted), at 120x40 with the demo-like workshop.
BUDGET = {
    "scope": 34,
    "stages": 18,
    "touchpoints": 35,
    "ownership": 23,
    "pains": 23,  # the Urgent and Important boxes each carry their sentence as a hint
    "cards": 5,
    "tracker": 4,
    "plan": 15,
    "escalation": 22,
    "future": 5,
    "moments": 4,
}


def _widgets(view: Widget) -> list[Widget]:
    return list(view.walk_children(Widget))


async def _all_views(pilot: Any) -> dict[str, StepView]:
    app = pilot.app
    screen = app.screen
    assert isinstance(screen, WorkshopScreen)
    assert await until([pilot], lambda: screen.prebuilt and all(
        v.ready for v in screen.query(StepView)), rounds=400)
    for step in METHOD_VIEWS:
        waiter = screen.show_step(step)
        if waiter is not None:
            await waiter
        await pilot.pause()
    assert await until([pilot], lambda: all(v.ready for v in screen.query(StepView)))
    return {str(v.id).removeprefix("step-"): v for v in screen.query(StepView)}


async def test_every_view_stays_within_its_widget_budget(db_path: Path) -> None:
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        views = await _all_views(pilot)
        assert sorted(views) == sorted([*STEPS, *METHOD_VIEWS])
        counts = {step: len(_widgets(view)) for step, view in views.items()}
        over = {step: (n, BUDGET[step]) for step, n in counts.items() if n > BUDGET[step]}
        assert not over, f"widgets (count, budget) over budget: {over}"


async def test_a_form_field_is_its_input_plus_at_most_one_caption(db_path: Path) -> None:
    """Each form: one widget per field, and one caption (the hint above, the label below)
    between two fields; no label or hint widget of its own."""
    with Store(db_path, who="lea") as store:
        wid = build_workshop(store)
    app = build_app(db_path, wid, step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        views = await _all_views(pilot)
        forms = [form for view in views.values() for form in view.query(RecordForm)]
        assert len(forms) >= 6  # scope, stages, touchpoints, ownership (2), pains, escalation
        for form in forms:
            children = list(form.children)
            fields = [w for w in children if isinstance(w, (FieldInput, FieldCheck))]
            assert len(fields) == len(form.specs)
            captions = [w for w in children if isinstance(w, FieldCaption)]
            assert len(captions) <= len(fields) + 1, form.id
            assert len(children) == len(fields) + len(captions), form.id


def test_each_caption_holds_the_hint_above_and_the_label_below() -> None:
    specs = (FieldSpec("a", "A", "hint a"), FieldSpec("b", "B", kind="bool"),
             FieldSpec("c", "C"), FieldSpec("d", "D", "hint d"))
    assert captions(specs) == [("", "A"), ("hint a", ""), ("", "C"), ("", "D"), ("hint d", "")]
