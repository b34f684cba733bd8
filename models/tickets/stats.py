"""What a group of tickets adds up to, in plain Python: the answers of one ticket (``Flags``)
and the figures of a group (``Acc``: ticket count, rate numerators and denominators, median
and p90 of each duration).

Kept apart from the columnar engine (``cube``, ``facts``) so that the metrics table, the
stored readings and ``tickets show`` read figures without importing the data-frame library,
which only the import itself needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

NONE_LABEL = "(none)"


class Flags(NamedTuple):
    """The counted answers of one ticket."""

    state: str
    reopens: int | None
    reassigned: bool | None
    replies: int | None
    fcr: bool | None
    sla_met: bool | None
    csat: tuple[float | None, bool] | None


@dataclass
class Counts:
    """Numerators and denominators of one group's rates."""

    resolved: int = 0
    open: int = 0
    unknown: int = 0  # a status word not known and no resolution time: neither of the two
    reopen_known: int = 0
    reopened: int = 0
    reassign_known: int = 0
    reassigned: int = 0
    fcr_known: int = 0
    fcr_yes: int = 0
    onetouch_known: int = 0
    onetouch_yes: int = 0
    proxy_known: int = 0
    proxy_yes: int = 0
    sla_known: int = 0
    sla_met: int = 0
    csat_answers: int = 0
    csat_scored: int = 0
    csat_satisfied: int = 0
    csat_sum: float = 0.0


COUNT_FIELDS = tuple(Counts.__dataclass_fields__)


class Spread(NamedTuple):
    """A duration over a group: how many tickets have it, its median and nearest-rank p90
    (None when none has it)."""

    n: int = 0
    median: float | None = None
    p90: float | None = None


SERIES = ("ttr", "frt", "open_created", "ttr_business", "frt_business")
# The waits a ticket's metrics report (Zendesk's ticket metrics, fivetran/dbt_zendesk's
# definitions): series → what it is called in a sentence. Each also "within business hours"
# (series ``<wait>_business``), from the product's own count, not from a schedule here.
WAITS: dict[str, str] = {"requester_wait": "requester wait time",
                         "agent_wait": "agent wait time", "on_hold": "on-hold time"}
WAIT_SERIES = tuple(s for w in WAITS for s in (w, f"{w}_business"))


def wait_words(series: str) -> str:
    """``requester_wait_business`` → "requester wait time within business hours"."""
    base = series.removesuffix("_business")
    return WAITS[base] + (" within business hours" if base != series else "")


@dataclass
class Acc:
    """The figures of one group of tickets (a month's group, or a span's)."""

    tickets: int = 0
    tally: Counts = field(default_factory=Counts)
    ttr: Spread = Spread()
    frt: Spread = Spread()
    open_created: Spread = Spread()  # creation of the open tickets, epoch seconds
    ttr_business: Spread = Spread()
    frt_business: Spread = Spread()
    requester_wait: Spread = Spread()
    requester_wait_business: Spread = Spread()
    agent_wait: Spread = Spread()
    agent_wait_business: Spread = Spread()
    on_hold: Spread = Spread()
    on_hold_business: Spread = Spread()

    def counts(self) -> Counts:
        """The numerators and denominators of the rates."""
        return self.tally
