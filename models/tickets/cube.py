"""Per-ticket facts and the accumulators they are summed into.

A ``Fact`` is what one ticket contributes, already parsed. Facts are summed at once into one
``Acc`` per combination of (period, category, channel, priority, group), the "cube": one dict
lookup per ticket whatever the later ``--by``, and any grouping or period filter is a merge of
cells. Durations are kept as float arrays (8 bytes each) because medians need the values.
"""

from __future__ import annotations

from array import array
from typing import NamedTuple

NONE_LABEL = "(none)"

Key = tuple[str, str, str, str, str]


class Fact(NamedTuple):
    """One ticket, as the metrics need it."""

    key: Key
    created: float
    state: str
    ttr_hours: float | None
    frt_hours: float | None
    reopens: int | None
    reassigned: bool | None
    replies: int | None
    fcr: bool | None
    sla_met: bool | None
    csat: tuple[float | None, bool] | None


class Acc:
    """Counts and durations of one cube cell (or of a merge of cells)."""

    __slots__ = (
        "tickets", "resolved", "open", "cancelled", "resolved_untimed",
        "reopen_known", "reopened", "reassign_known", "reassigned",
        "fcr_known", "fcr_yes", "onetouch_known", "onetouch_yes", "proxy_known", "proxy_yes",
        "sla_known", "sla_met", "csat_answers", "csat_scored", "csat_sum", "csat_satisfied",
        "ttr", "frt", "open_created",
    )

    def __init__(self) -> None:
        self.tickets = self.resolved = self.open = self.cancelled = 0
        self.resolved_untimed = 0
        self.reopen_known = self.reopened = self.reassign_known = self.reassigned = 0
        self.fcr_known = self.fcr_yes = self.onetouch_known = self.onetouch_yes = 0
        self.proxy_known = self.proxy_yes = self.sla_known = self.sla_met = 0
        self.csat_answers = self.csat_scored = self.csat_satisfied = 0
        self.csat_sum = 0.0
        self.ttr: array[float] = array("d")
        self.frt: array[float] = array("d")
        self.open_created: array[float] = array("d")

    def add(self, f: Fact) -> None:
        """Count one ticket."""
        self.tickets += 1
        state = f.state
        if state == "resolved":
            self.resolved += 1
            if f.ttr_hours is None:
                self.resolved_untimed += 1
            else:
                self.ttr.append(f.ttr_hours)
            if f.replies is not None:
                self.onetouch_known += 1
                self.onetouch_yes += f.replies == 1
            if f.reopens is not None and f.reassigned is not None:
                self.proxy_known += 1
                self.proxy_yes += f.reopens == 0 and not f.reassigned
        elif state == "open":
            self.open += 1
            self.open_created.append(f.created)
        else:
            self.cancelled += 1
        if f.frt_hours is not None:
            self.frt.append(f.frt_hours)
        if f.reopens is not None:
            self.reopen_known += 1
            self.reopened += f.reopens > 0
        if f.reassigned is not None:
            self.reassign_known += 1
            self.reassigned += f.reassigned
        if f.fcr is not None:
            self.fcr_known += 1
            self.fcr_yes += f.fcr
        if f.sla_met is not None:
            self.sla_known += 1
            self.sla_met += f.sla_met
        if f.csat is not None:
            score, satisfied = f.csat
            self.csat_answers += 1
            self.csat_satisfied += satisfied
            if score is not None:
                self.csat_scored += 1
                self.csat_sum += score

    def merge(self, other: Acc) -> None:
        """Add another cell's counts and durations into this one."""
        for name in self.__slots__:
            mine = getattr(self, name)
            if isinstance(mine, array):
                mine.extend(getattr(other, name))
            else:
                setattr(self, name, mine + getattr(other, name))


class Cube:
    """The import's accumulators by combination, plus the export's latest timestamp."""

    def __init__(self) -> None:
        self.cells: dict[Key, Acc] = {}
        self.as_of: float | None = None

    def add(self, fact: Fact) -> None:
        cell = self.cells.get(fact.key)
        if cell is None:
            cell = self.cells[fact.key] = Acc()
        cell.add(fact)

    @property
    def tickets(self) -> int:
        return sum(c.tickets for c in self.cells.values())

    def periods(self) -> list[str]:
        return sorted({k[0] for k in self.cells})
