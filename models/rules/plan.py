"""The 60-day plan: from a mapped journey to dated tasks with owners.

The method's execution plan (baseline and owners, one fix, measure, standardize,
monthly review) is generated from the map so it names the real stages, the
real top pain point and the real teams.  Dates are calendar dates counted from
the start date (day 1 = the start date itself).  A deadline that would fall on
a Saturday or Sunday moves back to the Friday before: people plan to finish
work on a working day, and a weekend deadline silently becomes "Monday".
Start dates are not moved: a plan may begin on the weekend it was agreed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from models.db.journey import Journey
from models.db.tables import PlanTask
from models.rules.cards import draft_card, ordered_cards
from models.rules.clock import today
from models.rules.measures import measure_detail
from models.rules.priority import rank_pain_points

PLAN_DAYS = 60
# key, phase, first day, last day (1-based, day 1 = start date)
PHASES: tuple[tuple[str, str, int, int], ...] = (
    ("baseline", "Weeks 1-2", 1, 14),
    ("owners", "Weeks 1-2", 1, 14),
    ("implement", "Weeks 3-4", 15, 28),
    ("measure", "Weeks 5-6", 29, 42),
    ("standardize", "Weeks 7-8", 43, 56),
    ("review", "Day 60", PLAN_DAYS, PLAN_DAYS),
)
REVIEW_QUESTIONS = ("which step drives the most repeat contacts; which change measurably "
                    "helped; which friction point is still open and who owns it; which "
                    "journey to map next")


@dataclass
class PlanItem:
    """One generated task; ``key`` is stable so regeneration can find it again."""

    key: str
    phase: str
    title: str
    detail: str
    owner: str
    start: dt.date
    deadline: dt.date


def day(start: dt.date, number: int) -> dt.date:
    """The calendar date of plan day ``number`` (day 1 is ``start``)."""
    return start + dt.timedelta(days=number - 1)


def workday_on_or_before(date: dt.date) -> dt.date:
    """Saturday and Sunday deadlines move back to the Friday before."""
    weekday = date.weekday()  # Monday 0 .. Sunday 6
    return date - dt.timedelta(days=weekday - 4) if weekday >= 5 else date


def _join(items: list[str]) -> str:
    return "; ".join(items)


def _baseline_detail(journey: Journey) -> str:
    if not journey.stages:
        return "No stages yet: add the journey's stages and their KPIs first."
    missing = [f"{s.name.strip() or 'unnamed stage'}: {s.kpi_name.strip() or 'no KPI named'}"
               for s in journey.stages if s.kpi_baseline is None]
    if not missing:
        return f"All {len(journey.stages)} stages have a baseline; confirm it is current."
    return ("Record repeat contacts, escalation rate and effort, and the baseline of: "
            + _join(missing) + ".")


def _owners_detail(journey: Journey) -> str:
    tps = journey.ordered_touchpoints()
    if not tps:
        return "No touchpoints yet: map the touchpoints, then give each an owner team."
    unowned = []
    for tp in tps:
        if not tp.owner_team.strip():
            stage = journey.stage_of(tp)
            stage_name = stage.name.strip() if stage is not None else ""
            name = tp.name.strip() or "unnamed touchpoint"
            unowned.append(f"{stage_name} › {name}" if stage_name else name)
    if not unowned:
        return "Every touchpoint has an owner team; name one journey owner for the whole map."
    return "Give an owner team to: " + _join(unowned) + "."


def _top_fix(journey: Journey) -> tuple[str, str, str, str]:
    """(experiment, signal, owner, where) of the top-ranked card, else the top pain point."""
    ranked = rank_pain_points(journey)
    cards = [c for c in ordered_cards(journey) if c.status != "dropped"]
    if cards:
        card = cards[0]
        pain = journey.pain_point(card.pain_point_id)
        draft = draft_card(journey, pain) if pain is not None else {}
        experiment = card.experiment.strip() or draft.get("experiment", "")
        signal = card.signal.strip() or draft.get("signal", "")
        owner = card.owner.strip()
    elif ranked:
        pain = ranked[0].pain
        draft = draft_card(journey, pain)
        experiment, signal, owner = draft["experiment"], draft["signal"], ""
    else:
        return "", "", "", ""
    where = ""
    if pain is not None:
        tp = journey.touchpoint(pain.touchpoint_id)
        stage = journey.stage_of(tp)
        parts = [x for x in ((stage.name.strip() if stage else ""),
                             (tp.name.strip() if tp else "")) if x]
        where = " › ".join(parts)
        reason = next((r.reason for r in ranked if r.pain.id == pain.id), "")
        where = f"{where} ({reason})" if where and reason else (where or reason)
    return experiment.rstrip(".").strip(), signal.rstrip(".").strip(), owner, where


def _measured(journey: Journey) -> str:
    """What the ticket readings say about the top card's signal (empty when not tied)."""
    cards = [c for c in ordered_cards(journey) if c.status != "dropped"]
    return measure_detail(journey, cards[0] if cards else None)


def generate_plan(journey: Journey, start: dt.date | None = None) -> list[PlanItem]:
    """The six tasks of the 60-day plan, in order, from ``start`` (else the workshop's date,
    else today)."""
    start = start or journey.workshop.start_date or today()
    lead = journey.workshop.facilitator.strip() or journey.workshop.lead.strip()
    experiment, signal, fix_owner, where = _top_fix(journey)
    teams = journey.teams()
    if experiment:
        implement = (f"Ship one fix: {experiment}",
                     f"At the highest-friction step: {where}." if where else
                     "At the highest-friction step (place the pain point on a touchpoint).")
    else:
        implement = ("Ship one fix for the highest-friction step",
                     "No pain points yet: record and rank pain points, then draft a card.")
    measure_title = f"Measure impact: {signal}" if signal else "Measure impact of the fix"
    texts: dict[str, tuple[str, str, str]] = {
        "baseline": ("Baseline stage KPIs", _baseline_detail(journey), lead),
        "owners": ("Assign journey owners", _owners_detail(journey), lead),
        "implement": (*implement, fix_owner),
        "measure": (measure_title,
                    " ".join(filter(None, (
                        "Compare repeat contacts and customer effort (CES) with the baseline.",
                        _measured(journey)))), fix_owner),
        "standardize": ("Standardize workflow and publish revised SOPs",
                        ("Publish to: " + ", ".join(teams) + ".") if teams else
                        "No owner teams yet: assign owners, then publish to each team.",
                        lead),
        "review": ("Monthly leadership review", f"Answer: {REVIEW_QUESTIONS}.", lead),
    }
    items = []
    for key, phase, first, last in PHASES:
        title, detail, owner = texts[key]
        deadline = workday_on_or_before(day(start, last))
        begin = min(day(start, first), deadline)  # a one-day review may move back too
        items.append(PlanItem(key=key, phase=phase, title=title, detail=detail, owner=owner,
                              start=begin, deadline=deadline))
    return items


_GENERATED_FIELDS = ("phase", "title", "detail", "owner", "start", "deadline", "position")


def regenerate_plan(store: Any, workshop_id: int, start: dt.date | None = None) -> list[PlanTask]:
    """Write the generated plan as PlanTask rows and return the workshop's tasks in order.

    ``store`` is a ``models.db.store.Store``.  A task a person edited (``edited``)
    is left exactly as it is; other generated tasks are updated in place (their
    status is kept) or created; tasks with keys the generator does not know
    (added by hand) are left alone.  Unchanged tasks are not rewritten, so
    regenerating twice does not fill the change log.
    """
    journey = store.load(workshop_id)
    existing = {t.key: t for t in journey.plan_tasks if t.key}
    for position, item in enumerate(generate_plan(journey, start), start=1):
        values = asdict(item)
        values.pop("key")
        values["position"] = position
        task = existing.get(item.key)
        if task is None:
            store.add(PlanTask(workshop_id=workshop_id, key=item.key, **values))
        elif not task.edited:
            changed = {k: v for k, v in values.items() if getattr(task, k) != v}
            if changed:
                store.update(PlanTask, task.id, **changed)
    return list(store.load(workshop_id).plan_tasks)
