"""A raw paste: hundreds of keys read at once into a name field (no bracketed paste).

Text keys for the focused field are given back together (``tui.widgets.typeahead``);
these tests hold that every key still lands once, in order, that an editing key or
Enter inside the burst acts where it was typed, and that keys still waiting show
"typing…" beside the field's label until the last one is in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from models.db.store import Store
from tests.helpers import build_workshop, handled, until
from tests.tui.key_bursts import burst
from tui.app.launch import build_app
from tui.widgets import typeahead
from tui.widgets.forms import FieldCaption
from tui.widgets.still_typing import TYPING

TEXT = "Opens chat 42 " * 30  # digits are step keys on the table: here they are text


async def open_name(pilot: Any) -> Input:
    """The first touchpoint's name field, open and emptied."""
    app = pilot.app
    assert await until([pilot], lambda: isinstance(app.screen.focused, DataTable)
                       and app.screen.focused.row_count > 0, rounds=400)
    await pilot.pause()
    await pilot.press("enter")
    assert await until([pilot], lambda: isinstance(app.screen.focused, Input)
                       and not app.held_input.busy, rounds=400)
    await pilot.press("ctrl+u")
    field = app.screen.focused
    assert isinstance(field, Input)
    assert await until([pilot], lambda: field.value == "" and not app.held_input.busy)
    return field


def caption_of(field: Input) -> FieldCaption:
    siblings = list(field.parent.children) if field.parent is not None else []
    caption = siblings[siblings.index(field) - 1]
    assert isinstance(caption, FieldCaption)
    return caption


def names(db_path: Path, wid: int) -> list[str]:
    with Store(db_path, who="check") as s:
        return [tp.name for tp in s.load(wid).ordered_touchpoints()]


@pytest.mark.parametrize("parts, value", [
    ((f'"{TEXT}"',), TEXT),
    ((f'"{TEXT}"', "left", '"X"', "home", '"Y"', f'"{TEXT}"', "backspace"),
     "Y" + TEXT[:-1] + TEXT[:-1] + "X" + TEXT[-1]),
    (("ctrl+u", f'"{TEXT}"', "ctrl+u", '"Short 3"'), "Short 3"),
], ids=["text", "arrows-home-backspace", "ctrl+u"])
async def test_a_raw_burst_of_text_and_editing_keys_lands_key_by_key(
        db_path: Path, parts: tuple[str, ...], value: str) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_name(pilot)
        keys = burst(*parts)
        for event in keys:
            app.post_message(event)
        assert await handled(pilot, keys)
        assert field.value == value


async def test_enter_inside_a_raw_burst_saves_the_text_typed_before_it(db_path: Path) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    before = names(db_path, wid)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_name(pilot)
        keys = burst(f'"{TEXT.strip()}"', "enter")
        for event in keys:
            app.post_message(event)
        assert await handled(pilot, keys)
        await pilot.pause()
    assert names(db_path, wid) == [TEXT.strip(), *before[1:]]


async def test_keys_still_queued_show_typing_beside_the_label_until_the_last_is_in(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The keys wait behind a hold (a view on its way) long past the moment: the label
    says "typing…"; once they are all typed it no longer does."""
    monkeypatch.setattr(typeahead, "SAFETY_S", 120.0)  # the hold ends when the test says
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(80, 24)) as pilot:
        field = await open_name(pilot)
        caption = caption_of(field)
        assert TYPING not in str(caption.render())
        typeahead.hold(app, typeahead.VIEW)
        keys = burst(f'"{TEXT}"')
        for event in keys:
            app.post_message(event)
        assert await until([pilot], lambda: TYPING in str(caption.render()), rounds=400)
        assert field.value == ""
        typeahead.release(app, typeahead.VIEW)
        assert await handled(pilot, keys)
        assert await until([pilot], lambda: TYPING not in str(caption.render()))
        assert field.value == TEXT
