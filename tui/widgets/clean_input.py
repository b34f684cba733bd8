"""An Input that draws control and bidi characters as marks, keeping the text as typed.

Why: a value the store refuses (too long, say) stays in its field as typed so
the person can cut it down, and Textual's Input draws the raw text: a U+202E
(right-to-left override) reaches the terminal, which may then show the rest of
the line reversed, and a C0 control may be obeyed.  Only the drawing changes:
``tui.safe_text.clean`` maps every character to exactly one mark, so a cursor
index into the value is the same index into what is drawn, and cell positions
are counted on what is drawn.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input

from tui.safe_text import clean, typed_text


class CleanShownInput(Input):
    """``Input`` whose text is drawn through ``clean``; ``value`` stays what was typed.

    It also takes the typed characters ``Input`` lets through as keys although
    they are text (``safe_text.typed_text``: a joiner, a bidi mark, a no-break
    space).
    """

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return typed_text(character)

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs ``_on_key`` of every class in the MRO, this one before Input's;
        # prevent_default skips Input's, which would let the character go.
        if event.is_printable or not typed_text(event.character):
            return
        event.stop()
        event.prevent_default()
        assert event.character is not None
        if self.selection.is_empty:
            self.insert_text_at_cursor(event.character)
        else:
            self.replace(event.character, *self.selection)

    @property
    def _shown(self) -> str:
        return clean(self.value)

    @property
    def _value(self) -> Text:
        if self.password or self.value.isprintable():
            return super()._value
        text = Text(self._shown, no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        if self.value.isprintable():
            return super()._position_to_cell(position)
        return cell_len(expand_tabs_inline(self._shown[:position], 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        """The character a click on cell ``offset`` lands on, counted on what is drawn.

        Textual counts on the value, where a tab or U+202E is zero cells wide; drawn
        as a one-cell mark, every click after one landed a character early.  It also
        counts character by character, where Rich draws a cluster (an emoji modifier
        after a digit, "0🏻") narrower than its characters' widths added up.  The
        cells are those ``_position_to_cell`` counts (Rich's width of the drawn
        prefix: a zero-width joiner joins the mark after it), so a click lands on
        the first character whose drawn prefix reaches past ``offset``: found by
        halving, as the prefix widths only grow."""
        offset += self.scroll_offset[0]
        low, high = 0, len(self.value)
        while low < high:
            middle = (low + high) // 2
            if self._position_to_cell(middle + 1) > offset:
                high = middle
            else:
                low = middle + 1
        return low
