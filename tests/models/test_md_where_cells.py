"""A touchpoint's "stage › name" cell checks its stage's half once per stage.

Issue 18: the handoffs and pain tables of the 2,000-touchpoint bench map name
about 1,500 touchpoints, each through ``md_joined``, which checked the stage's
name (stripped, printable, no ``&`` or ``<``) and the separator again for every
touchpoint: ~3 M instructions of the handoffs section.  Counted through
``md_text._joinable``, which each check asks.  The cells themselves are held
to ``md_inline`` here and by the bench SHA and Markdown spec tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import models.export.md_text as md_text
from models.export.md_doc import Doc
from models.export.md_text import md_inline
from tests.models.bench_map import build, read_map


def test_a_stage_is_checked_once_for_all_its_touchpoints(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=120, pains=5))
    doc = Doc(journey, dt.date(2026, 1, 1), portfolio, False, set())
    stages = {s.name.strip() for s in journey.stages}
    asked: list[str] = []
    joinable = md_text._joinable

    def counted(text: str) -> bool:
        asked.append(text)
        return joinable(text)

    monkeypatch.setattr(md_text, "_joinable", counted)
    cells = [doc.where_cell(tp.id) for tp in journey.ordered_touchpoints()]
    # failed on bf62b8a: each stage's name was asked once per touchpoint (120 in all)
    assert sum(1 for text in asked if text in stages) <= len(stages)
    assert cells == [md_inline(doc.where(tp.id)) for tp in journey.ordered_touchpoints()]


@pytest.mark.parametrize("stage, name", [
    ("Triage & Diagnosis", "Touchpoint 1 | `x`"), ("Contact", "1. Call"),
    ("Contact", "- item"), ("a <- b", "mail <help@example.com>"), ("Lane", "  padded  "),
    ("Lane", "line\u2028break"), ("*Reset*", "Sign_in"), ("  ", "Only the name")])
def test_each_cell_is_the_whole_line_escaped(tmp_path: Path, stage: str, name: str) -> None:
    db = tmp_path / "small.db"
    journey, portfolio = read_map(db, build(db, touchpoints=12, pains=2))
    journey.stages[0].name = stage
    tps: list[Any] = journey.ordered_touchpoints()
    for tp in tps:
        tp.name = name
    doc = Doc(journey, dt.date(2026, 1, 1), portfolio, False, set())
    for tp in tps:
        assert doc.where_cell(tp.id) == md_inline(doc.where(tp.id))


def test_a_stage_with_an_ampersand_joins_its_names_escapes(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=60, pains=5))
    assert "Triage & Diagnosis" in {s.name for s in journey.stages}  # the default stages
    doc = Doc(journey, dt.date(2026, 1, 1), portfolio, False, set())
    cells = [doc.where_cell(tp.id) for tp in journey.ordered_touchpoints()]
    assert cells == [md_inline(doc.where(tp.id)) for tp in journey.ordered_touchpoints()]
    # failed on 6021f6a: an "&" kept the stage's half from being joined, so each of its
    # touchpoints' "stage › name" was escaped whole
    assert not [text for text in doc.cell if " › " in text]
