"""How long a Mermaid label may be before the export shortens it, and how it is shortened."""

from __future__ import annotations

import pytest

from models.export.md_text import (
    mermaid_gantt,
    mermaid_journey,
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
