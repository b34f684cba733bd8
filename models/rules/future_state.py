"""As-is against to-be: what the redesign removes, automates and adds, and how it feels.

A to-be workshop is a copy of its as-is (``models.export.future_copy``) that the room then
edits with the same five steps.  Its touchpoints remember the as-is touchpoint they
came from (``as_is_touchpoint_id``); touchpoints the room typed afresh are matched
by name, so a step re-added under the same name is not reported as removed and
added again.  Counts are taken from each map as it stands, never assumed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.db.journey import Journey
from models.rules.handoffs import derive_handoffs
from models.rules.live_maps import is_live
from models.vocab import AUTOMATED_ACTORS

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.workshop import Touchpoint


class TouchpointChange:
    """One touchpoint's fate: removed, automated, added, or kept."""

    __slots__ = ("kind", "text", "as_is", "to_be")

    def __init__(
            self, kind: str, text: str, as_is: Touchpoint | None = None,
            to_be: Touchpoint | None = None) -> None:
        self.kind = kind  # "removed" | "automated" | "added" | "kept"
        self.text = text
        self.as_is = as_is
        self.to_be = to_be


class SentimentPoint:
    """One point of a sentiment line: where on the journey, and how it feels (-2..+2)."""

    __slots__ = ("stage", "touchpoint", "sentiment")

    def __init__(self, stage: str, touchpoint: str, sentiment: int) -> None:
        self.stage = stage
        self.touchpoint = touchpoint
        self.sentiment = sentiment


class CountRow:
    """A before/after count with the sentence that states it."""

    __slots__ = ("label", "before", "after")

    def __init__(self, label: str, before: int, after: int) -> None:
        self.label = label
        self.before = before
        self.after = after

    @property
    def text(self) -> str:
        change = self.after - self.before
        trend = "no change" if change == 0 else f"{change:+d}"
        return f"{self.label}: {self.before} → {self.after} ({trend})"


_NONE_YET: list[Any] = []  # the empty list an unavailable comparison shares, never filled


class Comparison:
    """The whole as-is / to-be comparison, or why it is not available.

    Built once and only read, so an unavailable comparison may share the empty
    lists.  A plain class, not a ``NamedTuple`` (``models/rules/__init__.py`` says why):
    every export of the method section imports it.
    """

    __slots__ = ("available", "reason", "changes", "as_is_line", "to_be_line", "counts")

    def __init__(self, available: bool, reason: str = "",
                 changes: list[TouchpointChange] = _NONE_YET,
                 as_is_line: list[SentimentPoint] = _NONE_YET,
                 to_be_line: list[SentimentPoint] = _NONE_YET,
                 counts: list[CountRow] = _NONE_YET) -> None:
        self.available = available
        self.reason = reason
        self.changes = changes
        self.as_is_line = as_is_line
        self.to_be_line = to_be_line
        self.counts = counts

    def of_kind(self, kind: str) -> list[TouchpointChange]:
        return [c for c in self.changes if c.kind == kind]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def match_touchpoints(as_is: Journey, to_be: Journey) -> list[tuple[Touchpoint | None,
                                                                     Touchpoint | None]]:
    """Pairs (as-is, to-be) in to-be order, then the as-is touchpoints left unmatched.

    An explicit link wins; otherwise the first unmatched as-is touchpoint of the
    same name (case and spacing ignored).
    """
    left = {tp.id: tp for tp in as_is.ordered_touchpoints()}
    pairs: list[tuple[Touchpoint | None, Touchpoint | None]] = []
    unlinked: list[Touchpoint] = []
    for tp in to_be.ordered_touchpoints():
        linked = left.pop(tp.as_is_touchpoint_id, None) if tp.as_is_touchpoint_id else None
        if linked is not None:
            pairs.append((linked, tp))
        else:
            unlinked.append(tp)
    for tp in unlinked:
        twin = next((a for a in left.values() if tp.name.strip() and _key(a.name) == _key(
            tp.name)), None)
        if twin is not None:
            del left[twin.id]
        pairs.append((twin, tp))
    order = {tp.id: i for i, tp in enumerate(to_be.ordered_touchpoints())}
    pairs.sort(key=lambda p: order[p[1].id if p[1] is not None else None])
    return pairs + [(tp, None) for tp in left.values()]


def _name(tp: Touchpoint) -> str:
    return f"“{tp.name.strip() or 'unnamed touchpoint'}”"


def _change(before: Touchpoint | None, after: Touchpoint | None) -> TouchpointChange:
    if after is None and before is not None:
        return TouchpointChange("removed", f"{_name(before)} is gone in the to-be journey.",
                                before, None)
    if before is None and after is not None:
        return TouchpointChange("added", f"{_name(after)} is new in the to-be journey.",
                                None, after)
    assert before is not None and after is not None
    if before.actor == "agent" and after.actor in AUTOMATED_ACTORS:
        who = {"customer": "the customer (self-service)", "bot": "a bot",
               "system": "backstage automation"}[after.actor]
        return TouchpointChange("automated", f"{_name(after)} moves from an agent to {who}.",
                                before, after)
    return TouchpointChange("kept", f"{_name(after)} stays.", before, after)


def sentiment_line(journey: Journey) -> list[SentimentPoint]:
    line = []
    for tp in journey.ordered_touchpoints():
        stage = journey.stage_of(tp)
        line.append(SentimentPoint(stage.name if stage else "", tp.name, tp.sentiment))
    return line


def _pains_of(journey: Journey, kind: str) -> int:
    return sum(1 for p in journey.pain_points if p.kind == kind)


def compare(as_is: Journey | None, to_be: Journey) -> Comparison:
    """The comparison of a to-be journey with its as-is (``None`` when it was deleted)."""
    if is_live(to_be.workshop):
        return Comparison(False, "this workshop is the current state, not a future state")
    if as_is is None or to_be.workshop.as_is_workshop_id is None:
        return Comparison(False, "the as-is workshop of this future state was deleted or "
                          "never linked")
    changes = [_change(a, b) for a, b in match_touchpoints(as_is, to_be)]
    agent = [sum(1 for tp in j.ordered_touchpoints() if tp.actor == "agent")
             for j in (as_is, to_be)]
    counts = [
        CountRow("Touchpoints", len(as_is.ordered_touchpoints()),
                 len(to_be.ordered_touchpoints())),
        CountRow("Touchpoints handled by an agent", agent[0], agent[1]),
        CountRow("Handoffs", len(derive_handoffs(as_is)), len(derive_handoffs(to_be))),
        CountRow("Dead ends", _pains_of(as_is, "dead_end"), _pains_of(to_be, "dead_end")),
        CountRow("Loops", _pains_of(as_is, "loop"), _pains_of(to_be, "loop")),
    ]
    return Comparison(True, "", changes, sentiment_line(as_is), sentiment_line(to_be), counts)
