"""Which pain point to fix first: the impact/effort quadrant, then volume, then votes.

A workshop ends with many pain points and room for one or two fixes.  The order
must be the same on every screen, in every export and on every machine, and a
lead must be able to say *why* something is first; so the ranking is a total
order (ties end on the id) and every ranked item carries a one-line reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.rules.counts import plural
from models.rules.memo import per_journey

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import PainPoint

QUADRANTS: tuple[str, ...] = ("quick_win", "big_bet", "fill_in", "money_pit")
QUADRANT_LABELS: dict[str, str] = {
    "quick_win": "quick win",
    "big_bet": "big bet",
    "fill_in": "fill-in",
    "money_pit": "money pit",
}
LEVEL_WORDS: dict[int, str] = {1: "low", 2: "medium", 3: "high"}


def quadrant(impact: int, effort: int) -> str:
    """The quadrant of a 1-3 impact and a 1-3 effort score.

    Impact 2 already counts as high and effort 2 still as low: on a three-point
    scale the middle is where most pain points land, and the room should see
    them as worth doing rather than parked as fill-ins.
    """
    high_impact = impact >= 2
    low_effort = effort <= 2
    if high_impact:
        return "quick_win" if low_effort else "big_bet"
    return "fill_in" if low_effort else "money_pit"


def _span(values: set[int]) -> str:
    low, high = min(values), max(values)
    return str(low) if low == high else f"{low}-{high}"


def quadrant_rule() -> str:
    """The quadrant rule in one sentence, read off ``quadrant`` itself (never restated).

    Shown under the matrix and in the pain-point form so "impact 3 / effort 2"
    and "impact 2 / effort 2" both being quick wins is the stated rule, not a
    surprise: 'Quick win = impact 2-3 and effort 1-2; big bet = …'.
    """
    parts = []
    for quad in QUADRANTS:
        cells = [(i, e) for i in (1, 2, 3) for e in (1, 2, 3) if quadrant(i, e) == quad]
        if cells:
            impacts, efforts = {i for i, _ in cells}, {e for _, e in cells}
            parts.append(f"{QUADRANT_LABELS[quad]} = impact {_span(impacts)} "
                         f"and effort {_span(efforts)}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + " (1 low, 2 medium, 3 high)."


class RankedPain:
    """A pain point with its place in the ranking and the reason for that place.

    The reason is worded when it is first read: an export ranks every pain point
    (500 on a big map) and quotes the reason of a few.
    """

    __slots__ = ("rank", "pain", "quadrant", "volume", "votes", "_reason")

    def __init__(
            self, rank: int, pain: PainPoint, quadrant: str, volume: int | None,
            votes: int) -> None:
        self.rank = rank
        self.pain = pain
        self.quadrant = quadrant
        self.volume = volume
        self.votes = votes
        self._reason: str | None = None

    @property
    def reason(self) -> str:
        if self._reason is None:
            self._reason = explain(self.rank, self.pain, self.quadrant, self.votes)
        return self._reason


def volume_words(volume: int | None) -> str:
    """"1,200 tickets/month", "0 tickets/month" or "not recorded": the one wording of a pain
    point's volume, so a real zero and an unknown never read alike anywhere."""
    return "not recorded" if volume is None else f"{plural(volume, 'ticket')}/month"


def explain(rank: int, pain: PainPoint, quad: str, votes: int) -> str:
    """One line a lead can read out: "ranked 1: quick win (impact high, effort low), …"."""
    impact = LEVEL_WORDS.get(pain.impact, str(pain.impact))
    effort = LEVEL_WORDS.get(pain.effort, str(pain.effort))
    volume = (f"{volume_words(pain.ticket_volume)} on this pain point"
              if pain.ticket_volume is not None
              else "no ticket volume recorded")
    return (f"ranked {rank}: {QUADRANT_LABELS[quad]} (impact {impact}, effort {effort}), "
            f"{volume}, {plural(votes, 'vote')}")


def _rank_pain_points(journey: Journey) -> list[RankedPain]:
    """Every pain point of the journey, best first, with rank starting at 1.

    Order: quadrant (quick win, big bet, fill-in, money pit), ticket volume
    descending, votes descending (recorded plus revealed dot votes), impact
    descending, effort ascending, id ascending.  The last keys only exist so
    that two identical-looking pain points never swap places between runs.
    A volume that is not recorded is not taken for 0: such a pain point comes after
    every recorded one of its quadrant (a real 0 included), where an unrecorded one
    stood before schema 13 too, so upgraded maps keep their order.
    """
    scored = []
    for pain in journey.pain_points:
        quad = quadrant(pain.impact, pain.effort)
        votes = journey.votes_of(pain)
        volume = pain.ticket_volume
        key = (QUADRANTS.index(quad), volume is None, -(volume or 0), -votes,
               -pain.impact, pain.effort, pain.id if pain.id is not None else 0)
        scored.append((key, pain, quad, votes))
    scored.sort(key=lambda item: item[0])
    return [
        RankedPain(rank=i, pain=pain, quadrant=quad, volume=pain.ticket_volume, votes=votes)
        for i, (_key, pain, quad, votes) in enumerate(scored, start=1)
    ]


rank_pain_points = per_journey(_rank_pain_points)  # a call, not a decorator: memo.py


def rank_of(journey: Journey) -> dict[int, RankedPain]:
    """Pain point id -> its ranked entry, for screens that look ranks up by id."""
    return {r.pain.id: r for r in rank_pain_points(journey) if r.pain.id is not None}


def named_pain(ranked: list[RankedPain], which: str, workshop_id: int) -> RankedPain:
    """The pain point a lead names by its rank (``2``) or by its number (``#12``, as ``show``
    lists it). A rank moves when a volume or a vote changes; the number never does, so a
    command run after a re-rank can still name the pain point the lead saw. ValueError (one
    sentence) when there is no such pain point."""
    text = which.strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses
    if text.startswith("#") and text[1:].isdecimal():
        found = next((r for r in ranked if r.pain.id == int(text[1:])), None)
        if found is None:
            known = ", ".join(f"#{r.pain.id}" for r in ranked) or "none yet"
            raise ValueError(f"Workshop {workshop_id} has no pain point {text}; its pain "
                             f"points are {known}.")
        return found
    if not text.isdecimal():
        raise ValueError(f"{which!r} is neither a rank such as 2 nor a pain point's number "
                         "such as #12 (`journeymap show ID` lists both).")
    rank = int(text)
    if not 1 <= rank <= len(ranked):
        raise ValueError(f"Workshop {workshop_id} has {len(ranked)} ranked pain points; "
                         f"{rank} is not one of their ranks.")
    return ranked[rank - 1]
