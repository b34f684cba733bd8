"""LongText counts a line's rows without laying it out; the count must be Rich's.

The Moments view trusts the count for its scroll range and for where End lands,
and only lays out the lines on screen: a wrong count would cut the list short or
leave blank rows.  User text of any shape (wide characters, long words, spaces)
is checked against Rich's own wrap.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from tui.widgets.long_text import LongText

CONSOLE = Console(width=200)


@settings(deadline=None, max_examples=300)
@given(plain=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")),
                     max_size=300) | st.text(alphabet=" ab界😀-", max_size=300),
       width=st.integers(min_value=2, max_value=120))
def test_rows_counted_are_the_rows_rich_wraps(plain: str, width: int) -> None:
    line = Text(plain)
    rows = CONSOLE.render_lines(line, CONSOLE.options.update_width(width), pad=False)
    assert LongText()._height(line, width) == len(rows)
