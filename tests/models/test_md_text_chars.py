"""What a reader of an exported document sees for odd characters, "%%", actors and tables."""

from __future__ import annotations

import pytest

from models.export.md_text import (
    clean_line,
    md_inline,
    md_table,
    mermaid_gantt,
    mermaid_journey,
    mermaid_journey_actor,
    mermaid_quadrant_point,
    mermaid_quadrant_text,
)


@pytest.mark.parametrize(("typed", "shown"), [
    ("\x00", "\u2400"), ("\x1b", "\u241b"), ("\x1f", "\u241f"),  # C0: control pictures
    ("\x7f", "\u2421"),  # DEL has its own picture
    ("\x80", "\ufffd"), ("\x85", "\ufffd"), ("\x9f", "\ufffd"),  # C1: no picture exists
    ("\ud800", "\ufffd"), ("\udbff", "\ufffd"), ("\udc00", "\ufffd"), ("\udfff", "\ufffd"),
])
def test_invisible_characters_become_visible_marks(typed: str, shown: str) -> None:
    assert clean_line(f"a{typed}b") == f"a{shown}b"


@pytest.mark.parametrize("typed", [" ", "~", "\xa0", "é", "\ud7ff", "\ue000", "\uffff", "😀"])
def test_ordinary_characters_next_to_the_control_ranges_stay_as_typed(typed: str) -> None:
    assert clean_line(f"a{typed}b") == f"a{typed}b"


def test_a_tab_is_a_space_and_the_cleaned_text_can_always_be_written() -> None:
    assert clean_line("a\tb") == "a b"
    assert md_inline("x\ud800y\x7f").encode("utf-8") == "x\ufffdy\u2421".encode()


LABELS = [mermaid_journey, mermaid_gantt, mermaid_journey_actor]


@pytest.mark.parametrize("label", LABELS)
def test_percent_signs_survive_in_every_mermaid_label(label) -> None:  # type: ignore[no-untyped-def]
    assert label("50%% done") == "50#37;#37; done"
    assert label("5% fewer") == "5#37; fewer"


def test_percent_signs_survive_in_quadrant_labels() -> None:
    assert mermaid_quadrant_point("100%% sure") == '"100#37;#37; sure"'
    assert mermaid_quadrant_text("%%{init}%%") == '"#37;#37;#123;init#125;#37;#37;"'


@pytest.mark.parametrize("typed", ["title clerk", "Section lead", "journey owner",
                                   "accTitle bot", "accDescr bot", "TITLE"])
def test_an_actor_starting_like_a_journey_keyword_is_shown_as_typed(typed: str) -> None:
    actor = mermaid_journey_actor(typed)
    assert actor == f"#{ord(typed[0])};{typed[1:]}"


def test_an_ordinary_actor_is_kept_and_commas_do_not_split_it() -> None:
    assert mermaid_journey_actor("Tier 1 agent") == "Tier 1 agent"
    assert mermaid_journey_actor("Billing, Finance") == "Billing#44; Finance"
    assert mermaid_journey_actor("") == "(untitled)"


def test_an_actor_is_at_most_30_characters() -> None:
    exact = "a" * 30
    assert mermaid_journey_actor(exact) == exact
    assert mermaid_journey_actor(exact + "b") == "a" * 29 + "…"
    assert mermaid_journey_actor("b" * 28 + "   cc") == "b" * 28 + "…"


def test_a_journey_label_is_at_most_60_characters_by_default() -> None:
    assert mermaid_journey("x" * 60) == "x" * 60
    assert mermaid_journey("x" * 61) == "x" * 59 + "…"


def test_short_table_rows_are_padded_to_the_header() -> None:
    rows = [["Ana"], ["Bo", "call"], [], ["Cy", "mail", "today"]]
    table = md_table(["Who", "What", "When"], rows)
    assert table.splitlines() == [
        "| Who | What | When |",
        "| --- | --- | --- |",
        "| Ana |  |  |",
        "| Bo | call |  |",
        "|  |  |  |",
        "| Cy | mail | today |",
    ]


def test_a_table_row_with_too_many_cells_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="^table row has 3 cells for 2 columns$"):
        md_table(["a", "b"], [["1", "2", "3"]])


@pytest.mark.parametrize("typed", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                   "\u2066", "\u2067", "\u2068", "\u2069"])
def test_bidi_overrides_cannot_reorder_the_rest_of_a_line(typed: str) -> None:
    """A persona ending in U+202E (right-to-left override) made the scenario printed after
    it on the same Markdown line read backwards (found in tmux QA); the TUI and the CLI
    show such marks as U+FFFD, and so do the documents."""
    assert clean_line(f"a{typed}b") == "a\ufffdb"
    assert md_inline(f"Persona {typed}x") == "Persona \ufffdx"
    assert md_inline(f"[b] {typed}x") == "\\[b\\] \ufffdx"
    assert typed not in mermaid_journey(f"a{typed}b")
