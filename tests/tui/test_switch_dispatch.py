"""What a step switch sends to the widgets of the two views, counted (issue 18: switches).

A switch moves every widget of the view it hides out of the screen's map and every
widget of the view it shows into it; Textual then sends each of them Hide or Show,
and Resize to each one shown.  About 70 such events per switch went to form
captions, fields and check boxes that read none of them (≈ 4 ms of the switch), and
a second screen update after the layout pass cut and joined the whole content area
again.  Counts of work, never timings: each of these was seen failing first.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from models.db.store import Store
from tests.helpers import SIZE, build_workshop, ready, until
from tui.app.launch import build_app
from tui.screens.workshop import WorkshopScreen
from tui.steps.base import StepView

FORM_WIDGETS = ("FieldCaption", "FieldInput", "FieldCheck", "RecordForm")


def _workshop(db: Path) -> int:
    with Store(db, who="lea") as store:
        return build_workshop(store)


async def _settled(pilot: Any) -> None:
    """Every view built and shown once (their sizes settle on a first show)."""
    app = pilot.app
    await ready(pilot)
    assert await until([pilot], lambda: isinstance(app.screen, WorkshopScreen)
                       and app.screen.prebuilt
                       and all(v.ready for v in app.screen.query(StepView)), rounds=400)
    for key in ("3", "5", "4", "2", "3"):
        await pilot.press("escape", key)
        await ready(pilot)
    app.pairing.stop()


def _count_layout_events(monkeypatch: Any) -> Counter[str]:
    """Show, Hide and Resize events queued for a widget under the step views, per class."""
    from textual import events
    from textual.message_pump import MessagePump
    from textual.widget import Widget

    from tui.screens.workshop import StepSwitcher

    sent: Counter[str] = Counter()
    real = MessagePump.post_message

    def counting(self: MessagePump, message: Any) -> bool:
        queued = real(self, message)
        if queued and isinstance(message, (events.Show, events.Hide, events.Resize)) \
                and isinstance(self, Widget) \
                and any(isinstance(node, StepSwitcher) for node in self.ancestors_with_self):
            sent[f"{type(self).__name__}.{type(message).__name__}"] += 1
        return queued

    monkeypatch.setattr(MessagePump, "post_message", counting)
    return sent


async def test_a_switch_sends_layout_events_only_to_widgets_that_read_them(
        db_path: Path, monkeypatch: Any) -> None:
    """Form captions, fields and check boxes read no Show, Hide or Resize: a switch
    between Touchpoints and Pain points queued about 70 of them (one per widget
    leaving or entering the screen's map, and a Resize for each one shown)."""
    sent = _count_layout_events(monkeypatch)
    app = build_app(db_path, _workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await _settled(pilot)
        seen: list[dict[str, int]] = []
        for key in ("5", "3", "5", "3"):
            await pilot.press("escape")
            await ready(pilot)
            sent.clear()
            await pilot.press(key)
            await pilot.pause()
            seen.append(dict(sent))
        for counts in seen:
            to_forms = Counter({k.split(".")[1]: v for k, v in counts.items()
                                if k.split(".")[0] in FORM_WIDGETS})
            # Hide still goes where Textual reads it: the field that had the focus gives
            # it up, a form with its scroll bar shown tells the bar (a mouse grab ends)
            assert to_forms["Show"] == to_forms["Resize"] == 0 and to_forms["Hide"] <= 2, seen
            assert sum(counts.values()) <= 8, seen  # the tables' and their scroll bars


async def test_a_field_hidden_while_focused_still_gives_up_the_focus(db_path: Path) -> None:
    """Hide still reaches a field that has the focus: Textual blurs it on that event."""
    from tui.widgets.forms import FieldInput

    app = build_app(db_path, _workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await _settled(pilot)
        field = app.screen.view("touchpoints").query_one("#f-channel", FieldInput)
        field.focus()
        await ready(pilot)
        assert app.focused is field
        field.display = False
        await ready(pilot)
        assert app.focused is not field


async def test_a_switch_does_not_repaint_the_screen_behind_the_views(
        db_path: Path, monkeypatch: Any) -> None:
    """The area the views share was repainted as a second screen update after the
    switch's layout pass: the screen's own 36 background lines drawn again, and every
    line of the area cut and joined a second time, nothing new on it."""
    from textual.screen import Screen

    dirty: list[list[str]] = []
    real = Screen._compositor_refresh

    def update(self: Screen[Any]) -> None:
        dirty.append(sorted(type(w).__name__ for w in self._dirty_widgets))
        real(self)

    monkeypatch.setattr(Screen, "_compositor_refresh", update)
    app = build_app(db_path, _workshop(db_path), step="scope", who="lea")
    async with app.run_test(size=SIZE) as pilot:
        await _settled(pilot)
        for key in ("5", "3", "4", "2", "3"):
            await pilot.press("escape")
            await ready(pilot)
            dirty.clear()
            await pilot.press(key)
            await pilot.pause()
            assert dirty and not any("WorkshopScreen" in each for each in dirty), (key, dirty)
