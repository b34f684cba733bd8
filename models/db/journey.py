"""A whole workshop loaded in one read: what every rule, screen and export works on.

Rules (priority, handoffs, plan, tracker, review) and outputs are pure functions
of a ``Journey``; they never open a session themselves.  That keeps them fast,
testable on hand-made data and independent of the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.rules.memo import per_journey

if TYPE_CHECKING:  # annotations only: a light Journey (models.db.light_journey) has no ORM
    from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
    from models.db.tables.method import ChannelCost, EscalationLevel
    from models.db.tables.seats import Participant
    from models.db.tables.tickets import Reading, TicketSource
    from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop


class Journey:
    """A detached snapshot of one workshop and everything under it, in journey order.

    A plain class, not a dataclass: a snapshot is never compared or printed whole, and
    a dataclass of fourteen fields compiles its generated methods as its module is
    imported (~5.5 M instructions of every export).  Every field but the workshop is a
    keyword; a list or dict left out is a fresh empty one.
    """

    def __init__(
            self, workshop: Workshop, *, stages: list[Stage] | None = None,
            touchpoints: dict[int, list[Touchpoint]] | None = None,
            handoffs: list[Handoff] | None = None, pain_points: list[PainPoint] | None = None,
            cards: list[HypothesisCard] | None = None, plan_tasks: list[PlanTask] | None = None,
            participants: list[Participant] | None = None,
            dot_votes: dict[int, int] | None = None, dots: list[Vote] | None = None,
            channel_costs: list[ChannelCost] | None = None,
            escalation_levels: list[EscalationLevel] | None = None,
            ticket_sources: list[TicketSource] | None = None,
            readings: list[Reading] | None = None) -> None:
        self.workshop = workshop
        self.stages = stages if stages is not None else []
        self.touchpoints = touchpoints if touchpoints is not None else {}  # stage id -> ordered
        self.handoffs = handoffs if handoffs is not None else []
        self.pain_points = pain_points if pain_points is not None else []
        self.cards = cards if cards is not None else []
        self.plan_tasks = plan_tasks if plan_tasks is not None else []
        self.participants = participants if participants is not None else []
        # pain point id -> dot votes cast
        self.dot_votes = dot_votes if dot_votes is not None else {}
        # every dot with its voter, so a seat can show its own dots before the reveal
        # (``models.live.facilitation.visible_votes``); screens must not show others' dots early
        self.dots = dots if dots is not None else []
        self.channel_costs = channel_costs if channel_costs is not None else []
        # in ladder order
        self.escalation_levels = escalation_levels if escalation_levels is not None else []
        # oldest import first
        self.ticket_sources = ticket_sources if ticket_sources is not None else []
        self.readings = readings if readings is not None else []  # of every import, in source order

    def with_plan(self, plan_tasks: list[PlanTask]) -> Journey:
        """The same snapshot with another plan (the exports' unsaved preview); rows are shared."""
        twin = Journey.__new__(Journey)
        twin.__dict__.update(self.__dict__)
        twin.plan_tasks = plan_tasks
        return twin

    def ordered_touchpoints(self) -> list[Touchpoint]:
        """Every touchpoint in journey order: stage by stage, then position.

        Inside ``one_snapshot()`` (an export) the list is made once per journey: the
        Markdown export's sections and rules asked for it eleven times, a fresh list
        of every touchpoint each time (~0.6 M instructions on a 2,000-touchpoint map).
        """
        return _ordered_touchpoints(self)

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
        return _row_by(self, "pain_points", "id", pain_point_id)

    def card_for(self, pain_point_id: int | None) -> HypothesisCard | None:
        return _row_by(self, "cards", "pain_point_id", pain_point_id)

    def pains_by_touchpoint(self) -> dict[int | None, list[PainPoint]]:
        """Each touchpoint's pain points in list order, from one walk of the list: asking
        per touchpoint walked every pain point 10,000 times on a big map's backup."""
        grouped: dict[int | None, list[PainPoint]] = {}
        for pain in self.pain_points:
            grouped.setdefault(pain.touchpoint_id, []).append(pain)
        return grouped

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


def _in_order(journey: Journey) -> list[Touchpoint]:
    return [tp for stage in journey.stages for tp in journey.touchpoints.get(stage.id or 0, [])]


_ordered_touchpoints = per_journey(_in_order)  # a call, not a decorator: memo.py


def _row_by(journey: Journey, rows_name: str, key: str, wanted: int | None) -> Any:
    """The first row of the journey's ``rows_name`` list whose ``key`` is ``wanted``, found
    through an index of positions.

    Views and rules ask once per pain point; a scan per question made a screen of a
    map with 2,500 pain points and cards cost 6 million comparisons.  The index
    holds positions, and an answer is the row now at that position only if its key
    still matches; otherwise (a row added, removed or replaced in place) it is
    rebuilt, so an edited snapshot never answers with an old row.
    """
    if wanted is None:
        return None
    rows: list[Any] = getattr(journey, rows_name)
    name = f"_index_{rows_name}"
    index: dict[object, int] | None = journey.__dict__.get(name)
    if index is not None:
        at = index.get(wanted)
        if at is not None and at < len(rows) and getattr(rows[at], key) == wanted:
            return rows[at]
    index = {}
    for at, row in enumerate(rows):
        index.setdefault(getattr(row, key), at)
    journey.__dict__[name] = index
    at = index.get(wanted)
    return rows[at] if at is not None else None
