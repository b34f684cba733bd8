"""The export checks the five-whys chains that it shows, not every pain point's (issue 18).

A pain point with no why answered and no root cause gets no "Five whys" block,
so checking its chain (splitting, a gap search, a ``ChainCheck``) is work the
document drops: on the 500-pain bench map it was ~3 M instructions for nothing.
Counted through ``check_chain``; the blocks themselves must not change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.export import method_text
from models.export.markdown import to_markdown
from models.export.method_text import five_whys_blocks
from models.rules.five_whys import check_chain
from tests.models.bench_map import TODAY, build, read_map


def test_pain_points_without_a_chain_are_not_checked(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=60, pains=40))
    journey.pain_points[3].five_whys = "They wait\nNo queue"
    journey.pain_points[7].root_cause = "No owner"
    checked: list[Any] = []

    def counted(pain: Any) -> Any:
        checked.append(pain)
        return check_chain(pain)

    monkeypatch.setattr(method_text, "check_chain", counted)
    doc = to_markdown(journey, today=TODAY, portfolio=portfolio, sections=["method"])
    # main 8cd0cff checked all 40 (failed there); now only the two with a chain
    assert checked == [journey.pain_points[3], journey.pain_points[7]]
    assert "### Five whys: Pain 3: \\# loops \\[again\\]" in doc
    assert "- Root cause: No owner" in doc


_WHYS = ["", " ", "\n", " \n\t\n", "\x1c", "\u2028", "a", " \nb", "\n\nc\n", "a\n \n"]


@pytest.mark.parametrize("root", ["", " ", "\u2028", "\xa0", "r"])
def test_a_chain_is_shown_exactly_when_its_check_finds_something(root: str,
                                                                 tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    journey, _portfolio = read_map(db, build(db, touchpoints=4, pains=len(_WHYS)))
    for pain, whys in zip(journey.pain_points, _WHYS, strict=True):
        pain.five_whys, pain.root_cause = whys, root
    shown = [pain for pain in journey.pain_points
             if check_chain(pain).answers or check_chain(pain).root_cause]
    assert ([block.heading for block in five_whys_blocks(journey)]
            == [f"Five whys: {pain.description}" for pain in shown])
