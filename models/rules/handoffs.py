"""Handoffs, and the ownership risks they carry.

A handoff is the organisation passing the customer's case from one owner team to
another: a change of owner team into a backstage touchpoint from the touchpoint
before it, or a transfer the room documented (a ``Handoff`` row) between two
touchpoints owned by different teams; the customer moving on between frontstage
touchpoints of different teams (a Product help article, then a Support form) is
a change of channel, not a handoff.

Why backstage: a backstage touchpoint is a team working the case where the
customer cannot see it, so a new team there has taken the case on (Tier 1 chat,
then Tier 2's unlock; Support's transfer, then Finance's review), which is
where context gets lost, SLAs slip and repeat contacts start.  Frontstage rows
only say who owns the page, email or chat the customer uses.  A transfer the
customer sees (a call put through to Billing) is documented by the room, which
is why documented rows count wherever they sit.  Deriving the rest keeps the
list true when touchpoints move; the room's notes about one handoff live in its
``Handoff`` row keyed by the pair of touchpoints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.db.fields import FieldError
from models.db.journey import Journey
from models.rules.memo import per_journey

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.workshop import Handoff, Touchpoint

# What the room may say about a handoff; teams and touchpoints come from the map.
DETAIL_FIELDS: frozenset[str] = frozenset({"what_is_transferred", "typical_delay",
                                           "customer_informed", "is_escalation", "checklist"})


class DerivedHandoff:
    """A change of owner team between two touchpoints, with its stored detail if any.

    A plain class, not a dataclass: ``detail`` is filled in after it is built, but
    nothing compares or prints it, and a dataclass compiles its generated methods
    at import (~2.5 M instructions of every export, ``test_cli_export_records``).
    """

    __slots__ = ("from_tp", "to_tp", "from_team", "to_team", "detail")

    def __init__(
            self, from_tp: Touchpoint, to_tp: Touchpoint, from_team: str, to_team: str,
            detail: Handoff | None = None) -> None:
        self.from_tp = from_tp
        self.to_tp = to_tp
        self.from_team = from_team
        self.to_team = to_team
        self.detail = detail


class Risk:
    """Something in the ownership map that tends to cost repeat contacts."""

    __slots__ = ("kind", "parts", "touchpoint_id")

    def __init__(self, kind: str, parts: tuple[str, ...],
                 touchpoint_id: int | None = None) -> None:
        self.kind = kind  # "unowned" | "customer_not_informed" | "too_many_handoffs"
        # the message as our words (even places) around the map's names (odd places): a
        # document escapes only the names (``md_cells.md_worded``)
        self.parts = parts
        self.touchpoint_id = touchpoint_id

    @property
    def message(self) -> str:
        """The sentence, joined when asked: the export counts the risks or writes their parts."""
        return "".join(self.parts)


def _team(tp: Touchpoint) -> str:
    return tp.owner_team.strip()


def _same_team(a: str, b: str) -> bool:
    """"Tier 1" and "tier 1 " are one team: people type names inconsistently."""
    return a.casefold() == b.casefold()


def _hands_over(a: Touchpoint, b: Touchpoint) -> bool:
    """Both ends owned, by different teams."""
    return bool(_team(a) and _team(b)) and not _same_team(_team(a), _team(b))


def _derive_handoffs(journey: Journey) -> list[DerivedHandoff]:
    """Every handoff (see the module docstring), in journey order of where it leads.

    Unowned touchpoints are skipped when pairing: the case still travels from
    the last team that had it to the next, and the missing owner is reported
    separately as its own risk.  A documented row whose touchpoints
    now share one team (or lost their owner) is kept in the file but is no
    handoff until the teams differ again.

    One pass over the touchpoints finds the changes of team, already in journey
    order (each leads to a later touchpoint than the one before); only documented
    rows, which may pair any two touchpoints, need the list sorted.
    """
    ordered = journey.ordered_touchpoints()
    details: dict[tuple[int | None, int | None], Handoff] = {
        (h.from_touchpoint_id, h.to_touchpoint_id): h for h in journey.handoffs}
    documented: dict[tuple[int | None, int | None], DerivedHandoff] = {}
    for (from_id, to_id), row in details.items():
        a, b = journey.touchpoint(from_id), journey.touchpoint(to_id)
        if a is not None and b is not None and _hands_over(a, b):
            documented[from_id, to_id] = DerivedHandoff(a, b, _team(a), _team(b), row)
    # each owner team as typed stripped and folded once: a big map repeats a few teams
    teams: dict[str, tuple[str, str]] = {}
    found: list[DerivedHandoff] = []
    last: Touchpoint | None = None
    last_team = last_folded = ""
    for tp in ordered:
        team = teams.get(tp.owner_team)
        if team is None:
            name = tp.owner_team.strip()
            team = teams[tp.owner_team] = (name, name.casefold())
        name, folded = team
        if not name:
            continue
        if tp.lane == "backstage" and last is not None and last_folded != folded:
            pair = (last.id, tp.id)
            if pair not in documented:
                found.append(DerivedHandoff(last, tp, last_team, name, details.get(pair)))
        last, last_team, last_folded = tp, name, folded
    if not documented:
        return found
    order = {tp.id: i for i, tp in enumerate(ordered)}
    return sorted([*documented.values(), *found],
                  key=lambda h: (order.get(h.to_tp.id, 0), order.get(h.from_tp.id, 0)))


derive_handoffs = per_journey(_derive_handoffs)  # a call, not a decorator: memo.py


def _not_informed_parts(handoff: DerivedHandoff) -> tuple[str, ...]:
    """Backstage handoffs are invisible to the customer, so silence reads as "nothing happens"."""
    unknown = "" if handoff.detail is not None else " (not discussed yet)"
    if handoff.to_tp.lane == "backstage" or handoff.from_tp.lane == "backstage":
        return ("Backstage handoff ", handoff.from_team, " → ", handoff.to_team, " at “",
                handoff.to_tp.name, "”: the customer cannot see it and is not told what "
                f"happens next{unknown}.")
    return ("The customer is passed ", handoff.from_team, " → ", handoff.to_team, " at “",
            handoff.to_tp.name, f"” without being told why or who helps next{unknown}.")


def _ownership_risks(journey: Journey,
                     handoffs: list[DerivedHandoff] | None = None) -> list[Risk]:
    """Unowned touchpoints, handoffs the customer is not told about, too many handoffs.

    Listed in journey order, the journey-wide "too many handoffs" last.
    ``handoffs``: ``derive_handoffs(journey)`` when the caller has it already
    (a screen showing both derives once).
    """
    risks: list[Risk] = []
    # " in <stage>" once per stage, not once per unowned touchpoint
    where = {stage.id: ("” in ", stage.name) if stage.name.strip() else ("”", "")
             for stage in reversed(journey.stages)}  # the first of two equal ids wins
    for tp in journey.ordered_touchpoints():
        if not tp.owner_team.strip():
            name = tp.name.strip() or "A touchpoint"
            risks.append(Risk("unowned", ("“", name, *where.get(tp.stage_id, ("”", "")),
                                          " has no owner team."), tp.id))
    if handoffs is None:
        handoffs = derive_handoffs(journey)
    for handoff in handoffs:
        if handoff.detail is None or not handoff.detail.customer_informed:
            risks.append(Risk("customer_not_informed", _not_informed_parts(handoff),
                              handoff.to_tp.id))
    limit = journey.workshop.max_handoffs
    if len(handoffs) > limit:
        risks.append(Risk("too_many_handoffs",
                          (f"{len(handoffs)} handoffs in this journey (more than {limit}): "
                           "each change of team is a chance to lose context.",), None))
    return risks


ownership_risks = per_journey(_ownership_risks)  # a call, not a decorator: memo.py


def save_handoff_detail(store: Any, journey: Journey, derived: DerivedHandoff,
                        **fields: Any) -> Handoff:
    """Create or update the detail row of one derived handoff; returns the stored row.

    ``store`` is a ``models.db.store.Store`` (typed loosely so this module does not
    pull the engine in for the pure rules).  Teams are refreshed from the map on
    every save so an exported detail always names the current teams.
    """
    from models.db.tables.workshop import Handoff

    unknown = sorted(set(fields) - DETAIL_FIELDS)
    if unknown:
        raise FieldError(f"A handoff has no field {unknown[0]!r}.")
    values = dict(fields, from_team=derived.from_team, to_team=derived.to_team)
    if derived.detail is not None and derived.detail.id is not None:
        row: Handoff = store.update(Handoff, derived.detail.id, **values)
    else:
        row = store.add(Handoff(workshop_id=int(journey.workshop.id or 0),
                                from_touchpoint_id=int(derived.from_tp.id or 0),
                                to_touchpoint_id=int(derived.to_tp.id or 0), **values))
    derived.detail = row
    return row
