"""A real zero is a number, not a blank (models/export/md_text.py, md_pains.py): ``md_cell``
and ``md_inline`` write 0 as "0" (only a missing value is empty), and the summary names a
recorded "0 tickets/month" as the scope section does."""

from __future__ import annotations

import datetime as dt

import pytest

from models.db.journey import Journey
from models.db.tables.workshop import Workshop
from models.export.markdown import to_markdown
from models.export.md_text import Cells, md_cell, md_inline


@pytest.mark.parametrize("value", [0, 0.0, 0.5, -1])
def test_a_number_is_written_even_when_it_is_zero(value: float) -> None:
    assert md_cell(value) == md_inline(value) == Cells()[value] == str(value)  # type: ignore[index]


def test_only_a_missing_value_is_an_empty_cell() -> None:
    assert md_cell(None) == md_inline(None) == ""


@pytest.mark.parametrize("volume", [0, 1, 1200])
def test_the_summary_names_a_recorded_ticket_volume_even_zero(volume: int) -> None:
    journey = Journey(workshop=Workshop(id=7, title="Login lockout", scenario="Locked out",
                                        evidence_ticket_volume=volume))
    text = to_markdown(journey, today=dt.date(2026, 3, 10), sections=["summary"])
    plural = "ticket" if volume == 1 else "tickets"
    assert f"({volume:,} {plural}/month recorded for this journey)" in text


def test_the_summary_says_nothing_of_a_volume_never_recorded() -> None:
    journey = Journey(workshop=Workshop(id=7, title="Login lockout", scenario="Locked out"))
    assert "/month recorded" not in to_markdown(journey, today=dt.date(2026, 3, 10),
                                                sections=["summary"])
