"""What a reader finds in the Markdown file for typed text, byte for byte.

The Hypothesis tests of ``md_text`` compare the export's shortcuts (``Cells``,
``md_joined``) with ``md_inline`` itself, so a wrong escape in the shared code
passes them; here each rule is stated as the literal text written to the file
(docs/mutation.md, session 10: these survived the module's own tests).
"""

from __future__ import annotations

import pytest

from models.export.md_text import Cells, md_cell, md_inline, md_joined, mermaid_gantt


@pytest.mark.parametrize(("typed", "written"), [
    ("Tom &amp; Jerry", "Tom &amp;amp; Jerry"),  # shows "&amp;" as typed, not "&"
    ("Use &#35; for numbers", "Use &amp;\\#35; for numbers"),
    ("Triage & Diagnosis", "Triage & Diagnosis"),  # a lone & is left readable
    ("<b>bold</b> claims", "&lt;b>bold&lt;/b> claims"),  # a tag shows as typed
    ("Tom &amp; <b>\u00a0", "Tom &amp;amp; &lt;b>"),
    ("  &amp;\u00a0x", "&amp;amp;\u00a0x"),  # not one plain line: the slower path, same rules
])
def test_entities_and_tags_are_written_so_they_show_as_typed(typed: str, written: str) -> None:
    assert md_inline(typed) == written
    assert md_cell(typed) == written


@pytest.mark.parametrize(("typed", "written"), [
    ("- not a list", "\\- not a list"),
    ("+ plus", "\\+ plus"),
    ("> not a quote", "\\> not a quote"),
    ("---", "\\---"),
    ("12. not a numbered item", "12\\. not a numbered item"),
    ("3) three", "3\\) three"),
    ("- *starred* item", "\\- \\*starred\\* item"),  # a block marker and syntax after it
    ("1. *one*", "1\\. \\*one\\*"),
    ("Done - 9.5 hours", "Done - 9.5 hours"),  # no marker at the start: nothing to escape
    ("9.5 hours", "9.5 hours"),
])
def test_a_block_marker_at_the_start_is_escaped_and_text_after_it_kept(
        typed: str, written: str) -> None:
    assert md_inline(typed) == written


@pytest.mark.parametrize(("value", "written"), [
    (None, ""), ("", ""), (3, "3"), (2.5, "2.5"), ("- x", "\\- x"),
])
def test_a_cell_of_a_value_that_is_not_text_is_its_text(value: object, written: str) -> None:
    assert md_cell(value) == written
    assert md_inline(value) == written


def test_a_joined_line_escapes_each_part_once() -> None:
    cells = Cells()
    assert md_joined(cells, "Sign-in", " › ", "*Reset* link") == "Sign-in › \\*Reset\\* link"
    assert md_joined(cells, "a <- b", " › ", "help@example.com") == (
        "a &lt;- b › help@example.com")  # an address anywhere on the line: every < escaped
    assert md_joined(cells, "Lane", " › ", "- item") == "Lane › - item"
    assert md_joined(cells, "a <- b", " › ", "mail <help@example.com>") == (
        "a &lt;- b › mail &lt;help@example.com>")  # both parts hold "<", one an address


@pytest.mark.parametrize(("typed", "written"), [
    ("Excludes weekends", "#69;xcludes weekends"),  # a gantt keyword: its first letter encoded
    ("section of the day", "#115;ection of the day"),
    ("2024-01-01 launch", "#50;024-01-01 launch"),  # a leading date would be read as one
    ("Launch 2024-01-01", "Launch 2024-01-01"),
    ("5% fewer", "5#37; fewer"),
])
def test_a_gantt_name_that_starts_like_a_statement_keeps_its_letters(
        typed: str, written: str) -> None:
    assert mermaid_gantt(typed) == written
