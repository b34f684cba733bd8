"""What the session tells a kept view about the revisions since it drew (issue 18)."""

from __future__ import annotations

from tui.session_revisions import KEPT, Revisions


def test_kinds_since_a_revision_are_known_only_while_every_step_said_its_kinds() -> None:
    revisions = Revisions()
    first = revisions.moved()  # a new snapshot: anything may have changed
    assert revisions.touched_since(first - 1) is None
    revisions.moved(frozenset({"PlanTask"}))
    revisions.moved(frozenset({"Stage"}))
    assert revisions.touched_since(first) == {"PlanTask", "Stage"}
    assert revisions.touched_since(revisions.revision) == frozenset()
    assert revisions.touched_since(first - 1) is None
    revisions.moved()
    assert revisions.touched_since(first) is None


def test_a_view_that_drew_long_ago_is_told_anything_may_have_changed() -> None:
    revisions = Revisions()
    start = revisions.moved()
    for _ in range(KEPT + 1):
        revisions.moved(frozenset({"PlanTask"}))
    assert revisions.touched_since(start) is None
    assert revisions.touched_since(revisions.revision - 3) == {"PlanTask"}
    assert len(revisions._touched) <= KEPT
