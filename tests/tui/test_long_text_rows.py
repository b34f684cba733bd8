"""LongText counts a line's rows without laying it out; the count must be Rich's.

The Moments view trusts the count for its scroll range and for where End lands,
and only lays out the lines on screen: a wrong count would cut the list short or
leave blank rows.  User text of any shape (wide characters, long words, spaces)
is checked against Rich's own wrap.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from tui.widgets.long_text import LongText

CONSOLE = Console(width=200)


@settings(deadline=None, max_examples=300)
@given(plain=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")),
                     max_size=300) | st.text(alphabet=" ab界😀-", max_size=300)
       | st.text(alphabet=" \u00a0ab•é-.x", max_size=300)
       | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=300),
       width=st.integers(min_value=2, max_value=120))
def test_rows_counted_are_the_rows_rich_wraps(plain: str, width: int) -> None:
    line = Text(plain)
    rows = CONSOLE.render_lines(line, CONSOLE.options.update_width(width), pad=False)
    assert LongText()._height(line, width) == len(rows)


def test_lines_of_one_cell_characters_are_counted_without_rich_breaker(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The Future state's ~27,500 lines ("• " and words) and Moments' lines are
    one cell a character: their rows are a greedy count over the words.  Rich's
    breaker measured every word twice in Python: 5,000 long lines at 10,000
    touchpoints were half of the Future state's first visit."""
    from tui.widgets import long_text

    calls = [0]
    real = long_text.divide_line

    def counting(*args: object, **kwargs: object) -> list[int]:
        calls[0] += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(long_text, "divide_line", counting)
    lines = [Text("• " + "Fix 1234 will cut contacts by 30% (café) " * 4),
             Text("▼ Touchpoint 7 | `x` — sentiment -2, 3 pain points " * 3),
             Text("x" * 100 + " folded")]
    for width in (20, 37, 76):
        for line in lines:
            rows = CONSOLE.render_lines(line, CONSOLE.options.update_width(width), pad=False)
            assert LongText()._height(line, width) == len(rows)
    assert calls[0] == 3, "only the line with a word wider than the screen needs Rich's breaker"
