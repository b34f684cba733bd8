"""The Markdown export escapes its texts in batches, not one by one (issue 18).

``md_cells.fill`` escapes a section's texts in one pass over their join; a text
left to ``Cells.__missing__`` is escaped alone, at several times the cost.  On
the bench's map (scaled down), what is still escaped alone is the few texts a
batch cannot take (a multi-line "thinks") and the lines joined around a stage
name with ``&`` in it; every touchpoint text, pain point, risk and method line
goes through a batch.  The bytes are held by ``test_export_bench_sha``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.export import md_text
from models.export.markdown import to_markdown
from tests.models.bench_map import TODAY, build, read_map


def test_the_export_escapes_few_texts_one_by_one(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=200, pains=50))
    alone: list[str] = []
    escape_one = md_text.Cells.__missing__

    def counted(self: md_text.Cells, text: str) -> str:
        alone.append(text)
        return escape_one(self, text)

    monkeypatch.setattr(md_text.Cells, "__missing__", counted)
    to_markdown(journey, today=TODAY, portfolio=portfolio)
    # 860 on main 3a4379e (every distinct text of the document), 24 with the batches
    assert len(alone) < 100, sorted(alone)[:20]
