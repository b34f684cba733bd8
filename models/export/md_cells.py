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
from itertools import chain, groupby

from models.export.md_text import (
    _BLOCK_FIRST,
    _MD_ENTITY_LIKE,
    _MD_SPECIAL,
    Cells,
    closes_no_entity,
    escape_marked,
    md_tag_start,
)

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
        joined = md_tag_start().sub("\x01", joined)
    joined = escape_marked(joined)
    joined = _BULLET_OR_QUOTE.sub("\n\\\\", joined)
    joined = _ORDERED_LIST.sub(r"\n\1\\", joined)
    cells.update(zip(plain, joined[1:-1].split("\n"), strict=True))


def md_worded(cells: Cells, lines: Iterable[tuple[str, ...]]) -> list[str]:
    """``md_inline`` of lines made of our words around user texts, from the texts' escapes.

    ``lines``: each line's parts, our words at even places (first and last included)
    and a user's text at odd ones: ``("“", name, "” (valley, sentiment -2): no card")``.
    Why: the moments of truth and the ownership risks (a thousand lines each on a big
    map) repeat a few wordings around names the document escapes anyway; escaping,
    hashing and storing each whole line again cost ~10 instructions a character.
    Escapes are per character, so a line's escape is its parts' joined when our words
    hold no syntax, no whitespace ends the line, no block marker starts it, and every
    user text escapes as it would inside a line (``_fits``).  A run of lines of one
    shape is checked column by column, so the work per line is a join.  Any other line
    is escaped whole (``fill``): the bytes are ``md_inline``'s either way.
    """
    out: list[str] = []
    for _size, run in groupby(lines, len):
        same = list(run)
        columns: list[Iterable[str]] = list(zip(*same, strict=True))
        texts = set(chain.from_iterable(columns[1::2]))
        fill(cells, texts)
        words = [set(column) for column in columns[::2]]
        if not (len(columns) % 2 and all(map(_syntax_free, chain.from_iterable(words)))
                and all(map(_starts_line, words[0])) and all(map(_ends_line, words[-1]))):
            fitting = None  # our words cannot be joined around anything: every line whole
        elif _fits(texts):
            columns[1::2] = [map(cells.__getitem__, column) for column in columns[1::2]]
            out += map("".join, zip(*columns, strict=True))
            continue
        else:
            fitting = {text for text in texts if _fits({text})}
        for parts in same:
            if fitting is not None and fitting.issuperset(parts[1::2]):
                escaped = list(parts)
                escaped[1::2] = map(cells.__getitem__, parts[1::2])
                out.append("".join(escaped))
            else:
                line = "".join(parts)
                fill(cells, [line])
                out.append(cells[line])
    return out


def _starts_line(word: str) -> bool:
    return word[:1] not in _BLOCK_FIRST and not word[:1].isdigit() and not word[:1].isspace() \
        and word != ""


def _ends_line(word: str) -> bool:
    return not word[-1:].isspace() and word != ""


def _syntax_free(word: str) -> bool:
    return word.isprintable() and _MD_SPECIAL.search(word) is None


def _fits(texts: set[str]) -> bool:
    """Every text escapes as it would inside a line: one printable stripped line, no ``<``
    (escaped by what follows it, or by an ``@`` anywhere in the line), no block marker
    first (``fill``'s own patterns), no ``&`` whose entity the next words could complete."""
    joined = "\n" + "\n".join(texts) + "\n"
    return ("".join(texts).isprintable() and "<" not in joined
            and " \n" not in joined and "\n " not in joined
            and _BULLET_OR_QUOTE.search(joined) is None and _ORDERED_LIST.search(joined) is None
            and closes_no_entity(joined))
