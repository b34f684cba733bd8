"""A click in a field puts the cursor on the character drawn under the mouse.

``tests/tui/test_clean_input_exact.py`` checks that a click lands on *a* position
drawn at the clicked cell, counted by the field itself; this file clicks with the
mouse (Pilot) and names the character a person sees under it, so a field that
counted every position one character off, or forgot how far it has scrolled,
would put the cursor somewhere else than where the person clicked.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.safe_text import clean
from tui.widgets.clean_input import CleanShownInput

# Drawn one cell per character: a tab and U+202E as one-cell marks, the rest ASCII.
VALUE = "a\tb\u202ecd\x1bef"


class OneField(App[None]):
    CSS = "CleanShownInput { width: 20; }"

    def compose(self) -> ComposeResult:
        yield CleanShownInput()


def _gutter(field: CleanShownInput) -> tuple[int, int]:
    """Where the field's text starts, from its own left and top edge."""
    return (field.content_region.x - field.region.x, field.content_region.y - field.region.y)


async def test_a_click_on_each_drawn_mark_or_character_puts_the_cursor_before_it() -> None:
    app = OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(CleanShownInput)
        field.value = VALUE
        await pilot.pause()
        drawn = field.render_line(0).text  # marks, never the raw controls
        assert clean(VALUE) in drawn
        assert not {"\t", "\u202e", "\x1b"} & set(drawn)
        left, top = _gutter(field)
        assert field.scroll_offset[0] == 0
        for index in range(len(VALUE) + 3):  # and past the end: the cursor goes to the end
            assert await pilot.click(CleanShownInput, offset=(left + index, top))
            assert field.cursor_position == min(index, len(VALUE)), index
        assert field.value == VALUE


async def test_a_click_in_a_scrolled_field_counts_the_cells_scrolled_away() -> None:
    app = OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(CleanShownInput)
        field.value = VALUE * 4  # longer than the field: the end is shown, the start scrolled
        field.focus()
        await pilot.press("home", "end")
        await pilot.pause()
        scrolled = field.scroll_offset[0]
        assert scrolled > 0
        left, top = _gutter(field)
        for cell in range(3):
            assert await pilot.click(CleanShownInput, offset=(left + cell, top))
            assert field.scroll_offset[0] == scrolled
            assert field.cursor_position == scrolled + cell
