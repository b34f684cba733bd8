"""A field shows the stored value exactly, draws it safely, and a click lands where aimed.

User text is data: a name holding a tab, a right-to-left override, a zero-width
space, a no-break space or trailing spaces is stored exactly, so the field that
edits it must hold exactly that text.  It held the *drawn* form (``␉`` for the
tab, ``�`` for U+202E): the first edit then saved the marks over the person's
text.  Only the drawing is cleaned (``CleanShownInput``); a click is counted on
what is drawn, so after a control character (drawn one cell wide, zero wide in
the raw text) it no longer landed one character early.

Typed, too: the zero-width joiner inside "👩‍💻", a right-to-left mark, a no-break
space were lost on the way in, because Textual's ``Input`` takes only keys whose
character ``isprintable()`` (Unicode's format characters and spaces other than " "
are not); typing "👩‍💻" into a touchpoint's name stored "👩💻", two emoji (seen in
two seats over tmux on the team server).  A field takes every typed character
but the controls (Tab, Esc and the like stay keys).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tests.helpers import build_workshop, until
from tui.app.launch import build_app
from tui.app.terminal_keys import EscapeFirstParser
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


async def _in_first_name(app: Any, pilot: Pilot[Any]) -> Input:
    """The touchpoints step's first name field, focused (Enter on the table)."""
    assert await until([pilot], lambda: not app.held_input.busy
                       and app.screen.focused is not None
                       and app.screen.focused.id == "touchpoints-table", rounds=400)
    await pilot.press("enter")
    assert await until([pilot], lambda: isinstance(app.screen.focused, Input), rounds=400)
    return app.screen.focused  # type: ignore[no-any-return]


async def test_editing_a_hostile_name_keeps_every_character(db_path: Path) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
        first = s.load(wid).ordered_touchpoints()[0]
        s.update(Touchpoint, int(first.id or 0), name=NAME)
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        assert (await _in_first_name(app, pilot)).value == NAME
        await pilot.press("end", "!", "escape")
        await pilot.pause()
    with Store(db_path, who="check") as s:
        assert s.load(wid).ordered_touchpoints()[0].name == NAME + "!"


# A joiner, bidi marks and overrides, a no-break space, a private-use glyph (icon fonts).
FORMAT = "\u200d\u200e\u200f\u202e\u202c\u2066\u00a0\ue0b0"


async def typed(pilot: Pilot[Any], text: str) -> None:
    """``text`` as a terminal sends it, read by the app's own parser into keys.

    Not ``pilot.press``: it looks a character up by its key's name, which fails for
    "zero_width_joiner" or "personal_computer", and then sends no character at all.
    """
    driver = pilot.app._driver  # noqa: SLF001 - where the terminal's keys arrive
    assert driver is not None
    for event in EscapeFirstParser().feed(text):
        event.set_sender(pilot.app)
        driver.send_message(event)
        await pilot.pause()


async def test_a_field_takes_every_typed_character_but_controls() -> None:
    app = OneField()
    async with app.run_test(size=(80, 5)) as pilot:
        field = app.query_one(CleanShownInput)
        field.focus()
        await typed(pilot, f"a{FORMAT}b\t")  # the Tab moves on, it is no text
        await pilot.pause()
    assert field.value == f"a{FORMAT}b"


async def test_a_joined_emoji_typed_into_a_touchpoint_is_stored_whole(db_path: Path) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
        first = s.load(wid).ordered_touchpoints()[0]
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await _in_first_name(app, pilot)
        await pilot.press("end")
        await typed(pilot, " 👩\u200d💻\u200f")
        await pilot.press("escape")
        await pilot.pause()
    with Store(db_path, who="check") as s:
        assert s.load(wid).ordered_touchpoints()[0].name == f"{first.name} 👩\u200d💻\u200f"


def _dialogs() -> list[Any]:
    """Every dialog a person types text into, made as the app opens it (inside an app)."""
    from tui.dialogs.card_signal import CardSignalDialog
    from tui.dialogs.export import ExportDialog
    from tui.dialogs.five_whys import FiveWhysScreen
    from tui.dialogs.ticket_import import TicketImportDialog

    return [lambda: FiveWhysScreen("Locked out", [], ""), lambda: ExportDialog("plan.md"),
            lambda: TicketImportDialog(""),
            lambda: CardSignalDialog("Card", [("tickets", "tickets")], [("all", "all")])]


async def test_every_dialog_field_takes_every_typed_character() -> None:
    """Five whys, the export path, the ticket import path and a card's target were plain
    ``Input``s: typed format characters were lost there as in any field before."""
    for make in _dialogs():
        app: App[None] = App()
        async with app.run_test(size=(120, 40)) as pilot:
            dialog = make()
            await app.push_screen(dialog)
            await pilot.pause()
            fields = list(dialog.query(Input))
            assert fields, type(dialog).__name__
            for field in fields:
                field.value = ""
                field.focus()
                await pilot.pause()
                await typed(pilot, f"a{FORMAT}b")
                await pilot.pause()
                assert (type(dialog).__name__, field.id, field.value) == (
                    type(dialog).__name__, field.id, f"a{FORMAT}b")
