"""A document's user texts escaped for Markdown in batches, before its sections ask for them.

Why: a 2,000-touchpoint export escapes about 7,000 distinct texts.  Escaping them
one by one (``md_text.Cells``) is a few Python calls and a dozen string scans per
text, mostly on texts of 20 to 100 characters: the calls cost more than the
scans.  Here the texts of a section are joined with line breaks (which no
printable text holds), each pass of ``md_inline``'s escaping runs once over the
joined string, and the result is split back, so the work per text is one join
and one split.  A text the batch cannot take exactly (not printable, or an
``@`` beside a ``<``, which escapes every ``<`` of its own text) is escaped
alone, as ``Cells`` does.  The bytes are the same:
``tests/models/test_md_cells.py`` holds the batch to ``md_inline`` on hostile text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.export.md_text import _MD_ENTITY_LIKE, _MD_TAG_START, Cells, escape_marked

# ``md_text._MD_BLOCK_START`` for a text that follows a line break and is followed by
# one: the end of a text is a line break here, which ``\s`` matches as ``$`` did.
_BULLET_OR_QUOTE = re.compile(r"\n(?=[-+=][-=\s]|>)")
_ORDERED_LIST = re.compile(r"\n(\d{1,9})(?=[.)]\s)")


def fill(cells: Cells, texts: Iterable[str]) -> None:
    """Escape into ``cells`` the texts it does not hold yet, all in one batch.

    Each text ends up as ``md_inline`` gives it: trimmed, Markdown syntax
    backslash-escaped, ``&`` and ``<`` as entities where they would start one,
    a leading block marker escaped.  Texts the batch cannot take are escaped
    one by one, so afterwards ``cells`` holds every text: a section may read
    them from an exact ``dict`` copy (a lookup in a ``dict`` subclass takes the
    interpreter's slow path, ~200 instructions more).
    """
    # The texts held already are the set's common part with the keys: ``&`` walks the
    # smaller of the two (``set.difference(cells)`` would walk every key of ``cells``,
    # asking ``cells`` about each text a C call per text, 14,000 for a touchpoint batch).
    todo = set(texts)
    todo -= cells.keys() & todo
    plain = [text for text in todo if type(text) is str and text.isprintable()]
    joined = "\n" + "\n".join(plain) + "\n"
    if "@" in joined and "<" in joined:
        plain = [text for text in plain if "@" not in text]
        joined = "\n" + "\n".join(plain) + "\n"
    todo.difference_update(plain)
    for text in todo:  # what the batch cannot take, escaped one by one
        cells.__missing__(text)
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
