"""The 60-day plan: from a mapped journey to dated tasks with owners.

The method's execution plan (baseline and owners, one fix, measure, standardize,
monthly review) is generated from the map so it names the real stages, the
real top pain point and the real teams.  Dates are calendar dates counted from
the start date (day 1 = the start date itself).  A deadline that would fall on
a Saturday or Sunday moves back to the Friday before: people plan to finish
work on a working day, and a weekend deadline silently becomes "Monday".
Start dates are not moved: a plan may begin on the weekend it was agreed.

Every card gets a place: the top card is the one fix of weeks 3-4, the others
queue after it in two-week slots, and what does not fit before day 60 is
planned, with dates, as "after day 60 — next cycle" so nobody mistakes it for
part of this cycle.  A card whose own deadline falls before day 1 keeps it (a
commitment is not moved silently) and is planned as "Due before day 1" with a
warning: it is late, and day 1 stays the start date.  The leadership review
sits on day 30 and day 60 and says that it repeats monthly, because the method
asks its four questions monthly.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from models.db.fields import MAX_TEXT
from models.db.journey import Journey
from models.rules.cards import draft_card, ordered_cards
from models.rules.clock import today
from models.rules.measures import measure_detail
from models.rules.priority import rank_pain_points
from models.rules.safe_dates import plan_within_span, shift
from models.vocab import BEFORE_PLAN_PHASE, NEXT_CYCLE_PHASE, QUEUED_PHASE

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import HypothesisCard, PlanTask

PLAN_DAYS = 60
# the day-60 review goes on every month after the plan (a calendar repeats it from that day)
MONTHLY_REVIEW_KEY = "review"
# key, phase, first day, last day (1-based, day 1 = start date)
PHASES: tuple[tuple[str, str, int, int], ...] = (
    ("baseline", "Weeks 1-2", 1, 14),
    ("owners", "Weeks 1-2", 1, 14),
    ("implement", "Weeks 3-4", 15, 28),
    ("measure", "Weeks 5-6", 29, 42),
    ("review-30", "Day 30", 30, 30),
    ("standardize", "Weeks 7-8", 43, 56),
    (MONTHLY_REVIEW_KEY, "Day 60", PLAN_DAYS, PLAN_DAYS),
)
QUEUE_FIRST_DAY = 29  # the day after the top card's fix is due
SLOT_DAYS = 14
LATE_ADVICE = "give it a new deadline in this plan, or drop it."
# How a generated task's detail starts each thing the room must look at (``task_warnings``).
WARNING = "Warning:"
CARD_KEY = "card-"
REVIEW_TITLE = "Monthly leadership review (repeats monthly)"
REVIEW_QUESTIONS = ("which step drives the most repeat contacts; which change measurably "
                    "helped; which friction point is still open and who owns it; which "
                    "journey to map next")
REVIEW_DETAIL = (f"Answer: {REVIEW_QUESTIONS}. Repeats monthly: journeymap report ID "
                 "--month YYYY-MM answers for the month.")


class PlanItem:
    """One generated task; ``key`` is stable so regeneration can find it again.

    A plain class with ``__slots__``, not a ``NamedTuple`` (``models/rules/__init__.py``
    says why): items are built here and read; ``regenerate_plan`` copies their fields.
    """

    __slots__ = ("key", "phase", "title", "detail", "owner", "start", "deadline")

    def __init__(self, *, key: str, phase: str, title: str, detail: str, owner: str,
                 start: dt.date, deadline: dt.date) -> None:
        self.key = key
        self.phase = phase
        self.title = title
        self.detail = detail
        self.owner = owner
        self.start = start
        self.deadline = deadline


def day(start: dt.date, number: int) -> dt.date:
    """The calendar date of plan day ``number`` (day 1 is ``start``)."""
    return shift(start, number - 1)


def workday_on_or_before(date: dt.date) -> dt.date:
    """Saturday and Sunday deadlines move back to the Friday before."""
    weekday = date.weekday()  # Monday 0 .. Sunday 6
    return shift(date, 4 - weekday) if weekday >= 5 else date


def plan_day(start: dt.date, date: dt.date) -> int:
    """The plan day number of ``date`` (``start`` is day 1)."""
    return (date - start).days + 1


def beyond_plan(start: dt.date, deadline: dt.date | None) -> str:
    """The warning for a date after day 60 ("" when inside the plan or undated)."""
    if deadline is None or plan_day(start, deadline) <= PLAN_DAYS:
        return ""
    return f"due after day {PLAN_DAYS} (day {plan_day(start, deadline)}): next cycle"


def before_plan(start: dt.date, deadline: dt.date | None) -> str:
    """The warning for a deadline before day 1 ("" when on or after it, or undated)."""
    if deadline is None or deadline >= start:
        return ""
    return f"due {deadline.isoformat()}, before day 1 ({start.isoformat()})"


def outside_fix_weeks(start: dt.date, deadline: dt.date | None) -> str:
    """The warning for a top card due inside the plan but outside weeks 3-4 ("" otherwise).

    The plan ships the top card in weeks 3-4 and measures it in weeks 5-6, while
    the tracker, the card and the review hold its owner to the card's own date:
    when the two disagree the room is told, not shown two dates without a word.
    Dates before day 1 or after day 60 have their own warnings.
    """
    if deadline is None or before_plan(start, deadline) or beyond_plan(start, deadline):
        return ""
    _key, phase, first, last = next(p for p in PHASES if p[0] == "implement")
    number = plan_day(start, deadline)
    if first <= number <= last:
        return ""
    window = f"{phase.lower()} (days {first}-{last}) where this plan ships it"
    dates = (f"from {day(start, first).isoformat()} to "
             f"{workday_on_or_before(day(start, last)).isoformat()}")
    due = f"the card is due on day {number} ({deadline.isoformat()})"
    if number < first:
        return (f"{due}, before {window}; the tracker follows the card: give the card a "
                f"deadline {dates}, or regenerate the plan from an earlier start date.")
    return (f"{due}, after {window}, so weeks 5-6 would measure a fix not shipped yet: give "
            f"the card a deadline {dates}.")


def task_warnings(detail: str) -> list[str]:
    """The warnings in a task's detail, each without its leading word, for a list of them.

    The detail keeps them in the sentence the TUI and the export show; the command line
    prints the plan as a table without details, so it lists these under it.
    """
    return [part.strip() for part in detail.split(WARNING)[1:] if part.strip()]


def active_cards(journey: Journey) -> list[HypothesisCard]:
    """Cards in rank order without the dropped ones: the first is the plan's one fix."""
    return [c for c in ordered_cards(journey) if c.status != "dropped"]


def card_of_task(journey: Journey, key: str) -> int | None:
    """The id of the card a generated task carries out ("implement" is the top card)."""
    if key == "implement":
        cards = active_cards(journey)
        return cards[0].id if cards else None
    if key.startswith(CARD_KEY) and key[len(CARD_KEY):].isdecimal():
        wanted = int(key[len(CARD_KEY):])
        return wanted if any(c.id == wanted for c in journey.cards) else None
    return None


# Room left in a detail for its sentence around the list (the longest is under 100 characters).
_LIST_BUDGET = MAX_TEXT - 200


def _join(items: list[str]) -> str:
    """The items, as many as the store's field holds, then how many more there are.

    A big map can have thousands of unowned touchpoints; naming them all made the
    detail too long to save, and the whole plan could not be generated.
    """
    text = "; ".join(items)
    if len(text) <= _LIST_BUDGET:
        return text
    named, size = 0, 0
    for item in items:
        if size + len(item) + 2 > _LIST_BUDGET:
            break
        named, size = named + 1, size + len(item) + 2
    return "; ".join(items[:named]) + f"; and {len(items) - named:,} more"


def _baseline_detail(journey: Journey) -> str:
    if not journey.stages:
        return "No stages yet: add the journey's stages and their KPIs first."
    missing = [f"{s.name.strip() or 'unnamed stage'}: {s.kpi_name.strip() or 'no KPI named'}"
               for s in journey.stages if s.kpi_baseline is None]
    if not missing:
        count = len(journey.stages)
        every = "The one stage has" if count == 1 else f"All {count} stages have"
        return f"{every} a baseline; confirm it is current."
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
    cards = active_cards(journey)
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


def _before_the_queue(due_day: int) -> tuple[str, str]:
    """(detail, phase) of a card whose own deadline falls before the queue starts.

    Its owner's date is kept, but the plan says it competes with the one fix
    instead of calling it queued, and shows it in the two weeks it falls in.
    """
    first = (due_day - 1) // 14 * 2 + 1
    return (f"{WARNING} due on day {due_day}, before the queue after the top card's fix "
            f"(day {QUEUE_FIRST_DAY}); the method ships one fix at a time: give it a deadline "
            f"after day {QUEUE_FIRST_DAY - 1}, or keep it as a second fix on purpose.",
            f"Weeks {first}-{first + 1}")


def _queued_cards(journey: Journey, start: dt.date) -> list[PlanItem]:
    """Cards 2..n after the top card: their own deadline, else the next two-week slot.

    Slots run from day 29; a slot that would end after day 60 starts the next
    cycle on day 61 instead, so no card straddles the end of the plan.
    """
    items: list[PlanItem] = []
    slot_first = QUEUE_FIRST_DAY
    for n, card in enumerate(active_cards(journey)[1:], start=2):
        if card.deadline is not None:
            deadline = card.deadline
            queue = day(start, QUEUE_FIRST_DAY)
            earliest = queue if deadline >= queue else min(start, deadline)
            begin = min(max(earliest, shift(deadline, -13)), deadline)
        else:
            if slot_first <= PLAN_DAYS < slot_first + SLOT_DAYS - 1:
                slot_first = PLAN_DAYS + 1
            begin = day(start, slot_first)
            deadline = workday_on_or_before(day(start, slot_first + SLOT_DAYS - 1))
            slot_first += SLOT_DAYS
        pain = journey.pain_point(card.pain_point_id)
        draft = draft_card(journey, pain) if pain is not None else {}
        experiment = (card.experiment.strip() or draft.get("experiment", "")
                      or (pain.description.strip() if pain else "")).rstrip(".").strip()
        warning = beyond_plan(start, deadline)
        early = before_plan(start, deadline)
        if early:
            detail, phase = f"{WARNING} the card was {early}: {LATE_ADVICE}", BEFORE_PLAN_PHASE
        elif warning:
            detail = f"{WARNING} {warning}, after this plan's review on day {PLAN_DAYS}."
            phase = NEXT_CYCLE_PHASE
        elif plan_day(start, deadline) < QUEUE_FIRST_DAY:
            detail, phase = _before_the_queue(plan_day(start, deadline))
        else:
            detail, phase = "Queued after the top card's fix.", QUEUED_PHASE
        items.append(PlanItem(key=f"{CARD_KEY}{card.id}", phase=phase,
                              title=f"Card {n}: {experiment or 'untitled card'}", detail=detail,
                              owner=card.owner.strip(), start=begin, deadline=deadline))
    return items


def generate_plan(journey: Journey, start: dt.date | None = None) -> list[PlanItem]:
    """The tasks of the 60-day plan, in order, from ``start`` (else the workshop's date,
    else today): the method's phases, two reviews, then every other card.

    Default owners are the facilitator typed into the workshop, never the
    login of whoever created it: an unowned task stays unassigned.
    """
    start = start or journey.workshop.start_date or today()
    lead = journey.workshop.facilitator.strip()
    experiment, signal, fix_owner, where = _top_fix(journey)
    teams = journey.teams()
    top = active_cards(journey)
    late = beyond_plan(start, top[0].deadline) if top else ""
    early = before_plan(start, top[0].deadline) if top else ""
    elsewhere = outside_fix_weeks(start, top[0].deadline) if top else ""
    if experiment:
        implement = (f"Ship one fix: {experiment}",
                     (f"At the highest-friction step: {where}." if where else
                      "At the highest-friction step (place the pain point on a touchpoint).")
                     + (f" {WARNING} the card is {late}." if late else "")
                     + (f" {WARNING} the card was {early}: {LATE_ADVICE}" if early else "")
                     + (f" {WARNING} {elsewhere}" if elsewhere else ""))
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
        "review-30": (REVIEW_TITLE, REVIEW_DETAIL, lead),
        "standardize": ("Standardize workflow and publish revised SOPs",
                        ("Publish to: " + ", ".join(teams) + ".") if teams else
                        "No owner teams yet: assign owners, then publish to each team.",
                        lead),
        MONTHLY_REVIEW_KEY: (REVIEW_TITLE, REVIEW_DETAIL, lead),
    }
    items = []
    for key, phase, first, last in PHASES:
        title, detail, owner = texts[key]
        deadline = workday_on_or_before(day(start, last))
        begin = min(day(start, first), deadline)  # a one-day review may move back too
        items.append(PlanItem(key=key, phase=phase, title=title, detail=detail, owner=owner,
                              start=begin, deadline=deadline))
    return items + _queued_cards(journey, start)


def regenerate_plan(store: Any, workshop_id: int, start: dt.date | None = None,
                    journey: Journey | None = None) -> list[PlanTask]:
    """Write the generated plan as PlanTask rows and return the workshop's tasks in order.

    ``store`` is a ``models.db.store.Store``.  A task a person edited (``edited``)
    is left exactly as it is; other generated tasks are updated in place (their
    status is kept) or created; tasks with keys the generator does not know
    (added by hand) are left alone, and an unedited task of a card that left
    the plan (dropped, deleted) is removed.  Unchanged tasks are not rewritten, so
    regenerating twice does not fill the change log.

    ``journey``: the map a seat holds, generated from, not read again (a second map in
    memory at 10,000 touchpoints).  It may be older than the store, so the saved tasks
    are read in the write: another seat's plan, edits and new cards' tasks stay as they are.
    """
    from models.db.tables.cards import PlanTask

    journey = journey if journey is not None else store.load(workshop_id)
    generated = generate_plan(journey, start)
    plan_within_span(start, [day for item in generated for day in (item.start, item.deadline)
                             if day])
    keys = {item.key for item in generated}
    known = {f"{CARD_KEY}{card.id}" for card in journey.cards}
    with store.write():  # one transaction: the plan is written whole or not at all
        existing = {t.key: t for t in store.plan_tasks(workshop_id) if t.key}
        saved = {f"{CARD_KEY}{card}" for card in store.card_ids(workshop_id)}
        for key, task in existing.items():
            # a card dropped or deleted leaves the plan, unless someone edited its task
            # (or the card is one added since ``journey`` was read)
            if (key.startswith(CARD_KEY) and key not in keys and not task.edited and task.id
                    and (key in known or key not in saved)):
                store.delete(PlanTask, task.id)
        new: list[PlanTask] = []
        for position, item in enumerate(generated, start=1):
            values: dict[str, Any] = {name: getattr(item, name) for name in PlanItem.__slots__
                                      if name != "key"}
            values["position"] = position
            task = existing.get(item.key)
            if task is None:
                new.append(PlanTask(workshop_id=workshop_id, key=item.key, **values))
            elif not task.edited:
                changed = {k: v for k, v in values.items() if getattr(task, k) != v}
                if changed:
                    store.update(PlanTask, task.id, **changed)
        store.add_all(new)
    return list(store.plan_tasks(workshop_id))
