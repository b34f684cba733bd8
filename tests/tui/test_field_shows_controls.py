"""A field shows the bidi and control characters of its text as marks, and keeps them.

A refused value (a 20,000-character paste) stays in the field as typed, so the
person can cut it down; the Input drew its raw U+202E, which a terminal that
applies bidi obeys: the rest of the line shown reversed (QA session 7, 2).
What is shown is ``tui.safe_text.clean`` of the text, one mark per character;
the value, what is saved or refused, is what was typed.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from tests.helpers import screen_text
from tui.widgets.forms import FieldInput, FieldSpec


class OneField(App[None]):
    def compose(self) -> ComposeResult:
        yield FieldInput(FieldSpec("name", "Name"))


async def test_a_bidi_override_typed_in_a_field_is_shown_as_a_mark_and_kept() -> None:
    typed = "\u202eRTL x\u0007y"
    app = OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(FieldInput)
        field.focus()
        await pilot.press(*"ab")
        field.insert_text_at_cursor(typed)
        await pilot.pause()
        line = screen_text(app)
        assert field.value == "ab" + typed
        assert "\u202e" not in line and "\u0007" not in line, repr(line)
        assert "ab\ufffdRTL x\u2407y" in line, repr(line)
        # the cursor (at the end) is drawn where the text ends on screen
        assert field._position_to_cell(field.cursor_position) == len(  # noqa: SLF001
            "ab\ufffdRTL x\u2407y")
