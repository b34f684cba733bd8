"""``md_inline``'s shortcut for text with nothing to clean or escape gives the full path's bytes.

Escaping ~8,000 distinct texts is half of rendering a 2,000-touchpoint map; most
of them hold no control, separator or Markdown punctuation, so one search
decides that only the block start needs a look.  Any text, hostile or not, must
come out exactly as the full path (clean, escape, make block-safe) makes it.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from models.export import md_text
from models.export.md_text import md_cell, md_inline


def full_path(text: str) -> str:
    """The path every text took before the shortcut (one line, or many)."""
    if md_text._not_one_line().search(text) is None:
        return md_text._md_block_safe(md_text._md_escape_chars(text.strip()))
    lines = [line.strip() for line in md_text.split_lines(text)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return md_text._md_block_safe(
        md_text.LINE_BREAK.join(md_text._md_escape_chars(line) for line in lines))


MARKDOWNISH = st.text(alphabet=st.sampled_from(
    list(" \t\n\r\x0b\x0c\x1c\x85\u2028\u2029\u00a0\u3000\ufeff\x00\x1b\x7f\x9f"
         "-+=>#*_`[]~$|<&\\.)1234567890²٣abc:;@")), max_size=12)


@settings(deadline=None, max_examples=400)
@given(st.one_of(st.text(max_size=20), MARKDOWNISH))
def test_every_text_comes_out_as_the_full_path_makes_it(text: str) -> None:
    assert md_inline(text) == full_path(text)
    assert md_cell(text) == full_path(text)


def test_the_shortcut_still_makes_block_starts_safe() -> None:
    assert md_inline("  - item ") == "\\- item"
    assert md_inline("12. twelve") == "12\\. twelve"
    assert md_inline("> quoted") == "\\> quoted"
    assert md_inline("9.5 hours") == "9.5 hours"
    assert md_inline("\u00a0plain words\u3000") == "plain words"
