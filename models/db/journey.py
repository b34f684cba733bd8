"""A whole workshop loaded in one read: what every rule, screen and export works on.

Rules (priority, handoffs, plan, tracker, review) and outputs are pure functions
of a ``Journey``; they never open a session themselves.  That keeps them fast,
testable on hand-made data and independent of the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a light Journey (models.db.light_journey) has no ORM
    from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
    from models.db.tables.method import ChannelCost, EscalationLevel
    from models.db.tables.seats import Participant
    from models.db.tables.tickets import Reading, TicketSource
    from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop


@dataclass
class Journey:
    """A detached snapshot of one workshop and everything under it, in journey order."""

    workshop: Workshop
    stages: list[Stage] = field(default_factory=list)
    touchpoints: dict[int, list[Touchpoint]] = field(default_factory=dict)  # stage id -> ordered
    handoffs: list[Handoff] = field(default_factory=list)
    pain_points: list[PainPoint] = field(default_factory=list)
    cards: list[HypothesisCard] = field(default_factory=list)
    plan_tasks: list[PlanTask] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    dot_votes: dict[int, int] = field(default_factory=dict)  # pain point id -> dot votes cast
    # every dot with its voter, so a seat can show its own dots before the reveal
    # (``models.live.facilitation.visible_votes``); screens must not show others' dots early
    dots: list[Vote] = field(default_factory=list)
    channel_costs: list[ChannelCost] = field(default_factory=list)
    escalation_levels: list[EscalationLevel] = field(default_factory=list)  # in ladder order
    ticket_sources: list[TicketSource] = field(default_factory=list)  # oldest import first
    readings: list[Reading] = field(default_factory=list)  # of every import, in source order

    def ordered_touchpoints(self) -> list[Touchpoint]:
        """Every touchpoint in journey order: stage by stage, then position."""
        return [tp for stage in self.stages for tp in self.touchpoints.get(stage.id or 0, [])]

    def touchpoint(self, touchpoint_id: int | None) -> Touchpoint | None:
        """Lookup by id through an index (rules call this per pain point: O(1), not O(n)).

        The index is rebuilt whenever it misses or is stale, so a snapshot that a
        screen edits in place never answers with an old row.
        """
        if touchpoint_id is None:
            return None
        index: dict[int | None, Touchpoint] = self.__dict__.get("_tp_index") or {}
        hit = index.get(touchpoint_id)
        if hit is not None and hit.id == touchpoint_id:
            return hit
        index = {tp.id: tp for tp in self.ordered_touchpoints()}
        self.__dict__["_tp_index"] = index
        return index.get(touchpoint_id)

    def stage_of(self, touchpoint: Touchpoint | None) -> Stage | None:
        if touchpoint is None:
            return None
        for stage in self.stages:
            if stage.id == touchpoint.stage_id:
                return stage
        return None

    def pain_point(self, pain_point_id: int | None) -> PainPoint | None:
        for pain in self.pain_points:
            if pain.id == pain_point_id:
                return pain
        return None

    def card_for(self, pain_point_id: int | None) -> HypothesisCard | None:
        for card in self.cards:
            if card.pain_point_id == pain_point_id:
                return card
        return None

    def votes_of(self, pain: PainPoint) -> int:
        """Votes that count for ranking: recorded votes, plus dot votes once revealed."""
        dots = self.dot_votes.get(pain.id or 0, 0) if self.workshop.votes_revealed else 0
        return pain.votes + dots

    def teams(self) -> list[str]:
        """Owner teams in order of first appearance along the journey."""
        seen: dict[str, None] = {}
        for tp in self.ordered_touchpoints():
            if tp.owner_team.strip():
                seen.setdefault(tp.owner_team.strip(), None)
        return list(seen)

    def channel_cost(self, channel: str) -> ChannelCost | None:
        """The cost row of a channel, matched case- and space-insensitively ("Phone " = "phone")."""
        wanted = channel.strip().casefold()
        for cost in self.channel_costs:
            if cost.channel.strip().casefold() == wanted:
                return cost
        return None

    def handoff_between(self, from_id: int | None, to_id: int | None) -> Handoff | None:
        """The stored detail of the handoff from one touchpoint to the next, if any."""
        for handoff in self.handoffs:
            if handoff.from_touchpoint_id == from_id and handoff.to_touchpoint_id == to_id:
                return handoff
        return None
