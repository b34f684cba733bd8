"""The as-is / to-be comparison a lead presents after redesigning the journey.

Which touchpoints the redesign removes, automates (and to whom), adds or keeps; the
two sentiment lines; and before/after counts whose trend is stated with its sign.
"""

from __future__ import annotations

from typing import Any

import pytest

from models.db.journey import Journey
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.future_state import CountRow, compare, match_touchpoints, sentiment_line
from tests.models.method_helpers import journey, tp

FUTURE: dict[str, Any] = dict(id=2, state="future", as_is_workshop_id=1)


def _pair(before: list[Touchpoint], after: list[Touchpoint], **to_be: Any) -> tuple[
        Journey, Journey]:
    return journey(before), journey(after, **{**FUTURE, **to_be})


@pytest.mark.parametrize(("actor", "who"), [
    ("customer", "the customer (self-service)"), ("bot", "a bot"),
    ("system", "backstage automation")])
def test_an_agent_step_taken_over_says_by_whom(actor: str, who: str) -> None:
    as_is, to_be = _pair([tp(1, "Reset", actor="agent")],
                         [tp(11, "Reset", actor=actor, as_is_touchpoint_id=1)])
    result = compare(as_is, to_be)
    assert [(c.kind, c.text) for c in result.changes] == [
        ("automated", f"“Reset” moves from an agent to {who}.")]
    assert result.of_kind("automated")[0].as_is is as_is.ordered_touchpoints()[0]
    assert result.of_kind("automated")[0].to_be is to_be.ordered_touchpoints()[0]


def test_only_an_agent_step_can_be_automated() -> None:
    as_is, to_be = _pair([tp(1, "Bot", actor="bot"), tp(2, "Agent", actor="agent")],
                         [tp(11, "Bot", actor="customer", as_is_touchpoint_id=1),
                          tp(12, "Agent", actor="agent", as_is_touchpoint_id=2)])
    assert [c.kind for c in compare(as_is, to_be).changes] == ["kept", "kept"]


def test_unnamed_touchpoints_are_named_as_such_and_never_matched_by_name() -> None:
    as_is, to_be = _pair([tp(1, " ")], [tp(11, "  ")])
    result = compare(as_is, to_be)
    assert [(c.kind, c.text) for c in result.changes] == [
        ("added", "“unnamed touchpoint” is new in the to-be journey."),
        ("removed", "“unnamed touchpoint” is gone in the to-be journey."),
    ]
    assert [c.text for c in result.of_kind("removed")] == [
        "“unnamed touchpoint” is gone in the to-be journey."]
    assert (result.of_kind("added")[0].as_is, result.of_kind("removed")[0].to_be) == (None, None)


def test_a_link_to_a_deleted_as_is_step_falls_back_to_the_name() -> None:
    as_is, to_be = _pair([tp(1, "Verify"), tp(2, "Reset")],
                         [tp(11, "reset", as_is_touchpoint_id=99), tp(12, "Verify")])
    pairs = match_touchpoints(as_is, to_be)
    assert [(a.id if a else None, b.id if b else None) for a, b in pairs] == [(2, 11), (1, 12)]


def test_each_as_is_step_is_matched_once_links_first_in_to_be_order() -> None:
    as_is, to_be = _pair([tp(1, "Call"), tp(2, "Call"), tp(3, "Wait")],
                         [tp(11, "Call"), tp(12, "Call", as_is_touchpoint_id=1),
                          tp(13, "Call"), tp(14, "New")])
    pairs = match_touchpoints(as_is, to_be)
    assert [(a.id if a else None, b.id if b else None) for a, b in pairs] == [
        (2, 11), (1, 12), (None, 13), (None, 14), (3, None)]


def test_without_a_link_to_its_as_is_there_is_nothing_to_compare() -> None:
    as_is, to_be = _pair([tp(1, "a")], [tp(11, "a")], as_is_workshop_id=None)
    result = compare(as_is, to_be)
    assert (result.available, result.reason) == (
        False, "the as-is workshop of this future state was deleted or never linked")
    assert compare(None, journey([tp(11, "a")], **FUTURE)).reason == result.reason
    current = compare(as_is, journey([tp(11, "a")], id=2, as_is_workshop_id=1))
    assert (current.available, current.reason, current.counts) == (
        False, "this workshop is the current state, not a future state", [])


def test_a_comparison_available_has_no_reason() -> None:
    as_is, to_be = _pair([tp(1, "a")], [tp(11, "a")])
    result = compare(as_is, to_be)
    assert (result.available, result.reason) == (True, "")


def test_counts_state_rises_with_a_plus_sign() -> None:
    as_is = journey([tp(1, "a", actor="agent")])
    to_be = journey([tp(11, "a", actor="agent", owner_team="T1"),
                     tp(12, "b", actor="agent", owner_team="T2", lane="backstage")],
                    pains=[PainPoint(workshop_id=2, id=5, touchpoint_id=12, kind="dead_end"),
                           PainPoint(workshop_id=2, id=6, touchpoint_id=11, kind="loop"),
                           PainPoint(workshop_id=2, id=7, touchpoint_id=11, kind="loop")],
                    **FUTURE)
    assert [row.text for row in compare(as_is, to_be).counts] == [
        "Touchpoints: 1 → 2 (+1)", "Touchpoints handled by an agent: 1 → 2 (+1)",
        "Handoffs: 0 → 1 (+1)", "Dead ends: 0 → 1 (+1)", "Loops: 0 → 2 (+2)"]
    assert CountRow("Loops", 3, 1).text == "Loops: 3 → 1 (-2)"


def test_the_sentiment_line_follows_the_map_with_each_stage_named() -> None:
    j = journey([tp(1, "Search", stage=1, sentiment=1), tp(2, "Call", stage=2, sentiment=-2)])
    line = sentiment_line(j)
    assert [(p.stage, p.touchpoint, p.sentiment) for p in line] == [
        ("Stage 1", "Search", 1), ("Stage 2", "Call", -2)]


def test_each_change_carries_the_touchpoints_it_compares() -> None:
    # the export draws each change's sentiment before and after from these
    as_is, to_be = _pair([tp(1, "Call", sentiment=-2), tp(2, "Wait", sentiment=-1)],
                         [tp(11, "Call", sentiment=1), tp(12, "Chat", sentiment=2)])
    before = {t.id: t for t in as_is.ordered_touchpoints()}
    after = {t.id: t for t in to_be.ordered_touchpoints()}
    changes = compare(as_is, to_be).changes
    assert [(c.kind, c.as_is, c.to_be) for c in changes] == [
        ("kept", before[1], after[11]), ("added", None, after[12]),
        ("removed", before[2], None)]


def test_a_touchpoint_outside_every_stage_has_no_stage_on_the_line() -> None:
    j = Journey(workshop=Workshop(id=1), stages=[Stage(id=1, workshop_id=1, name="S")],
                touchpoints={1: [Touchpoint(id=1, stage_id=9, name="a", sentiment=-1)]})
    assert [(p.stage, p.touchpoint) for p in sentiment_line(j)] == [("", "a")]
