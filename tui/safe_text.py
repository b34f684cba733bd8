"""One place that turns user text into something safe to put on a terminal.

Anything a person typed is data.  Rich/Textual markup in it (``[bold]``) must
show literally, and control characters (``\\x1b``, ``\\x07``, …) must never reach
the terminal, where they could clear the screen, ring the bell or move the
cursor.  Every screen builds what it shows through ``clean`` / ``safe`` so there
is exactly one rule to audit.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

from models.rules.live_maps import is_live
from models.rules.numbers import fmt_exact
from models.vocab import TO_BE_MARK

# C0 controls become their Unicode "control picture" (U+2400 + code); DEL and C1
# controls (which some terminals also obey) become a visible "?" box.
_CONTROL_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)}
_CONTROL_PICTURES[0x7F] = "\u2421"  # ␡
_TABLE = {**_CONTROL_PICTURES, **{code: "\ufffd" for code in range(0x80, 0xA0)}}
# Bidi overrides/isolates can visually reorder the rest of a line; show them as marks.
for _code in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069):
    _TABLE[_code] = "\ufffd"


def clean(value: object, *, keep_newlines: bool = False) -> str:
    """Return ``value`` as text with every control character made visible.

    Newlines are neutralised too unless ``keep_newlines``: a table cell or a
    one-line label must stay one line.
    """
    text = "" if value is None else str(value)
    if text.isprintable():  # nothing to replace (every replaced character is Cc or Cf)
        return text
    if keep_newlines:
        return "\n".join(line.translate(_TABLE) for line in text.split("\n"))
    return text.translate(_TABLE)


def safe(value: object, style: str | Style = "", *, limit: int | None = None,
         keep_newlines: bool = False, wrap: bool = False) -> Text:
    """A Rich ``Text`` that renders ``value`` literally (never parsed as markup).

    ``limit`` (terminal cells) shortens long values with an ellipsis so one
    pasted 5,000-character line cannot blow up a table's column widths.  A
    one-line text never wraps unless ``wrap``: in a table column that is too
    narrow it would be cropped without a mark, so a cell that may be long wraps.
    """
    text = clean(value, keep_newlines=keep_newlines)
    if limit is not None:
        text = fit(text, limit)
    return Text(text, style=style, no_wrap=not (keep_newlines or wrap), end="")


def prose(value: object, style: str | Style = "") -> Text:
    """``safe``, but wrapped at the terminal's width: a printed sentence, not a table cell
    (the CLI's reports print whole lines of user text; a cell stays one line)."""
    text = safe(value, style)
    text.no_wrap = False
    return text


def marked_title(workshop: Any, cells: int) -> Text:
    """A workshop's title in ``cells`` cells; a to-be copy's is shortened before its
    marker, so in a narrow list it still reads apart from its as-is map ("… (to-be)")."""
    if is_live(workshop):
        return safe(workshop.title, limit=cells)
    title = workshop.title.removesuffix(TO_BE_MARK)
    return Text.assemble(safe(title, limit=cells - len(TO_BE_MARK)), TO_BE_MARK, end="")


# What joins emoji into one picture: the zero-width joiner, the text/emoji variation
# selectors and the five skin-tone modifiers.  Terminals disagree on such a sequence's
# width (tmux 3.3a draws "👍🏽" in four cells and "❤️" in one, Rich measures two).
_JOINERS = dict.fromkeys([0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400)])


def steady(text: str) -> str:
    """``text`` as drawn in a column: its emoji sequences taken apart into single emoji.

    Each emoji of "👨🏽‍💻" is then one character whose width Rich and every terminal
    agree on ("👨💻"), so a swimlane or table row with it lines up with the others
    instead of sitting two columns right; the stored text keeps the sequence.
    """
    return text.translate(_JOINERS) if not text.isascii() else text


def fit(text: str, cells: int, *, pad: bool = False) -> str:
    """``text`` cut to ``cells`` terminal cells, the cut shown by an ellipsis.

    Counted in cells, not characters: an emoji or a CJK character takes two,
    and a column budget counted in characters overflows by one per emoji.
    ``pad`` fills the rest with spaces, for drawings whose columns line up.
    Emoji sequences are taken apart first (``steady``): a cell count is only
    right if the terminal draws what Rich measured.
    """
    text = steady(text)
    if cell_len(text) <= cells:
        shown = text
    elif cells <= 0:
        shown = ""
    else:
        shown = set_cell_size(text, cells - 1).rstrip() + "…"
    return shown + " " * (cells - cell_len(shown)) if pad else shown



def short(value: object, limit: int = 40) -> str:
    """Plain cleaned text cut to ``limit`` cells (for notifications and titles)."""
    return fit(clean(value), limit)


def typed_text(character: str | None) -> bool:
    """Whether a key's character is text that a field takes when typed.

    Every single character but a control (Tab, Enter, Esc and the C1 controls stay
    keys) or a lone surrogate.  Textual's ``Input`` asks ``str.isprintable``, which
    also refuses Unicode's format characters (the joiner inside "👩‍💻", the bidi
    marks of a right-to-left name), spaces other than " " (a no-break space) and
    private-use glyphs: typed, they were lost, and user text is stored as typed.
    """
    return (character is not None and len(character) == 1
            and unicodedata.category(character) not in ("Cc", "Cs"))


def is_printable(text: str) -> bool:
    """True when ``text`` has no character ``clean`` would replace (used in tests)."""
    return all(unicodedata.category(ch) not in {"Cc"} for ch in text)


def display(value: object) -> str:
    """A stored value as an input holds it (None as empty, 12.0 as 12), text exactly.

    Not cleaned: the input edits the value itself, and its first edit would save
    the marks (``␉`` for a tab) over the person's text.  The input draws through
    ``clean`` (``tui.widgets.clean_input``); anything else that shows it, too.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return fmt_exact(value)
    return str(value)
