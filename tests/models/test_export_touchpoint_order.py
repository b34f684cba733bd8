"""An export lists the journey's touchpoints in order once, not once per question (issue 18).

``Journey.ordered_touchpoints`` builds a list of every touchpoint; the Markdown
export's sections and rules ask for it again and again, so inside
``one_snapshot()`` it is made once per journey.  Counted through the stage
lookups that build the list: each pass reads ``journey.touchpoints`` once per stage.
Outside the snapshot an edited journey still gets a fresh list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from models.export.markdown import to_markdown
from models.rules.memo import one_snapshot
from tests.models.bench_map import TODAY, build, read_map


class _CountedGets(dict[Any, Any]):
    gets = 0

    def get(self, key: Any, default: Any = None) -> Any:
        _CountedGets.gets += 1
        return super().get(key, default)


def test_the_export_lists_the_touchpoints_once(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    journey, portfolio = read_map(db, build(db, touchpoints=60, pains=10))
    journey.touchpoints = _CountedGets(journey.touchpoints)
    stages = len(journey.stages)
    to_markdown(journey, today=TODAY, portfolio=portfolio)
    # 14 passes over the stages on main ee3bf04 (84 gets: failed there); 4 now: the
    # list once and the sections that walk the stages themselves (tables, swimlanes)
    assert _CountedGets.gets <= 6 * stages, _CountedGets.gets


def test_an_edited_journey_is_listed_afresh_outside_a_snapshot(tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    journey, _portfolio = read_map(db, build(db, touchpoints=6, pains=2))
    first = journey.ordered_touchpoints()
    stage = journey.stages[0]
    moved = journey.touchpoints[stage.id or 0].pop()
    assert journey.ordered_touchpoints() == [tp for tp in first if tp is not moved]
    with one_snapshot():
        inside = journey.ordered_touchpoints()
        inside.pop()  # a caller's own copy
        assert len(journey.ordered_touchpoints()) == len(first) - 1
