"""Moments of truth: the touchpoints that decide how the customer feels about the journey.

The method (documents 001, 004) uses them to pinpoint the emotional peaks and
valleys.  This view lists the touchpoints the room flagged as moments of truth
plus the peaks and valleys of the sentiment line, and says which of them has an
owner and a card: a valley with neither is where the map has found a problem
nobody is fixing.
"""

from __future__ import annotations

from itertools import compress, islice
from operator import ne
from typing import TYPE_CHECKING

from models.db.journey import Journey

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import HypothesisCard
    from models.db.tables.workshop import Touchpoint


class Moment:
    """One touchpoint of the view with its shape on the sentiment line and its gaps."""

    __slots__ = ("touchpoint", "stage", "shape", "flagged", "owner", "cards", "gaps")

    def __init__(
            self, touchpoint: Touchpoint, stage: str, shape: str, flagged: bool, owner: str,
            cards: list[HypothesisCard], gaps: list[str]) -> None:
        self.touchpoint = touchpoint
        self.stage = stage
        self.shape = shape  # "peak" | "valley" | "" (neither)
        self.flagged = flagged  # the room marked it a moment of truth
        self.owner = owner
        self.cards = cards
        self.gaps = gaps

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def parts(self) -> tuple[str, str, str]:
        """``text`` as our words, the touchpoint's name, our words: a document escapes the
        name only (``md_cells.md_worded``)."""
        name = self.touchpoint.name.strip() or "A touchpoint"
        if self.flagged:  # a thousand moments on a big map: no generator per line
            what = f"moment of truth and {self.shape}" if self.shape else "moment of truth"
        else:
            what = self.shape
        if self.gaps:
            state = "; ".join(self.gaps)
        else:  # a peak is kept by its owner; "with a card" only when it has one
            state = "owned, with a card" if self.cards else "owned; a peak needs no card"
        return "“", name, f"” ({what}, sentiment {self.touchpoint.sentiment:+d}): {state}"


def shapes(line: list[int]) -> list[str]:
    """"peak" / "valley" / "" per point of a sentiment line (-2..+2).

    A peak is positive and higher than the nearest different value on each side
    (or the line's end); a valley is negative and lower.  A flat stretch counts
    once, at its first point, and a flat line has no shape at all.
    """
    size = len(line)
    out = [""] * size
    # Each flat stretch starts where a point differs from the one before, found in C
    # (a loop stepping every point cost ~6.7 M instructions of a 2,000-touchpoint export).
    starts = [0, *compress(range(1, size), map(ne, islice(line, 1, None), line))]
    if len(starts) < 2:  # no line, or one flat stretch: a whole flat line has no side
        return out
    values = [line[i] for i in starts]
    # the line's ends stand as 0: a peak must be above 0 anyway, a valley below it
    sides = [0, *values, 0]
    for k, value in enumerate(values):
        if value > 0:
            if value > sides[k] and value > sides[k + 2]:
                out[starts[k]] = "peak"
        elif value < 0 and value < sides[k] and value < sides[k + 2]:
            out[starts[k]] = "valley"
    return out


def moments_of_truth(journey: Journey) -> list[Moment]:
    """Flagged moments of truth and the line's peaks and valleys, in journey order."""
    ordered = journey.ordered_touchpoints()
    kinds = shapes([tp.sentiment for tp in ordered])
    # indexed once: a 2,000-touchpoint map has hundreds of peaks and valleys, and a scan
    # of every pain point per moment made this the slowest part of the export
    stage_name = {s.id: s.name for s in journey.stages}
    card_of: dict[int | None, HypothesisCard] = {}
    for card in journey.cards:
        card_of.setdefault(card.pain_point_id, card)  # the first, as Journey.card_for
    cards_at: dict[int | None, list[HypothesisCard]] = {}
    for pain in journey.pain_points:
        if (found := card_of.get(pain.id)) is not None:
            cards_at.setdefault(pain.touchpoint_id, []).append(found)
    result: list[Moment] = []
    for tp, shape in zip(ordered, kinds, strict=True):
        if not tp.moment_of_truth and not shape:
            continue
        name = stage_name.get(tp.stage_id)
        here = cards_at.get(tp.id)
        cards = list(here) if here else []
        owner = tp.owner_team.strip()
        gaps = [] if owner else ["no owner"]
        if shape != "peak" and not cards:
            gaps.append("no card")
        if shape == "valley" and not tp.moment_of_truth:
            gaps.append("not flagged as a moment of truth")
        result.append(Moment(tp, name if name is not None else "", shape, tp.moment_of_truth,
                             owner, cards, gaps))
    return result
