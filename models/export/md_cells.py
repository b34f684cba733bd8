"""A document's user texts escaped for Markdown in batches, before its sections ask for them.

Why: a 2,000-touchpoint export escapes about 7,000 distinct texts.  Escaping them
one by one (``md_text.Cells``) is a few Python calls and a dozen string scans per
text, mostly on texts of 20 to 100 characters: the calls cost more than the
scans.  Here the texts of a section are joined with line breaks (which no
printable text holds), each pass of ``md_inline``'s escaping runs once over the
joined string, and the result is split back, so the work per text is one join
and one split.  A text the batch cannot take exactly (not printable, or an
``@`` beside a ``<``, which escapes every ``<`` of its own text) is left to
``Cells``, which escapes it when it is asked for.  The bytes are the same:
``tests/models/test_md_cells.py`` holds the batch to ``md_inline`` on hostile text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import filterfalse

from models.export.md_text import (
    _BLOCK_FIRST,
    _MD_ENTITY_LIKE,
    _MD_TAG_START,
    Cells,
    _joinable,
    escape_marked,
)

# ``md_text._MD_BLOCK_START`` for a text that follows a line break and is followed by
# one: the end of a text is a line break here, which ``\s`` matches as ``$`` did.
_BULLET_OR_QUOTE = re.compile(r"\n(?=[-+=][-=\s]|>)")
_ORDERED_LIST = re.compile(r"\n(\d{1,9})(?=[.)]\s)")


def fill(cells: Cells, texts: Iterable[str]) -> None:
    """Escape into ``cells`` the texts it does not hold yet, all in one batch.

    Each text ends up as ``md_inline`` gives it: trimmed, Markdown syntax
    backslash-escaped, ``&`` and ``<`` as entities where they would start one,
    a leading block marker escaped.  Texts the batch leaves out are escaped by
    ``Cells`` on demand, as before.
    """
    # not ``set.difference(cells)``: for a dict subclass that walks every key of ``cells``
    todo = set(filterfalse(cells.__contains__, texts))
    plain = [text for text in todo if type(text) is str and text.isprintable()]
    joined = "\n" + "\n".join(plain) + "\n"
    if "@" in joined and "<" in joined:
        plain = [text for text in plain if "@" not in text]
        joined = "\n" + "\n".join(plain) + "\n"
    if not plain:
        return
    # printable text holds no whitespace but the space: trimming is dropping spaces
    # beside the line breaks
    while " \n" in joined:
        joined = joined.replace(" \n", "\n")
    while "\n " in joined:
        joined = joined.replace("\n ", "\n")
    # as ``md_text._escape_present``: entities and tags marked, backslashes, then the marks
    if "&" in joined:
        joined = _MD_ENTITY_LIKE.sub("\x00", joined)
    if "<" in joined:
        joined = _MD_TAG_START.sub("\x01", joined)
    joined = escape_marked(joined)
    joined = _BULLET_OR_QUOTE.sub("\n\\\\", joined)
    joined = _ORDERED_LIST.sub(r"\n\1\\", joined)
    cells.update(zip(plain, joined[1:-1].split("\n"), strict=True))


# ``_inert`` of an ASCII text in one match: no control, ``&`` or ``<``; no space at either
# end; no block marker (``-+=>`` or a digit) first.
_INERT_ASCII = re.compile(r"[^\x00-\x20\-+=>0-9&<\x7f](?:[^\x00-\x1f&<\x7f]*[^\x00-\x20&<\x7f])?")


def _inert(part: str) -> bool:
    """Whether ``part`` escapes alike alone and inside a line of plain words.

    Backslash escapes are per character; what is not is the trim, a leading
    block marker and ``&``/``<`` (escaped by what follows them).  So a part
    counts when it is not empty, stripped, printable, holds no ``&`` or ``<``,
    and starts with no block marker.
    """
    if part.isascii():
        return _INERT_ASCII.fullmatch(part) is not None
    first = part[:1]
    return (first != "" and first not in _BLOCK_FIRST and not first.isdigit()
            and part == part.strip() and _joinable(part))


class Quoted(dict[str, str | None]):
    """Each quoted part's escape when it is inert, else None: worked out once per text.

    Why a dict: the same team, stage and touchpoint names are quoted by hundreds
    of sentences, and checking a part costs more than the escape it saves.
    """

    __slots__ = ("cells",)

    def __init__(self, cells: Cells) -> None:
        super().__init__()
        self.cells = cells

    def __missing__(self, part: str) -> str | None:
        found = self[part] = self.cells[part] if _inert(part) else None
        return found


def md_sentence(quoted: Quoted, word: Callable[..., str], *parts: str) -> str:
    """``md_inline(word(*parts))``, worded around the parts' escapes when that is exact.

    Why: the export quotes user text inside two thousand sentences of its own
    (moments of truth, ownership risks); escaping each whole sentence scanned
    every character of the words around the names (~14 K instructions a
    sentence on the bench map).  ``word`` is the one wording (the TUI and the
    CLI show ``word(*parts)``): its own text must hold no Markdown syntax, no
    ``&`` or ``<``, no leading or trailing space and no leading block marker
    (``tests/models/test_md_sentence.py`` holds each wording to ``md_inline``
    on hostile parts).  A part that is not inert sends the whole sentence to
    the document's cells.
    """
    escaped = [*map(quoted.__getitem__, parts)]
    if None not in escaped:
        return word(*escaped)
    return quoted.cells[word(*parts)]
