"""Mermaid label lengths, e-mail-like text in Markdown, blank lines around a note, actors."""

from __future__ import annotations

import pytest

from models.export.md_text import (
    md_inline,
    mermaid_gantt,
    mermaid_journey,
    mermaid_journey_actor,
    mermaid_quadrant_point,
    mermaid_quadrant_text,
)


@pytest.mark.parametrize("label", [mermaid_quadrant_point, mermaid_quadrant_text])
def test_a_quadrant_name_keeps_40_characters_and_a_longer_one_ends_in_an_ellipsis(
        label) -> None:  # type: ignore[no-untyped-def]
    assert label("x" * 40) == f'"{"x" * 40}"'
    assert label("x" * 41) == f'"{"x" * 39}…"'


@pytest.mark.parametrize("label", [mermaid_journey, mermaid_gantt])
def test_a_journey_or_gantt_name_keeps_60_characters(label) -> None:  # type: ignore[no-untyped-def]
    assert label("y" * 60) == "y" * 60
    assert label("y" * 61) == "y" * 59 + "…"


def test_a_typed_address_in_angle_brackets_stays_text_not_a_mail_link() -> None:
    assert md_inline("<3@example.com>") == "&lt;3@example.com>"
    assert md_inline("mail help@example.com <today>") == "mail help@example.com &lt;today>"
    assert md_inline("3 < 4") == "3 < 4"


def test_blank_lines_around_a_note_are_dropped_and_inner_lines_kept() -> None:
    assert md_inline("\n\n  hello \nworld\n\n") == "hello<br>world"


def test_an_actor_keeps_every_letter_and_only_its_comma_is_encoded() -> None:
    assert mermaid_journey_actor("Xavier, Tier 1") == "Xavier#44; Tier 1"


def test_a_label_keeps_every_letter_it_has_no_reason_to_encode() -> None:
    assert mermaid_journey("Xavier fixes 4XX errors") == "Xavier fixes 4XX errors"


def test_a_byte_order_mark_cannot_hide_a_keyword_at_the_start_of_a_label() -> None:
    assert mermaid_journey("\ufefftitle of the page") == "#116;itle of the page"
