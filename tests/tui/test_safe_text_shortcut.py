"""``clean`` skips the character table for text with nothing to replace (most text).

The shortcut must never change a result: every character the table replaces
is a control or format character, which ``str.isprintable`` already rejects.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.safe_text import _TABLE, clean


def test_every_replaced_character_is_not_printable() -> None:
    assert all(not chr(code).isprintable() for code in _TABLE)


@settings(deadline=None)
@given(st.text())
def test_clean_is_the_table_translation(text: str) -> None:
    assert clean(text) == text.translate(_TABLE)
    assert clean(text, keep_newlines=True) == "\n".join(
        line.translate(_TABLE) for line in text.split("\n"))
