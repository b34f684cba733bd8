"""The as-is / to-be texts of the method section and the Future screen
(models/export/method_text.py): which map is compared with which, why a comparison is not
available, and the two sentiment lines drawn over the same touchpoints."""

from __future__ import annotations

from models.db.journey import Journey
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.export.method_text import comparison_block, comparison_for, pair_of, sentiment_rows
from models.rules.future_state import Comparison, TouchpointChange


def _map(wid: int, state: str = "current", as_is: int | None = None) -> Journey:
    journey = Journey(workshop=Workshop(id=wid, title=f"Map {wid}", state=state,
                                        as_is_workshop_id=as_is))
    journey.stages = [Stage(id=wid * 10, workshop_id=wid, name="Notice", position=0)]
    journey.touchpoints = {wid * 10: []}
    return journey


def test_a_current_map_is_compared_with_its_newest_future_copy() -> None:
    as_is, old, new, other = _map(1), _map(2, "future", 1), _map(5, "future", 1), _map(9)
    stray = _map(7, "current", 1)
    assert pair_of(as_is, [old, as_is, new, other, stray]) == (as_is, new)
    assert pair_of(new, [old, as_is, new]) == (as_is, new)
    assert pair_of(new, [new]) == (None, new)
    assert pair_of(as_is, [as_is, other]) == (as_is, as_is)


def test_a_map_without_a_future_copy_says_how_to_make_one() -> None:
    comparison = comparison_for(_map(4), [_map(4)])
    assert not comparison.available
    # what the lead types or presses: no "Future state action" exists in the app
    assert comparison.reason == ("no future state yet: make one with `journeymap future 4`, "
                                 "or in the app press U, then f")
    assert comparison_block(comparison).lines == [f"Not available ({comparison.reason})."]
    assert comparison_block(comparison).heading == "As-is and to-be"


def test_a_future_map_whose_as_is_is_gone_says_so() -> None:
    comparison = comparison_for(_map(5, "future", 1), [])
    assert not comparison.available and "deleted" in comparison.reason


def test_the_sentiment_lines_share_the_to_be_order_and_mark_what_is_missing() -> None:
    kept_old = Touchpoint(id=1, stage_id=10, name=" Login page ", sentiment=-2)
    kept_new = Touchpoint(id=11, stage_id=50, name="Login page", sentiment=1)
    added = Touchpoint(id=12, stage_id=50, name="  ", sentiment=2)
    removed = Touchpoint(id=2, stage_id=10, name="Phone queue", sentiment=-1)
    comparison = Comparison(True, changes=[
        TouchpointChange("kept", "kept", kept_old, kept_new),
        TouchpointChange("added", "added", None, added),
        TouchpointChange("removed", "removed", removed, None)])
    assert sentiment_rows(comparison) == (["Login page", "unnamed", "Phone queue"],
                                          [-2, None, -1], [1, 2, None])


def test_the_block_lists_every_change_but_the_kept_ones() -> None:
    comparison = Comparison(True, changes=[
        TouchpointChange("kept", "Login page is kept"),
        TouchpointChange("removed", "Phone queue is removed"),
        TouchpointChange("automated", "Reset is automated")])
    assert comparison_block(comparison).lines == ["Phone queue is removed",
                                                  "Reset is automated"]
