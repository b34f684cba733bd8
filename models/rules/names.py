"""People's names: one normal form, and a skeleton to catch look-alike names.

Why: the change log and the role table are keyed by display name, so "Lea" in
Latin letters and "Lеa" with a Cyrillic "е" must not be two people who look
the same on screen.  Names are stored NFKC-normalised (full-width and ligature
forms folded).  Two names are *confusable* when their skeletons match; the
skeleton is NFKC + casefold + a small map of the Cyrillic and Greek letters that
look like Latin ones (not the full Unicode confusables table, which would need a
data file: this covers the look-alikes a keyboard layout switch produces).
"""

from __future__ import annotations

import unicodedata

from models.db.fields import check_name

# Cyrillic and Greek letters drawn like Latin ones (after casefold), to their Latin twin.
_HOMOGLYPHS = str.maketrans({
    "а": "a", "в": "b", "с": "c", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i",
    "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "ԛ": "q", "ѕ": "s",
    "т": "t", "у": "y", "х": "x", "ԝ": "w", "ӏ": "l", "ɡ": "g",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ς": "c", "σ": "o",
    "0": "o", "1": "l", "|": "l",
})
_INVISIBLE = {"Cf", "Mn"}  # format characters (zero-width joiners…) and combining marks


def normalize(name: str) -> str:
    """The stored form: NFKC, inner whitespace collapsed, NUL removed."""
    return " ".join(unicodedata.normalize("NFKC", str(name).replace("\x00", "")).split())


def checked(name: str) -> str:
    """The stored form of a seat name typed at an entry path (grant, join, invite).

    Checked before ``normalize``: it would turn a newline or an ASCII separator into a
    space and hide the control character the name was typed with (``check_name``).
    """
    return normalize(check_name("seat name", name))


def skeleton(name: str) -> str:
    """What a name looks like: equal skeletons read as the same name on screen.

    The final sigma "ς" is drawn like a "c", but casefold turns it into "σ" (drawn like
    an "o"), so it is read as "c" before folding.
    """
    folded = unicodedata.normalize("NFKD", normalize(name).replace("ς", "c").casefold())
    kept = "".join(ch for ch in folded if unicodedata.category(ch) not in _INVISIBLE)
    return kept.translate(_HOMOGLYPHS).replace(" ", "")


def confusable_with(name: str, others: list[str]) -> str | None:
    """The first of ``others`` that looks like ``name`` but is not exactly it; else None."""
    mine = skeleton(name)
    for other in others:
        if other != name and skeleton(other) == mine:
            return other
    return None
