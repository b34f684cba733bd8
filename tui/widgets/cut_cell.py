"""A plain table cell's line made directly: the same segments Rich makes, without its render.

Why: a first visit to a step draws each cell on screen once (pain points: 35 rows of 8
cells at 2,000 touchpoints), and most cells are distinct (a rank, a description, a ticket
count), so ``cell_render``'s cache of lines by content does not help there.  Each went
through Rich's whole pipeline (``Styled`` around ``Padding`` around ``Text``: options
copied, the text wrapped, split into lines, cropped, padded, styled twice), about 85 µs
a cell and a fifth of the visit's CPU.  A cell that is one line of printable text in one
style, cut by Rich's own ``set_cell_size`` as ``Text.truncate`` does, is four segments
whose styles follow from ``Styled``'s rule (the cell's style sandwiched between the
row's and the cursor's).  Anything else (spans, tabs, several lines, a justification
that pads with the text's style, no room) returns None and goes through Rich as before.
``tests/tui/test_cut_cell.py`` checks every line against Rich's own.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style

# What ``Text.wrap`` does with a one-line, unwrapped cell under each justification:
# "default" and None leave it as it is; "left" (and the others) pad or move it with
# spaces in the text's own style, which only Rich draws.
PLAIN_JUSTIFY = (None, "default")


def _sandwich(own: Style | None, pre: Style, post: Style) -> Style | None:
    """``Segment.apply_style(…, style=pre, post_style=post)`` for one segment's style."""
    style = pre + own if pre else own
    if post:
        style = style + post if style else post
    return style


def cell_line(console: Console, text: str, style: str | Style, overflow: str | None,
              justify: str | None, end: str, width: int, padding: int, pre: Style,
              post: Style, meta: Style) -> list[Segment] | None:
    """The one line ``DataTable`` draws for ``Text(text, style=style, no_wrap=True,
    end=end, overflow=overflow, justify=justify)`` in a cell ``width`` wide, padded by
    ``padding`` each side, between the styles ``pre`` and ``post``, with ``meta`` (the
    cell's click target) put in front; None when only Rich can tell.  (An ``end`` of
    "\n" starts a second line, which a one-line cell does not show.)"""
    room = width - 2 * padding
    if room < 1 or justify not in PLAIN_JUSTIFY or end not in ("", "\n") \
            or not text.isprintable():
        return None
    length = cell_len(text)
    if length > room:
        if overflow == "ellipsis":
            text = set_cell_size(text, room - 1) + "…"
        elif overflow in (None, "fold", "crop"):
            text = set_cell_size(text, room)
        else:
            return None
        length = room
    own = console.get_style(style) if style else None
    blank = _sandwich(None, pre, post)
    blank = meta + blank if meta else blank
    line = [Segment(" " * padding, blank)] if padding else []
    if text:
        written = _sandwich(own, pre, post)
        line.append(Segment(text, meta + written if meta else written))
    if length < room:
        line.append(Segment(" " * (room - length), blank))
    if padding:
        line.append(Segment(" " * padding, blank))
    return line
