"""Texts escaped in one batch (``md_cells.fill``) give exactly ``md_inline``'s bytes (issue 18).

The export joins a section's texts with line breaks, runs the escaping over the
joined string once and splits it back.  Whatever the texts, alone or side by
side in one batch, each must come out as ``md_inline`` makes it; the ones the
batch cannot take stay for ``Cells`` to escape on demand, with the same answer.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.export.md_cells import fill
from models.export.md_text import Cells, md_inline

# the characters the escaping looks at, the ones around them, and whole markers
HOSTILE = st.lists(st.sampled_from(
    list("ab1-+=>.)#|*_[]~$`\\<&;@ !\t\n\r\x0b\x1b\x85\u2028\u202e\xa0\x00\x01›")
    + ["&amp;", "&#35;", "<b", "12.", "1234567890.", "- ", "  ", "--", "==", "> "]),
    max_size=10).map("".join)
TEXTS = st.one_of(st.text(max_size=14), HOSTILE)


@settings(deadline=None, max_examples=500)
@given(st.lists(TEXTS, max_size=12))
@example(["a <b", "mail@example.com"])  # an "@" in one text, a "<" in another
@example(["a <b@c", "x <y"])  # the "@" beside its own "<": every "<" an entity
@example(["-", "- x", "-x", "+ y", "= z", "==", "> q", ">q", "1. a", "1.", "1)", "9.5 h"])
@example(["1234567890. a", "123456789. b", "x1. c"])
@example([" a ", "  ", "", "b  ", "  c"])
@example(["&amp;", "a & b", "&", "&#35;x;", "a<", "<", "<= 3", "a <- b", "<!--"])
@example(["a\nb", "tab\there", "\xa0pad\xa0", "why?\nreally"])  # left to Cells
@example(["\\*", "`code`", "a|b", "# h", "~s~", "$x$", "[l](u)", "_e_"])
def test_a_batch_escape_is_md_inline(texts: list[str]) -> None:
    cells = Cells()
    fill(cells, texts)
    assert {text: cells[text] for text in texts} == {text: md_inline(text) for text in texts}


@settings(deadline=None, max_examples=200)
@given(st.lists(TEXTS, max_size=8), st.lists(TEXTS, max_size=8))
def test_a_second_batch_keeps_the_first_one_s_answers(first: list[str],
                                                       second: list[str]) -> None:
    cells = Cells()
    fill(cells, first)
    fill(cells, second)
    assert all(cells[text] == md_inline(text) for text in first + second)


def test_texts_the_batch_cannot_take_are_escaped_alone() -> None:
    """Every text is held after ``fill`` (sections read an exact ``dict`` copy of it)."""
    cells = Cells()
    texts = ["plain", "two\nlines", "a <b@c", "tab\there", "\xa0x"]
    fill(cells, texts)
    assert dict(cells) == {text: md_inline(text) for text in texts}
    assert cells["two\nlines"] == "two<br>lines" and cells["a <b@c"] == "a &lt;b@c"


class _AskedCells(Cells):
    """Cells that count the texts asked about one by one."""

    __slots__ = ()
    asked = 0

    def __contains__(self, text: object) -> bool:
        _AskedCells.asked += 1
        return super().__contains__(text)


def test_a_batch_asks_about_the_texts_as_a_set_not_one_by_one() -> None:
    """Issue 18: a touchpoint batch is 14,000 texts of which ~4,000 differ; asking the
    cells about each one was a C call per text (~3 M instructions of the bench export).
    The set of the texts and the cells' keys are compared whole instead, walking the
    smaller of the two; a text held already keeps its answer."""
    cells = _AskedCells()
    fill(cells, [f"row {i % 50}" for i in range(1_000)])
    held = {text: cells[text] for text in cells}
    fill(cells, ["row 1", "new | one", *held])
    # main 8cd0cff asked 1,052 times (failed there): once for each text of both batches
    assert _AskedCells.asked == 0
    assert all(cells[text] is escaped for text, escaped in held.items())
    assert set(cells) == {*held, "new | one"} and cells["new | one"] == "new \\| one"
