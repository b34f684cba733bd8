"""The monthly leadership review: four questions answered from the map's data.

The method asks leadership the same four questions every month.  Answering
them from what the map records (pain volumes, card results against the stage
baseline, owners, the portfolio) keeps the review about facts, and where the
data is missing the answer says what to record instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice
from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.rules.cards import lower_is_better
from models.rules.counts import plural
from models.rules.handoffs import ownership_risks
from models.rules.live_maps import is_live, live
from models.rules.measure_review import review_measured, review_repeat_contacts
from models.rules.numbers import fmt_kpi
from models.rules.plan import MONTHLY_REVIEW_KEY
from models.rules.priority import RankedPain, rank_pain_points
from models.rules.review_copies import review_copy
from models.rules.tracker import tracker_items, workshop_title
from models.vocab import DATE_SPAN

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import HypothesisCard, PainPoint
    from models.db.tables.workshop import Stage

QUESTIONS: tuple[str, ...] = (
    "Which step generates the most repeat contacts right now?",
    "Which change measurably improved its KPI?",
    "Which friction point is still open, and who owns it?",
    "Which journey should we map next?",
)


class ReviewAnswer:
    """One question and its answer as a plain sentence."""

    __slots__ = ("question", "answer")

    def __init__(self, question: str, answer: str) -> None:
        self.question = question
        self.answer = answer


def _stage_of_pain(journey: Journey, pain: PainPoint) -> Stage | None:
    return journey.stage_of(journey.touchpoint(pain.touchpoint_id))


def _tickets(volume: int) -> str:
    return f"{plural(volume, 'ticket')}/month"


def busiest_step(journey: Journey) -> str:
    """Reopened tickets per stage from the ticket readings first; else loops (repeat steps)
    decide; without loop volume, all ticket volume does.

    The map records tickets per pain point, not repeat contacts, so the answer
    says exactly that: tickets on the step's loop pain points (where customers
    repeat a step), the closest the map has to repeat contacts.
    """
    measured = review_repeat_contacts(journey)
    if measured is not None:
        return measured
    if not journey.pain_points:
        return "Not enough data: record pain points with their monthly ticket volume."
    left_out = _not_counted(sum(1 for p in journey.pain_points if p.ticket_volume is None))
    for loops_only in (True, False):
        totals: dict[int, int] = {}
        for pain in journey.pain_points:
            stage = _stage_of_pain(journey, pain)
            if stage is None or stage.id is None or not pain.ticket_volume:
                continue
            if not loops_only or pain.kind == "loop":
                totals[stage.id] = totals.get(stage.id, 0) + pain.ticket_volume
        if totals:
            # ties go to the earlier stage: it is upstream of the other one
            best = max(journey.stages, key=lambda s: totals.get(s.id or 0, -1))
            volume = totals[best.id or 0]
            name = best.name.strip() or "An unnamed stage"
            if loops_only:
                return (f"{name}: {_tickets(volume)} on its loop pain points (customers "
                        f"repeating a step), the most of any step{left_out}.")
            return (f"No loop pain point has ticket volume yet; {name} has the most: "
                    f"{_tickets(volume)} on its pain points{left_out}.")
    if any(p.ticket_volume for p in journey.pain_points):
        return "Not enough data: place the pain points on touchpoints so they belong to a step."
    return "Not enough data: record the monthly ticket volume of each pain point."


def _card_name(journey: Journey, card: HypothesisCard) -> str:
    pain = journey.pain_point(card.pain_point_id)
    return (card.experiment.strip().rstrip(".") or (pain.description.strip() if pain else "")
            or "a card")


def measured_improvement(journey: Journey) -> str:
    """A card whose ticket signal is met; else the done card beating its baseline most."""
    measured_signal = review_measured(journey)
    if measured_signal is not None:
        return measured_signal
    done = [c for c in journey.cards if c.status == "done"]
    if not done:
        return "Not enough data: no card is done yet; record a result value when one is."
    measured = [c for c in done if c.result_value is not None]
    if not measured:
        return ("Not enough data: record the result value (the stage KPI after the change) "
                "on done cards.")
    best: tuple[float, str] | None = None
    judged: list[str] = []
    missing: list[str] = []
    for card in measured:
        pain = journey.pain_point(card.pain_point_id)
        stage = _stage_of_pain(journey, pain) if pain is not None else None
        if stage is None or stage.kpi_baseline is None:
            missing.append((stage.kpi_name.strip() or stage.name.strip()) if stage else
                           f"the step of “{_card_name(journey, card)}”")
            continue
        base, result = stage.kpi_baseline, float(card.result_value)  # type: ignore[arg-type]
        lower = lower_is_better(stage.kpi_name)
        if lower is None and stage.kpi_target is not None and stage.kpi_target != base:
            lower = stage.kpi_target < base
        kpi = stage.kpi_name.strip() or f"the {stage.name.strip() or 'stage'} KPI"
        moved = (f"moved {kpi} from {fmt_kpi(base, stage.kpi_unit)} to "
                 f"{fmt_kpi(result, stage.kpi_unit)}")
        if lower is None:
            missing.append(f"a target for {kpi} (to know which way is better)")
            continue
        gain = (base - result) if lower else (result - base)
        share = gain / abs(base) if base else gain
        judged.append(f"“{_card_name(journey, card)}” {moved}")
        if gain > 0 and (best is None or share > best[0]):
            best = (share, f"“{_card_name(journey, card)}” {moved}"
                           f" ({'lower' if lower else 'higher'} is better).")
    if best is not None:
        return best[1]
    if judged:
        return f"No change improved its KPI yet: {judged[0]}."
    return "Not enough data: record the baseline of " + "; ".join(missing) + "."


def open_friction(journey: Journey, as_of: dt.date | None = None) -> str:
    """The top-ranked pain point whose card is not done, and who owns it (late by ``as_of``)."""
    ranked = rank_pain_points(journey)
    if not ranked:
        return "Not enough data: record and rank pain points first."
    if not is_live(journey.workshop):
        return _designed_friction(journey, ranked)
    for entry in ranked:
        card = journey.card_for(entry.pain.id)
        if card is not None and card.status == "done":
            continue
        what = f"“{entry.pain.description.strip() or 'An unnamed pain point'}” ({entry.reason})"
        if card is None:
            return f"{what} is still open with no card and no owner: draft a card and assign one."
        if card.status == "dropped":
            return f"{what} is still open; its card was dropped, so nobody owns it."
        if not card.owner.strip():
            return f"{what} is still open and nobody owns it: assign an owner to its card."
        due = f", due {card.deadline.isoformat()}" if card.deadline else ", with no deadline"
        if card.deadline and as_of is not None and card.deadline < as_of:
            due += f" (OVERDUE on {as_of.isoformat()})"
        return f"{what} is still open; {card.owner.strip()} owns it{due}."
    return "None: every ranked friction point has a card that is done."


def _designed_friction(journey: Journey, ranked: list[RankedPain]) -> str:
    """A to-be design's answer: its cards are the changes the design proposes, not work
    to draft, own or chase (that is done in the live as-is map), so it says which ranked
    friction point the design leaves as it is, or how it changes the top one."""
    for entry in ranked:
        card = journey.card_for(entry.pain.id)
        if card is None or card.status == "dropped":
            what = f"“{entry.pain.description.strip() or 'An unnamed pain point'}” ({entry.reason})"
            return (f"{what} stays as it is in this to-be design: none of the design's cards "
                    "changes it.")
    top = ranked[0]
    card = journey.card_for(top.pain.id)
    change = f"“{_card_name(journey, card)}”" if card is not None else "a card"
    return (f"None: this to-be design changes every ranked friction point; the top one, "
            f"“{top.pain.description.strip() or 'An unnamed pain point'}”, through {change}.")


def _not_counted(unknown: int) -> str:
    """" (2 pain points have no ticket volume recorded and are not counted)", or ""."""
    if not unknown:
        return ""
    has, are = ("has", "is") if unknown == 1 else ("have", "are")
    return (f" ({plural(unknown, 'pain point')} {has} no ticket volume recorded and {are} "
            "not counted)")


def _volume(journey: Journey) -> tuple[int, int]:
    """Monthly tickets and how many pain points were left out of them: the scope evidence
    if recorded, else the sum of the pain points' recorded volumes (one not recorded is
    left out and counted as left out, never added as 0)."""
    recorded = journey.workshop.evidence_ticket_volume
    if recorded:
        return recorded, 0
    return (sum(p.ticket_volume or 0 for p in journey.pain_points),
            sum(1 for p in journey.pain_points if p.ticket_volume is None))


# Common support journeys (method: order issues, account access, billing disputes …) and
# the words that show a workshop already maps one of them.
_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("billing disputes", r"billing|invoice|charge|refund|payment"),
    ("account access", r"account|access|login|log in|locked|lockout|password|sign.?in|2fa|mfa"),
    ("order issues", r"order|delivery|shipping|wismo|parcel|return"),
    ("production outages", r"outage|incident|production|downtime|bug"),
    ("cancellations", r"cancel|churn|subscription"),
)


def _about(journey: Journey) -> str:
    """What a workshop maps, in its own words: title, scenario, persona, goals, stages."""
    w = journey.workshop
    return " ".join([w.title, w.scenario, w.persona, w.persona_goal, w.business_goal,
                     *(s.name for s in journey.stages)]).casefold()


def _same_journey(a: Journey, b: Journey) -> bool:
    def key(j: Journey) -> tuple[str, str]:
        return (" ".join(j.workshop.scenario.split()).casefold(),
                " ".join(workshop_title(j).split()).casefold())
    ka, kb = key(a), key(b)
    return bool((ka[0] and ka[0] == kb[0]) or ka[1] == kb[1])


def _examples_for(journey: Journey) -> str:
    """The first two examples the workshop's words do not cover (each pattern is compiled
    on its first search, so the ones after those two are never looked at)."""
    about = _about(journey)
    names = islice((name for name, words in _EXAMPLES if not re.search(words, about)), 2)
    return " or ".join(names) or "another high-volume journey"


def next_journey(journey: Journey, portfolio: list[Journey]) -> str:
    """Highest monthly volume × (1 + ownership risks) among the other workshops.

    Never this journey: copies of it in the database are skipped, so are to-be designs
    (they are no journey to map), and the examples offered leave out what the
    workshop's own words already cover.
    """
    others = [j for j in live(portfolio)
              if j.workshop.id != journey.workshop.id and not _same_journey(j, journey)]
    if not others:
        return ("Map a new one: no other journey is in this database yet; pick the next "
                f"high-volume journey (for example {_examples_for(journey)}).")
    scored = []
    for other in others:
        risks = len(ownership_risks(other))
        volume, unknown = _volume(other)
        scored.append((volume * (1 + risks), volume, unknown, risks, other))
    scored.sort(key=lambda s: (-s[0], s[4].workshop.id or 0))
    score, volume, unknown, risks, best = scored[0]
    if score <= 0:
        names = ", ".join(f"“{workshop_title(j)}”" for j in others)
        return f"Not enough data: record the monthly ticket volume of {names}."
    risk_text = plural(risks, "ownership risk")
    return (f"Map “{workshop_title(best)}” next: {_tickets(volume)} on that journey and "
            f"{risk_text}{_not_counted(unknown)}.")


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """First and last day of a ``YYYY-MM`` month; ValueError in one sentence otherwise,
    also for a month outside ``DATE_SPAN``: no deadline can fall there, and year 0 ended
    in Python's "year 0 is out of range"."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})\s*", month)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"The month must look like YYYY-MM, for example 2026-05 (got {month!r}).")
    import calendar  # here: only a month's report needs it, and it loads the locale module

    year, number = int(match.group(1)), int(match.group(2))
    if not DATE_SPAN[0][:7] <= f"{year:04d}-{number:02d}" <= DATE_SPAN[1][:7]:
        raise ValueError(f"The month must be between {DATE_SPAN[0][:7]} and "
                         f"{DATE_SPAN[1][:7]}, the months a workshop's dates fall in "
                         f"(got {month!r}).")
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def review_day(month: str, today: dt.date | None = None) -> dt.date:
    """The day a month's review judges deadlines on: its last day, or ``today`` if earlier.

    A review of the current month must not call tomorrow's deadline late.
    """
    last = month_bounds(month)[1]
    return min(last, today) if today is not None else last


def _review_copy_in(journey: Journey, first: dt.date) -> str:
    """The monthly copy of the day-60 review in the month starting ``first`` ("" before
    the plan's review month, or without a review task, or when it was dropped)."""
    task = next((t for t in journey.plan_tasks if t.key == MONTHLY_REVIEW_KEY), None)
    if task is None or task.deadline is None or task.status == "dropped":
        return ""
    months = (first.year * 12 + first.month) - (task.deadline.year * 12 + task.deadline.month)
    copy = review_copy(task.deadline, months) if months >= 1 else None
    if copy is None:
        return ""
    owner = task.owner.strip() or "unassigned"
    return f"“{task.title}” ({owner}, {copy.isoformat()}, monthly copy of the day-60 review)"


def month_items(journey: Journey, month: str, today: dt.date | None = None) -> str:
    """One sentence: the cards and plan tasks due in ``month``, with owners and state, and
    the monthly copy of the day-60 review once the plan is over."""
    first, last = month_bounds(month)
    if not is_live(journey.workshop):
        return (f"In {month} nothing is due here: the cards of a to-be design are the changes "
                "it proposes, and the work is tracked in its as-is map.")
    due = [i for i in tracker_items([journey], review_day(month, today))
           if i.deadline is not None and first <= i.deadline <= last]
    parts = []
    for item in due:
        state = ("OVERDUE" if item.overdue else item.status.replace("_", " "))
        parts.append(f"“{item.title}” ({item.owner or 'unassigned'}, "
                     f"{item.deadline.isoformat() if item.deadline else ''}, {state})")
    copy = _review_copy_in(journey, first)
    if copy:
        parts.append(copy)
    if not parts:
        return f"In {month} no item is due."
    count = f"{plural(len(parts), 'item')} due"
    return f"In {month}, {count}: " + "; ".join(parts) + "."


def leadership_review(journey: Journey, portfolio: list[Journey],
                      month: str | None = None, today: dt.date | None = None
                      ) -> list[ReviewAnswer]:
    """The four monthly questions, each with a one-sentence answer from the data.

    ``month`` (``YYYY-MM``) judges deadlines as of that month's last day, so the
    review held in May says what was late in May (``today`` caps it for the current month).
    """
    as_of = review_day(month, today) if month is not None else None
    answers = (busiest_step(journey), measured_improvement(journey),
               open_friction(journey, as_of), next_journey(journey, portfolio))
    return [ReviewAnswer(q, a) for q, a in zip(QUESTIONS, answers, strict=True)]
