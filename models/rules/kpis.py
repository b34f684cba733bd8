"""The support KPI catalogue: the usual name, unit and direction of each stage KPI.

One place for what the method's catalogue says, so the Stages step (suggestions,
filling in the unit), card signals and the leadership review agree: "FCR" is a
percentage that should go up, "time to resolution" is hours that should go
down.  A room may use its own name; ``match_kpi`` recognises the catalogue
names and the short forms people type ("FCR", "CES", "TTR"), anything else is a
custom KPI (no unit proposed, direction guessed from words by
``models.rules.cards.lower_is_better``).
"""

from __future__ import annotations

import re


class KpiInfo:
    """One catalogue entry: the name shown, its usual unit, and which way is better."""

    __slots__ = ("name", "unit", "lower_is_better", "aliases")

    def __init__(
            self, name: str, unit: str, lower_is_better: bool,
            aliases: tuple[str, ...] = ()) -> None:
        self.name = name
        self.unit = unit
        self.lower_is_better = lower_is_better
        self.aliases = aliases


KPI_CATALOGUE: tuple[KpiInfo, ...] = (
    KpiInfo("Search-to-ticket ratio", "ratio", False,
            ("search to ticket", "search to ticket ratio", "searches per ticket")),
    KpiInfo("First contact resolution (FCR)", "%", False,
            ("fcr", "first contact resolution", "first call resolution",
             "first contact resolution rate")),
    KpiInfo("Time to resolution", "hours", True,
            ("ttr", "resolution time", "time to resolve", "mean time to resolution")),
    KpiInfo("Customer effort score (CES)", "score 1-7", True,
            ("ces", "customer effort score", "effort score")),
    KpiInfo("Reopen rate", "%", True, ("reopen", "reopens", "ticket reopen rate")),
    KpiInfo("Churn rate", "%", True, ("churn",)),
    KpiInfo("NPS", "score", False, ("net promoter score", "net promoter score nps")),
    KpiInfo("Escalation rate", "%", True, ("escalation", "escalations")),
    KpiInfo("Deflection rate", "%", False, ("deflection", "self service deflection")),
    KpiInfo("Backlog aging", "days", True, ("backlog age", "backlog ageing")),
)


def _key(name: str) -> str:
    """"First contact resolution (FCR)" -> "first contact resolution fcr"."""
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


_BY_KEY: dict[str, KpiInfo] = {}
for _info in KPI_CATALOGUE:
    for _name in (_info.name, *_info.aliases):
        _BY_KEY.setdefault(_key(_name), _info)


def catalogue_names() -> tuple[str, ...]:
    """The catalogue's names in the method's order (for suggestions and hints)."""
    return tuple(info.name for info in KPI_CATALOGUE)


def match_kpi(name: str) -> KpiInfo | None:
    """The catalogue entry ``name`` means (case, spacing and punctuation ignored), or None."""
    return _BY_KEY.get(_key(name)) if name.strip() else None


def unit_for(name: str) -> str:
    """The usual unit of a catalogue KPI; "" for a custom one."""
    info = match_kpi(name)
    return info.unit if info is not None else ""
