"""The export's per-document escapes give exactly ``md_inline``'s bytes (issue 18).

A big export escapes each distinct text once into ``Cells`` and names a
touchpoint as "stage › name" by joining the escapes of its parts
(``md_joined``) instead of escaping the whole line again; the touchpoint table
leaves a "does / thinks / feels" out when its escape is empty.  For any text,
hostile or not, each must be what ``md_inline`` makes of the same text.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from models.export.md_text import Cells, md_inline, md_joined, split_lines

# Markdown syntax, block markers, entity and tag starts, digits, spaces, controls and
# line separators: the characters the escaping rules look at, and the ones around them.
HOSTILE = st.lists(st.sampled_from(
    list("ab1-+=>.)#|*_[]~$`\\<&;@ !\t\n\r\x0b\x1b\x85\u2028\u202e\xa0")
    + ["&amp;", "<b", "12.", "- ", "  "]), max_size=8).map("".join)
TEXTS = st.one_of(st.text(max_size=12), HOSTILE)
SEPARATORS = st.sampled_from([" › ", " → ", " - ", " ", "›", " & ", " <", " |"])


@settings(deadline=None, max_examples=400)
@given(TEXTS)
def test_a_cell_is_md_inline(text: str) -> None:
    cells = Cells()
    assert cells[text] == md_inline(text)
    assert cells[text] == md_inline(text)  # and the remembered answer too


@settings(deadline=None)
@given(st.one_of(st.none(), st.integers(), st.just("")))
def test_a_cell_of_a_missing_value_is_as_md_cell(value: object) -> None:
    cells = Cells()
    assert cells[value] == md_inline(value)  # type: ignore[index]


@settings(deadline=None, max_examples=600)
@given(TEXTS, SEPARATORS, TEXTS, st.booleans())
@example("a", " › ", "1.", False)  # the tail's own escape would mark a list
@example("a", " › ", "- x", False)
@example("a <", " › ", "x@y", False)  # an "@" further on makes every "<" an entity
@example("x@y", " › ", "a <", False)
@example("&amp", " › ", ";", False)
@example("a", " \n ", "b", False)
@example(" a", " › ", "b", False)  # parts with spaces around them
@example("a", " › ", "b ", False)
@example("a ", " › ", "b", False)
@example("a", " › ", " b", False)
@example("-", " › ", "b", False)  # a marker at the line's start holds either way
@example("1.", " › ", "b", False)
@example("-", "› ", "b", False)  # the separator must start with a space
@example("a", " |", "b", False)
def test_a_joined_line_is_the_whole_line_escaped(head: str, sep: str, tail: str,
                                                  stripped: bool) -> None:
    if stripped:
        head, tail = head.strip(), tail.strip()
    cells = Cells()
    assert md_joined(cells, head, sep, tail) == md_inline(head + sep + tail)


@settings(deadline=None, max_examples=400)
@given(TEXTS)
@example("\x1f")  # whitespace to str.strip, but a control: it shows as its picture ␟
def test_an_escape_is_empty_exactly_when_the_text_is_blank(text: str) -> None:
    # blank: nothing visible once its lines are cleaned (controls become pictures)
    assert (md_inline(text) == "") == (not "".join(split_lines(text)).strip())
