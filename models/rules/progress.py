"""Step progress: whether each workshop step is done and, if not, what is missing.

A pure rule on a ``Journey`` snapshot, so the step bar, the command palette,
the CLI and the tests agree on one answer to "is this step done?".  It must not
import SQLModel at module level: the app imports it before the store is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.rules.counts import agree, plural

if TYPE_CHECKING:
    from models.db.journey import Journey


@dataclass(frozen=True)
class StepState:
    """Whether a step is complete and, if not, what a lead should do next."""

    step: str
    done: bool
    missing: str = ""


def _tracker_state(journey: Journey) -> StepState:
    """Done when every open card and plan task names an owner and a deadline.

    That is the tracker's one job ("linked to accountable owners and deadlines");
    closed items (done, dropped) need neither any more.
    """
    items = [(i.status, i.owner, i.deadline) for i in journey.cards]
    items += [(t.status, t.owner, t.deadline) for t in journey.plan_tasks]
    if not items:
        return StepState("tracker", False, "no cards or plan tasks yet")
    loose = sum(1 for status, owner, deadline in items if status not in ("done", "dropped")
                and (not owner.strip() or deadline is None))
    if loose:
        return StepState("tracker", False, f"{plural(loose, 'item')} without an owner "
                                           "or a deadline")
    return StepState("tracker", True)


# Per table, the fields a one-field edit of which can change some step's state;
# an edit of any other field of these tables leaves every state as it was, so the
# step bar need not count the whole map again (tables not named: any field may).
STATE_FIELDS: dict[str, frozenset[str]] = {
    "Touchpoint": frozenset({"owner_team", "stage_id"}),
}


def edit_changes_states(model: str, field: str) -> bool:
    """Whether editing ``field`` of a ``model`` row may change ``step_states``."""
    fields = STATE_FIELDS.get(model)
    return fields is None or field in fields


def step_states(journey: Journey) -> dict[str, StepState]:
    """Completion and the missing piece of every step, computed from one snapshot."""
    w = journey.workshop
    states: dict[str, StepState] = {}
    gaps = [label for label, value in (("persona", w.persona), ("scenario", w.scenario),
                                       ("persona goal", w.persona_goal),
                                       ("business goal", w.business_goal)) if not value.strip()]
    states["scope"] = StepState("scope", not gaps, (", ".join(gaps) + " missing") if gaps else "")
    if not journey.stages:
        states["stages"] = StepState("stages", False, "no stages yet")
    else:
        no_kpi = sum(1 for s in journey.stages if not s.kpi_name.strip())
        states["stages"] = StepState(
            "stages", no_kpi == 0,
            f"{plural(no_kpi, 'stage')} {agree(no_kpi, 'has', 'have')} no KPI" if no_kpi else "")
    tps = journey.ordered_touchpoints()
    empty = sum(1 for s in journey.stages if not journey.touchpoints.get(s.id or 0))
    if not tps:
        states["touchpoints"] = StepState("touchpoints", False, "no touchpoints yet")
    else:
        states["touchpoints"] = StepState(
            "touchpoints", empty == 0,
            f"{plural(empty, 'stage')} {agree(empty, 'has', 'have')} no touchpoints"
            if empty else "")
    unowned = sum(1 for tp in tps if not tp.owner_team.strip())
    if not tps:
        states["ownership"] = StepState("ownership", False, "add touchpoints first")
    else:
        states["ownership"] = StepState(
            "ownership", unowned == 0,
            f"{plural(unowned, 'touchpoint')} {agree(unowned, 'has', 'have')} no owner"
            if unowned else "")
    pains = journey.pain_points
    states["pains"] = StepState("pains", bool(pains), "" if pains else "no pain points yet")
    no_card = sum(1 for p in pains if journey.card_for(p.id) is None)
    states["cards"] = StepState("cards", bool(pains) and no_card == 0,
                                f"{plural(no_card, 'pain point')} without a card" if no_card
                                else ("" if pains else "needs pain points"))
    states["tracker"] = _tracker_state(journey)
    states["plan"] = StepState("plan", bool(journey.plan_tasks),
                               "" if journey.plan_tasks else "no plan generated yet")
    return states
