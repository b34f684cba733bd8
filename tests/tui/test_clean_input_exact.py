"""A field shows the stored value exactly, draws it safely, and a click lands where aimed.

User text is data: a name holding a tab, a right-to-left override, a zero-width
space, a no-break space or trailing spaces is stored exactly, so the field that
edits it must hold exactly that text.  It held the *drawn* form (``␉`` for the
tab, ``�`` for U+202E): the first edit then saved the marks over the person's
text.  Only the drawing is cleaned (``CleanShownInput``); a click is counted on
what is drawn, so after a control character (drawn one cell wide, zero wide in
the raw text) it no longer landed one character early.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.widgets import Input

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tests.helpers import build_workshop, until
from tui.app.launch import build_app
from tui.safe_text import clean, display
from tui.widgets.clean_input import CleanShownInput

HOSTILE = "\t\u200b\u200d\u200e\u200f\u202e\u2066\u2069\u00a0 \x1b\x07é😀字"
texts = st.text(alphabet=st.sampled_from(HOSTILE) | st.characters(), max_size=30)


@settings(deadline=None, max_examples=300)
@given(texts)
def test_a_stored_text_is_shown_to_its_field_exactly(text: str) -> None:
    assert display(text) == text


class OneField(App[None]):
    def compose(self) -> ComposeResult:
        yield CleanShownInput()


async def test_a_click_on_a_drawn_character_puts_the_cursor_before_it() -> None:
    app = OneField()
    async with app.run_test(size=(200, 5)) as pilot:
        await pilot.pause()  # laid out: 200 cells wide, so no text here scrolls
        field = app.query_one(CleanShownInput)

        @settings(deadline=None, max_examples=300)
        @given(texts)
        @example("\u200d\t\t\t")  # a joiner joins the mark after it (found by CI)
        @example("🏻0🏻")  # a modifier after a digit: one cluster (found by CI)
        def lands(text: str) -> None:
            field.value = text
            shown = clean(text)
            assert len(shown) == len(text)  # one mark per character: the same indexes
            for index in range(len(text)):
                cell = field._position_to_cell(index)  # noqa: SLF001 - where it is drawn
                # a click's offset is counted from the field's left edge, scrolled or not
                click = cell - field.scroll_offset[0]
                landed = field._cell_offset_to_index(click)  # noqa: SLF001 - a click there
                assert field._position_to_cell(landed) == cell, (text, index)  # noqa: SLF001

        lands()


NAME = "Sign\tin\u202e now\u200b\u00a0 "


async def test_editing_a_hostile_name_keeps_every_character(db_path: Path) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
        first = s.load(wid).ordered_touchpoints()[0]
        s.update(Touchpoint, int(first.id or 0), name=NAME)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await until([pilot], lambda: not app.held_input.busy
                           and app.screen.focused is not None
                           and app.screen.focused.id == "touchpoints-table", rounds=400)
        await pilot.press("enter")
        assert await until([pilot], lambda: isinstance(app.screen.focused, Input), rounds=400)
        assert app.screen.focused.value == NAME
        await pilot.press("end", "!", "escape")
        await pilot.pause()
    with Store(db_path, who="check") as s:
        assert s.load(wid).ordered_touchpoints()[0].name == NAME + "!"
