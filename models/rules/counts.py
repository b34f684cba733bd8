"""A count and its noun in agreement: "1 item", "2 items", "1,200 tickets".

Why one helper: every export, the CLI summary and the TUI say counts in
sentences, and each spelling its own plural is how "1 ownership and handoff
risks" reached a leader's summary.  Stdlib only (the first screen uses it).
"""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` then ``word`` (``many``, else ``word`` + "s", unless it is exactly 1).

    A count under a thousand has no separator to place: formatting it with ``,``
    costs about 2.5 times a plain one, and a big map's export words ~1,000 counts.
    """
    number = f"{count}" if type(count) is int and -1000 < count < 1000 else f"{count:,}"
    return f"{number} {word if count == 1 else (many or word + 's')}"


def agree(count: int, one: str, many: str) -> str:
    """The verb (or any word) that agrees with ``count``: ``agree(n, "has", "have")``."""
    return one if count == 1 else many
