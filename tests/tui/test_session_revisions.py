"""What the session tells a kept view about the revisions since it drew (issue 18)."""

from __future__ import annotations

from tui.session.revisions import KEPT, Revisions, touches


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


def test_a_kind_meets_its_fields_and_a_field_only_itself_or_its_kind() -> None:
    """A sentiment typed ("Touchpoint.sentiment") is nothing to a view drawing touchpoints'
    names, and everything to one drawing all of a touchpoint; a whole kind changed
    ("PlanTask", the Plan's tasks written) meets any field of it a view shows."""
    names = frozenset({"Touchpoint.name", "Stage"})
    assert not touches(frozenset({"Touchpoint.sentiment"}), names)
    assert touches(frozenset({"Touchpoint.name"}), names)
    assert touches(frozenset({"Stage.name"}), names)
    assert touches(frozenset({"Touchpoint"}), names)
    assert touches(frozenset({"Touchpoint.sentiment"}), frozenset({"Touchpoint"}))
    assert not touches(frozenset({"PlanTask"}), names)
    assert not touches(frozenset({"Touch"}), names)  # a kind is a whole name, not a prefix
    assert not touches(frozenset(), names)
