"""The Markdown action plan: one self-contained document for a wiki or a pull request.

A workshop is worth what it leaves behind, and what it leaves behind is read
by people who were not in the room.  The document therefore stands alone and
starts with a one-screen summary a leader can act on (scope, the top pain
points with their cards, owners, next dates, risks); the detail follows: the
map, who owns what, what hurts most, the experiments, the tracker, the 60-day
plan and the leadership review.  Tables stay within about six columns so a
wiki shows them without horizontal scrolling; long text goes below them.

Every piece of user text goes through ``models.export.md_text`` (cells, inline text,
Mermaid labels), so nothing a person typed can change the document's
structure.  Output is deterministic for a given journey and ``today`` (the
golden tests rely on it): no clock is read here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, cast

from models.db.journey import Journey
from models.export.md_method import method_sections
from models.export.md_text import md_cell, md_inline, md_table
from models.export.measured import measured_section
from models.export.mermaid import QUADRANT_MAX, gantt_diagram, journey_diagram, quadrant_diagram
from models.rules.cards import card_flags, card_sentence, fmt_kpi, ordered_cards
from models.rules.commitments import item_due, sla_items
from models.rules.handoffs import derive_handoffs, ownership_risks
from models.rules.memo import one_snapshot
from models.rules.plan import (
    NEXT_CYCLE_PHASE,
    PLAN_DAYS,
    PreviewTask,
    beyond_plan,
    card_of_task,
    generate_plan,
)
from models.rules.priority import QUADRANT_LABELS, rank_pain_points
from models.rules.review import leadership_review
from models.rules.safe_dates import shift
from models.rules.tracker import (
    TrackerItem,
    due_words,
    group_by_owner,
    tracker_items,
    workshop_title,
)
from models.vocab import ACTOR_LABELS, ACTOR_LETTERS, ACTORS

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables import PlanTask, Touchpoint

SECTIONS: tuple[str, ...] = ("summary", "scope", "stages", "touchpoints", "ownership", "handoffs",
                             "pains", "cards", "tracker", "plan", "measured", "review", "method",
                             "diagrams")
SHORTHANDS: dict[str, tuple[str, ...]] = {
    "action-plan": ("summary", "pains", "cards", "tracker", "plan", "review"),
    "all": SECTIONS,
}
NOT_RECORDED = "not recorded"
UNASSIGNED = "unassigned"
SUMMARY_PAINS = 3
SUMMARY_DATES = 4


def parse_sections(sections: Iterable[str] | None) -> tuple[str, ...]:
    """Section keys in document order; shorthands expanded; ValueError names an unknown key."""
    if sections is None:
        return SECTIONS
    chosen: set[str] = set()
    for raw in sections:
        key = raw.strip().lower()
        if not key:
            continue
        if key in SHORTHANDS:
            chosen.update(SHORTHANDS[key])
        elif key in SECTIONS:
            chosen.add(key)
        else:
            known = ", ".join((*SECTIONS, *SHORTHANDS))
            raise ValueError(f"Unknown section {raw.strip()!r}: choose from {known}.")
    if not chosen:
        raise ValueError("No section chosen: name at least one, for example action-plan.")
    return tuple(s for s in SECTIONS if s in chosen)


def with_plan_preview(journey: Journey, start: dt.date | None = None) -> tuple[Journey, bool]:
    """(journey whose plan_tasks are never empty, whether the plan is saved).

    A map exported before anyone ran "plan" still deserves a plan: the generated
    one is used as an unsaved preview (ids 0), so the plan, the tracker, the
    gantt and the calendar all agree on the same tasks.
    """
    if journey.plan_tasks:
        return journey, True
    tasks = [PreviewTask(id=0, workshop_id=journey.workshop.id or 0, key=item.key,
                         phase=item.phase, title=item.title, detail=item.detail,
                         owner=item.owner, start=item.start, deadline=item.deadline,
                         position=pos)
             for pos, item in enumerate(generate_plan(journey, start), start=1)]
    # read like PlanTask rows by every output (attributes only)
    return dataclasses.replace(journey, plan_tasks=cast("list[PlanTask]", tasks)), False


# -- small formatting helpers --------------------------------------------------

def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else "no date"


def _status(status: str) -> str:
    return status.replace("_", " ")


_SENTIMENT_WORDS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive",
                    2: "very positive"}


def _sentiment(value: int) -> str:
    return f"{value:+d} ({_SENTIMENT_WORDS.get(value, '?')})" if value else "0 (neutral)"


def _kpi_range(baseline: float | None, target: float | None, unit: str) -> str:
    base = fmt_kpi(baseline, unit) if baseline is not None else NOT_RECORDED
    goal = fmt_kpi(target, unit) if target is not None else NOT_RECORDED
    return f"{base} → {goal}"


def due_text(item: TrackerItem) -> str:
    """Days left, or OVERDUE in words so it shows without colour (and in plain text)."""
    return due_words(item.days_left, item.status)


def _field(label: str, value: object) -> str:
    text = md_inline(value)
    return f"- **{label}:** {text or '*' + NOT_RECORDED + '*'}"


class _Doc:
    """What every section renders from, computed once per export."""

    def __init__(self, journey: Journey, today: dt.date, portfolio: list[Journey] | None,
                 saved_plan: bool, diagram_hosts: set[str]) -> None:
        self.journey = journey
        self.today = today
        self.portfolio = portfolio if portfolio is not None else [journey]
        self.saved_plan = saved_plan
        self.diagram_hosts = diagram_hosts  # sections that draw their diagram inline
        self.tp_by_id: dict[int, Touchpoint] = {tp.id: tp for tp in journey.ordered_touchpoints()
                                                if tp.id is not None}
        self.stage_name = {s.id: s.name for s in journey.stages}
        self.ranked = rank_pain_points(journey)
        tasks = journey.plan_tasks
        self.plan_start = min((t.start for t in tasks if t.start is not None), default=None) \
            or journey.workshop.start_date
        self.task_of_card: dict[int, PlanTask] = {}
        for task in tasks:
            card_id = card_of_task(journey, task.key) if task.key else None
            if card_id is not None:
                self.task_of_card[card_id] = task

    def card_warning(self, deadline: dt.date | None) -> str:
        return beyond_plan(self.plan_start, deadline) if self.plan_start else ""

    def where(self, touchpoint_id: int | None) -> str:
        tp = self.tp_by_id.get(touchpoint_id or -1)
        if tp is None:
            return "not placed on a touchpoint"
        stage = self.stage_name.get(tp.stage_id, "").strip()
        return f"{stage} › {tp.name.strip()}" if stage else tp.name.strip()


# -- sections --------------------------------------------------------------------

def _owner(value: str) -> str:
    return md_inline(value) or f"*{UNASSIGNED}*"


def _summary(doc: _Doc) -> list[str]:
    """One screen: scope, the top pain points with their cards, next dates, risks."""
    w = doc.journey.workshop
    who = " — ".join(x for x in (md_inline(w.persona), md_inline(w.scenario)) if x)
    volume = (f" ({w.evidence_ticket_volume:,} tickets/month recorded for this journey)"
              if w.evidence_ticket_volume else "")
    out = ["## Summary", "", f"- **Scope:** {who or '*' + NOT_RECORDED + '*'}{volume}"]
    if doc.plan_start is not None:
        end = shift(doc.plan_start, PLAN_DAYS - 1)
        out.append(f"- **Plan:** day 1 is {_date(doc.plan_start)}, day {PLAN_DAYS} is "
                   f"{_date(end)}; leadership review on day 30 and day {PLAN_DAYS}, then "
                   "monthly.")
    out += ["", "**Top pain points and their cards**", ""]
    if not doc.ranked:
        out.append("*No pain points yet.*")
    for r in doc.ranked[:SUMMARY_PAINS]:
        card = doc.journey.card_for(r.pain.id)
        volume_text = (f"{r.volume:,} tickets/month on this pain point" if r.volume
                       else "no ticket volume recorded")
        out.append(f"{r.rank}. {md_inline(r.pain.description) or '*unnamed*'} "
                   f"({volume_text}).")
        if card is None:
            out.append("   Card: *none yet* — draft one.")
            continue
        task = doc.task_of_card.get(card.id or -1)
        due = card.deadline or (task.deadline if task else None)
        owner = card.owner.strip() or (task.owner.strip() if task else "")
        experiment = card.experiment.strip().rstrip(".") or NOT_RECORDED
        out.append(f"   Card: {md_inline(experiment)}. Owner: {_owner(owner)}, "
                   f"due {_date(due)} ({_status(card.status)}).")
    upcoming = sorted((i for i in tracker_items([doc.journey], doc.today)
                       if i.deadline is not None and i.status not in ("done", "dropped")
                       and i.deadline >= doc.today), key=lambda i: (i.deadline, i.item_id))
    out += ["", "**Next dates**", ""]
    out += [f"- {_date(i.deadline)}: {md_inline(i.title)} ({_owner(i.owner)})"
            for i in upcoming[:SUMMARY_DATES]] or ["- *Nothing dated ahead.*"]
    out += ["", "**Risks**", ""]
    out += [f"- {md_inline(r)}" for r in _risks(doc)] or ["- *None found.*"]
    return out


def _risks(doc: _Doc) -> list[str]:
    items = tracker_items([doc.journey], doc.today)
    risks = []
    overdue = [i for i in items if i.overdue]
    if overdue:
        risks.append(f"{len(overdue)} item{'s' if len(overdue) != 1 else ''} OVERDUE "
                     f"(see Tracker).")
    open_cards = [c for c in doc.journey.cards if c.status not in ("done", "dropped")]
    unowned = [c for c in open_cards if not c.owner.strip()]
    if unowned:
        risks.append(f"{len(unowned)} of {len(open_cards)} open cards have no owner.")
    late = [c for c in open_cards if doc.card_warning(c.deadline or getattr(
        doc.task_of_card.get(c.id or -1), "deadline", None))]
    if late:
        risks.append(f"{len(late)} card{'s' if len(late) != 1 else ''} due after day "
                     f"{PLAN_DAYS}: next cycle.")
    handoff_risks = ownership_risks(doc.journey)
    if handoff_risks:
        risks.append(f"{len(handoff_risks)} ownership and handoff risks (see Handoffs and "
                     "risks).")
    return risks



def _scope(doc: _Doc) -> list[str]:
    w = doc.journey.workshop
    volume = (f"{w.evidence_ticket_volume:,} tickets/month"
              if w.evidence_ticket_volume is not None else "")
    return ["## Scope", "",
            _field("Persona", w.persona), _field("Scenario", w.scenario),
            _field("Persona goal", w.persona_goal), _field("Business goal", w.business_goal),
            _field("Facilitator", w.facilitator),
            _field("Start date", w.start_date.isoformat() if w.start_date else ""),
            _field("Map state", w.state), "",
            "### Evidence", "",
            _field("Ticket volume", volume), _field("Resolution time", w.evidence_resolution_time),
            _field("Transfer rate", w.evidence_transfer_rate), _field("CSAT", w.evidence_csat),
            _field("Notes", w.evidence_notes)]


def _stages(doc: _Doc) -> list[str]:
    if not doc.journey.stages:
        return ["## Stages and KPIs", "", "*No stages yet.*"]
    rows = [[str(i), md_cell(s.name), md_cell(s.description), md_cell(s.kpi_name),
             md_cell(_kpi_range(s.kpi_baseline, s.kpi_target, s.kpi_unit))]
            for i, s in enumerate(doc.journey.stages, start=1)]
    return ["## Stages and KPIs", "",
            md_table(["#", "Stage", "Description", "KPI", "Baseline → target"], rows)]


def _touchpoints(doc: _Doc) -> list[str]:
    out = ["## Touchpoints", ""]
    headers = ["#", "Touchpoint", "Channel", "Sentiment", "Lane", "Owner"]
    for i, stage in enumerate(doc.journey.stages, start=1):
        out += [f"### {i}. {md_inline(stage.name) or 'Unnamed stage'}", ""]
        tps = doc.journey.touchpoints.get(stage.id or 0, [])
        if not tps:
            out += ["*No touchpoints yet.*", ""]
            continue
        rows = []
        details = []
        for n, tp in enumerate(tps, start=1):
            name = md_cell(tp.name) + (" (moment of truth)" if tp.moment_of_truth else "")
            rows.append([str(n), name, md_cell(tp.channel), _sentiment(tp.sentiment),
                         md_cell(tp.lane), md_cell(tp.owner_team) or "*no owner*"])
            said = [f"{label}: {md_inline(value)}" for label, value in
                    (("Does", tp.does), ("Thinks", tp.thinks), ("Feels", tp.feels))
                    if value.strip()]
            if said:
                details.append(f"- **{n}.** " + "; ".join(said))
        out += [md_table(headers, rows), ""]
        if details:
            out += ["What the customer does, thinks and feels:", "", *details, ""]
    if "touchpoints" in doc.diagram_hosts:
        out += _journey_block(doc)
    return out[:-1] if out[-1] == "" else out


def _journey_block(doc: _Doc) -> list[str]:
    block, left_out = journey_diagram(doc.journey)
    if not block:
        return []
    out = ["### Sentiment along the journey", "", block, ""]
    if any(tp.actor in ACTOR_LETTERS for tp in doc.journey.ordered_touchpoints()):
        out += [actor_legend().replace("**", ""), ""]
    if left_out:
        out += [f"*The diagram shows the first touchpoints; {left_out:,} more are in the tables "
                "above.*", ""]
    return out


def _ownership(doc: _Doc) -> list[str]:
    stages = doc.journey.stages
    if not stages:
        return ["## Ownership swimlanes", "", "*No stages yet.*"]
    teams = doc.journey.teams()
    lanes: dict[str, dict[int, list[str]]] = {}
    key_of = {t.casefold(): t for t in teams}
    for stage in stages:
        for tp in doc.journey.touchpoints.get(stage.id or 0, []):
            team = key_of.get(tp.owner_team.strip().casefold(), "")
            label = md_cell(tp.name) or "*unnamed*"
            if tp.actor in ACTOR_LETTERS:
                label = f"**{ACTOR_LETTERS[tp.actor]}** {label}"
            if tp.lane == "backstage":
                label += " *(backstage)*"
            lanes.setdefault(team, {}).setdefault(stage.id or 0, []).append(label)
    order = [t for t in teams if t in lanes] + ([""] if "" in lanes else [])
    if not order:
        return ["## Ownership swimlanes", "", "*No touchpoints yet.*"]
    rows = [[md_cell(team) if team else "*no owner*"]
            + ["<br>".join(lanes[team].get(s.id or 0, [])) for s in stages] for team in order]
    headers = ["Team"] + [md_cell(s.name) or "*unnamed*" for s in stages]
    out = ["## Ownership swimlanes", "", "One row per owner team, one column per stage.", "",
           md_table(headers, rows)]
    if any(tp.actor in ACTOR_LETTERS for tp in doc.journey.ordered_touchpoints()):
        out += ["", actor_legend()]
    return out


def actor_legend() -> str:
    """The key to the actor letters, in bold like the letters (no colour needed)."""
    keys = ", ".join(f"**{ACTOR_LETTERS[a]}** {ACTOR_LABELS[a]}" for a in ACTORS)
    return f"Actor: {keys} (no letter: not said)."


def _handoffs(doc: _Doc) -> list[str]:
    out = ["## Handoffs and risks", ""]
    handoffs = derive_handoffs(doc.journey)
    if handoffs:
        rows = []
        for i, h in enumerate(handoffs, start=1):
            d = h.detail
            informed = ("not discussed" if d is None else "yes" if d.customer_informed else "no")
            rows.append([str(i), f"{md_cell(doc.where(h.from_tp.id))} → "
                                 f"{md_cell(doc.where(h.to_tp.id))}",
                         f"{md_cell(h.from_team)} → {md_cell(h.to_team)}",
                         md_cell(d.what_is_transferred if d else ""),
                         md_cell(d.typical_delay if d else ""), informed])
        out += [md_table(["#", "From → to", "Teams", "What is transferred", "Typical delay",
                          "Customer informed"], rows), ""]
    else:
        out += ["*No handoffs: no team takes the case on backstage and none is documented.*", ""]
    risks = ownership_risks(doc.journey)
    out += ["### Risks", ""]
    out += [f"- {md_inline(r.message)}" for r in risks] or ["*No ownership risks found.*"]
    return out


def _pains(doc: _Doc) -> list[str]:
    if not doc.ranked:
        return ["## Ranked pain points", "", "*No pain points yet.*"]
    rows = [[str(r.rank), md_cell(r.pain.description), md_cell(doc.where(r.pain.touchpoint_id)),
             md_cell(r.pain.kind.replace("_", " ")),
             f"{QUADRANT_LABELS.get(r.quadrant, r.quadrant)} (impact {r.pain.impact}, "
             f"effort {r.pain.effort})",
             f"{r.volume:,} tickets/month, {r.votes:,} vote{'' if r.votes == 1 else 's'}"]
            for r in doc.ranked]
    out = ["## Ranked pain points", "",
           "Ranked by quadrant (quick wins first), then tickets per month, then votes.", "",
           md_table(["Rank", "Pain point", "Where", "Kind", "Quadrant", "Volume"], rows)]
    block = quadrant_diagram(doc.ranked)
    out += ["", "### Impact and effort", "", "Each point is a pain point, numbered by its rank "
            "in the table above.", "", block]
    if len(doc.ranked) > QUADRANT_MAX:
        out += ["", f"*The chart shows the top {QUADRANT_MAX} of {len(doc.ranked):,} "
                "pain points.*"]
    return out


def _quadrant_legend(doc: _Doc) -> list[str]:
    rows = [[str(r.rank), md_cell(r.pain.description) or "*unnamed*",
             QUADRANT_LABELS.get(r.quadrant, r.quadrant)] for r in doc.ranked[:QUADRANT_MAX]]
    return [md_table(["#", "Pain point", "Quadrant"], rows)]


def _cards(doc: _Doc) -> list[str]:
    cards = ordered_cards(doc.journey)
    if not cards:
        return ["## Hypothesis cards", "", "*No hypothesis cards yet.*"]
    rank = {r.pain.id: r.rank for r in doc.ranked}
    out = ["## Hypothesis cards", ""]
    for n, card in enumerate(cards, start=1):
        pain = doc.journey.pain_point(card.pain_point_id)
        title = md_inline(pain.description if pain else "") or "Untitled pain point"
        ranked = f" (pain point ranked {rank[card.pain_point_id]})" if card.pain_point_id in rank \
            else ""
        flags = card_flags(card)
        out += [f"### Card {n}{ranked}: {title}", "", md_inline(card_sentence(card)), "",
                _field("Owner", card.owner), _field("Deadline", _date(card.deadline)
                                                    if card.deadline else ""),
                _field("Status", _status(card.status))]
        task = doc.task_of_card.get(card.id or -1)
        if task is not None:
            out.append(f"- **On the plan:** {md_inline(task.phase)}, {_date(task.start)} to "
                       f"{_date(task.deadline)}")
        warning = doc.card_warning(card.deadline or (task.deadline if task else None))
        if warning:
            out.append(f"- **Warning:** {warning}")
        if card.result_notes.strip() or card.result_value is not None:
            value = f" (measured: {card.result_value:g})" if card.result_value is not None else ""
            out.append(f"- **Result:** {md_inline(card.result_notes)}{value}")
        out += [f"- **Flags:** {', '.join(flags) if flags else 'none'}", ""]
    return out[:-1]


_TRACKER_KINDS = {"card": "card", "task": "plan task", "sla": "SLA commitment"}


def _tracker(doc: _Doc) -> list[str]:
    dated = tracker_items([doc.journey], doc.today)
    slas = sla_items([doc.journey])
    items = dated + slas
    out = ["## Tracker", ""]
    if not items:
        return out + ["*Nothing to track yet.*"]
    overdue = sum(1 for i in items if i.overdue)
    out += [f"As of {doc.today.isoformat()}: {len(dated)} items, {overdue} OVERDUE."
            + (f" SLA commitments: {len(slas)}, {sum(1 for i in slas if i.flag)} flagged "
               "(no owner or no SLA)." if slas else ""), ""]
    for owner, group in group_by_owner(items).items():
        rows = [[md_cell(i.title), _TRACKER_KINDS.get(i.kind, i.kind),
                 "—" if i.kind == "sla" else _date(i.deadline),
                 _status(i.status) + (f" (signal {i.signal})" if i.signal else ""),
                 f"**{item_due(i)}**" if i.overdue or i.flag else item_due(i)]
                for i in group]
        out += [f"### {md_inline(owner)}", "",
                md_table(["Item", "Kind", "Deadline", "Status", "Due"], rows), ""]
    return out[:-1]


def _plan(doc: _Doc) -> list[str]:
    tasks = doc.journey.plan_tasks
    out = ["## 60-day plan", ""]
    if doc.plan_start is not None:
        end = shift(doc.plan_start, PLAN_DAYS - 1)
        out += [f"Day 1 is {_date(doc.plan_start)}, day {PLAN_DAYS} is {_date(end)}. The top "
                "card ships in weeks 3-4; the other cards queue after it, and what does not "
                f"fit is planned as “{NEXT_CYCLE_PHASE}”. The leadership review is on day 30 "
                f"and day {PLAN_DAYS} and repeats monthly.", ""]
    if not doc.saved_plan:
        out += ["*Generated from the map and not saved yet: save it with `journeymap plan "
                f"{doc.journey.workshop.id or 0}` to track and edit it.*", ""]
    rows = [[md_cell(t.phase), md_cell(t.title), md_cell(t.owner) or f"*{UNASSIGNED}*",
             _date(t.start), _date(t.deadline), _status(t.status)] for t in tasks]
    out.append(md_table(["Phase", "Task", "Owner", "Start", "Deadline", "Status"], rows))
    details: list[str] = []
    for t in tasks:
        line = f"- **{md_inline(t.title) or md_inline(t.key)}:** {md_inline(t.detail)}"
        if t.detail.strip() and line not in details:  # the two reviews say the same
            details.append(line)
    if details:
        out += ["", "What each task means:", "", *details]
    block = gantt_diagram(tasks, "60-day plan", doc.today)
    if block:
        out += ["", "### Timeline", "", block]
    return out


def _review(doc: _Doc) -> list[str]:
    out = ["## Leadership review", "",
           "The four questions are asked every month (day 30, day 60, then monthly); "
           f"`journeymap report {doc.journey.workshop.id or 0} --month YYYY-MM` answers them "
           "for a given month.", ""]
    for answer in leadership_review(doc.journey, doc.portfolio):
        out += [f"### {md_inline(answer.question)}", "", md_inline(answer.answer), ""]
    return out[:-1]


def _diagrams_only(doc: _Doc, orphans: set[str]) -> list[str]:
    """Diagrams whose host section was not exported, gathered under one heading."""
    blocks: list[str] = []
    if "touchpoints" in orphans:
        blocks += _journey_block(doc)
    if "pains" in orphans and doc.ranked:
        blocks += ["### Impact and effort", "", quadrant_diagram(doc.ranked), "",
                   *_quadrant_legend(doc), ""]
    gantt = gantt_diagram(doc.journey.plan_tasks, "60-day plan", doc.today)
    if "plan" in orphans and gantt:
        blocks += ["### Timeline", "", gantt, ""]
    return ["## Diagrams", "", *blocks[:-1]] if blocks else []


_RENDER: dict[str, Callable[[_Doc], list[str]]] = {
    "summary": _summary, "scope": _scope, "stages": _stages, "touchpoints": _touchpoints,
    "ownership": _ownership,
    "handoffs": _handoffs, "pains": _pains, "cards": _cards, "tracker": _tracker,
    "plan": _plan, "review": _review, "measured": lambda doc: measured_section(doc.journey),
    "method": lambda doc: method_sections(doc.journey, doc.portfolio),
}
_HOSTS = ("touchpoints", "pains", "plan")


def to_markdown(journey: Journey, *, today: dt.date, sections: Iterable[str] | None = None,
                portfolio: list[Journey] | None = None) -> str:
    """The whole document (or the chosen ``sections``) as Markdown text ending in a newline.

    ``today`` decides days left and OVERDUE; ``portfolio`` (every journey in
    the database) lets the review say which journey to map next.
    """
    with one_snapshot():  # the sections ask the same rules again: each answers once
        return _document(journey, today, parse_sections(sections), portfolio)


def _document(journey: Journey, today: dt.date, chosen: tuple[str, ...],
              portfolio: list[Journey] | None) -> str:
    journey, saved = with_plan_preview(journey)
    # Diagrams live next to their tables (always: the gantt is part of the plan); with
    # "diagrams", those whose table was not chosen get a section of their own.
    wanted = set(_HOSTS) if "diagrams" in chosen else set()
    inline = {h for h in _HOSTS if h in chosen}
    doc = _Doc(journey, today, portfolio, saved, inline)
    title = md_inline(workshop_title(journey)) or "Untitled workshop"
    parts: list[list[str]] = [[f"# {title}", "",
                               f"Customer journey map and action plan, exported "
                               f"{today.isoformat()} (workshop {journey.workshop.id or 0})."]]
    for key in chosen:
        if key in _RENDER:
            parts.append(_RENDER[key](doc))
    if wanted - inline:
        parts.append(_diagrams_only(doc, wanted - inline))
    return "\n\n".join("\n".join(p) for p in parts if p) + "\n"
