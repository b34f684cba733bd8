"""A character typed into a field is stored, even one that draws nothing by itself.

The zero-width joiner inside "👩‍💻", a right-to-left mark in an Arabic or Hebrew
name, a no-break space: Textual's ``Input`` takes only keys whose character
``isprintable()``, and these are not (Unicode's format and space separators), so
typing "👩‍💻" into a touchpoint's name stored "👩💻", two emoji (seen in two seats
over tmux on the team server).  A field takes every typed character except the
control characters (Tab, Esc and the like stay keys).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot

from models.db.store import Store
from tests.helpers import build_workshop, until
from tui.app.launch import build_app
from tui.app.terminal_keys import EscapeFirstParser
from tui.widgets.clean_input import CleanShownInput

# A joiner, bidi marks and overrides, a no-break space, a private-use glyph (icon fonts).
FORMAT = ["\u200d", "\u200e", "\u200f", "\u202e", "\u202c", "\u2066", "\u00a0", "\ue0b0"]


async def typed(pilot: Pilot[Any], text: str) -> None:
    """``text`` as a terminal sends it, read by the app's own parser into keys.

    Not ``pilot.press``: it looks a character up by its key's name, which fails for
    "zero_width_joiner" or "personal_computer", and sends no character at all.
    """
    driver = pilot.app._driver  # noqa: SLF001 - where the terminal's keys arrive
    assert driver is not None
    for event in EscapeFirstParser().feed(text):
        event.set_sender(pilot.app)
        driver.send_message(event)
        await pilot.pause()


class OneField(App[None]):
    def compose(self) -> ComposeResult:
        yield CleanShownInput()


async def test_a_field_takes_every_typed_character_but_controls() -> None:
    app = OneField()
    async with app.run_test(size=(80, 5)) as pilot:
        field = app.query_one(CleanShownInput)
        field.focus()
        await typed(pilot, "a" + "".join(FORMAT) + "b\t")
        await pilot.pause()
    assert field.value == "a" + "".join(FORMAT) + "b"


async def test_a_joined_emoji_typed_into_a_touchpoint_is_stored_whole(db_path: Path) -> None:
    with Store(db_path, who="tester") as s:
        wid = build_workshop(s)
        first = s.load(wid).ordered_touchpoints()[0]
    app: Any = build_app(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        assert await until([pilot], lambda: not app.held_input.busy
                           and app.screen.focused is not None
                           and app.screen.focused.id == "touchpoints-table", rounds=400)
        await pilot.press("enter")
        assert await until([pilot], lambda: isinstance(app.screen.focused, CleanShownInput),
                           rounds=400)
        await pilot.press("end")
        await typed(pilot, " 👩\u200d💻\u200f")
        await pilot.press("escape")
        await pilot.pause()
    with Store(db_path, who="check") as s:
        assert s.load(wid).ordered_touchpoints()[0].name == f"{first.name} 👩\u200d💻\u200f"
