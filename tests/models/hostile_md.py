"""Hostile user text for the Markdown and the Mermaid export tests.

Both test modules draw from the same words (Mermaid's keywords, Markdown's block
syntax, controls, bidi marks, wide letters), and test modules never import each
other, so the strategy and the reader's expected text live here.
"""

from __future__ import annotations

from hypothesis import strategies as st

from models.export.md_text import split_lines

MERMAID_WORDS = ["end", "section", "title", "journey", "gantt", ":", "#", "%%", ";", "%%{init}%%",
                 "excludes weekends", "click", "2024-01-01", "quadrant-1", "x-axis", "-->",
                 "\"", "`", "```", "|", "[", "]", "<br>", "&amp;", "\\", "\n", "\r\n", "\t",
                 "- ", "1. ", "# ", "> ", "===", "---", "[x](y)", "*", "_", "~~", "$x$",
                 "\u202e", "\u2028", "\x1b[31m", "\x00", "\ufefftitle", "[bold]", "[/]",
                 "😀", "漢字", "עברית", "->", "<-", "<", "a@b.c", "<1@x.y>", "<=", "#58;",
                 "#quot;", "{{", "}}"]
hostile_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from(MERMAID_WORDS) | st.text(max_size=5), max_size=8).map("".join),
)


def expected_text(text: str) -> str:
    """What a reader should see: the typed lines, trimmed, controls as pictures."""
    lines = [line.strip() for line in split_lines(text)]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
