"""A ranked pain point's reason is worded when it is read, not for every pain point (issue 18).

The Markdown export ranks all of a map's pain points (500 on the bench map) but
reads the reason of only the few the plan and the review quote; wording every one
cost ~5.6 M instructions of a 2,000-touchpoint export.  The bytes are held by
``test_export_bench_sha``; here the wordings are counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.export.markdown import to_markdown
from models.rules import priority
from models.rules.memo import one_snapshot
from tests.models.bench_map import TODAY, build, read_map


def test_the_export_words_few_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=200, pains=50))
    worded: list[int] = []
    explain = priority.explain

    def counted(rank: int, *args: object) -> str:
        worded.append(rank)
        return explain(rank, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(priority, "explain", counted)
    assert to_markdown(journey, today=TODAY, portfolio=portfolio).startswith("# ")
    assert 0 < len(worded) < 10, len(worded)


def test_a_reason_read_is_the_one_explain_gives(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    journey, _portfolio = read_map(db, build(db, touchpoints=20, pains=12))
    with one_snapshot():
        ranked = priority.rank_pain_points(journey)
    assert len(ranked) == 12
    for entry in ranked:
        expected = priority.explain(entry.rank, entry.pain, entry.quadrant, entry.votes)
        assert entry.reason == expected
        assert entry.reason is entry.reason  # worded once
