"""The action plan's follow-up sections: the tracker, the 60-day plan, the leadership review.

What happens after the workshop: every dated commitment grouped by owner with
OVERDUE in words, the plan's tasks with their timeline, and the four questions
the leadership review asks every month.
"""

from __future__ import annotations

from models.export.md_doc import UNASSIGNED, Doc, date_text, status_text
from models.export.md_text import md_cell, md_inline, md_table
from models.export.mermaid import gantt_diagram
from models.rules.commitments import item_due, sla_items
from models.rules.counts import plural
from models.rules.live_maps import follow_up_elsewhere
from models.rules.plan import NEXT_CYCLE_PHASE, PLAN_DAYS
from models.rules.review import leadership_review
from models.rules.review_copies import review_copies
from models.rules.safe_dates import shift
from models.rules.tracker import group_by_owner, tracker_items, workshop_title

_TRACKER_KINDS = {"card": "card", "task": "plan task", "sla": "SLA commitment"}


def tracker_section(doc: Doc) -> list[str]:
    dated = tracker_items([doc.journey], doc.today)
    slas = sla_items([doc.journey])
    items = dated + slas
    out = ["## Tracker", ""]
    if not items:
        return out + ["*Nothing to track yet.*"]
    overdue = sum(1 for i in items if i.overdue)
    out += [f"As of {doc.today.isoformat()}: {plural(len(dated), 'item')}, {overdue} OVERDUE."
            + (f" SLA commitments: {len(slas)}, {sum(1 for i in slas if i.flag)} flagged "
               "(no owner or no SLA)." if slas else ""), ""]
    for owner, group in group_by_owner(items).items():
        rows = [[md_cell(i.title), _TRACKER_KINDS.get(i.kind, i.kind),
                 "—" if i.kind == "sla" else date_text(i.deadline),
                 status_text(i.status) + (f" (signal {i.signal})" if i.signal else ""),
                 f"**{item_due(i)}**" if i.overdue or i.flag else item_due(i)]
                for i in group]
        out += [f"### {md_inline(owner)}", "",
                md_table(["Item", "Kind", "Deadline", "Status", "Due"], rows), ""]
    return out[:-1]


def follow_up_section(doc: Doc) -> list[str]:
    """A to-be design's place for the tracker and the plan: whose they are, by name."""
    source = doc.journey.workshop.as_is_workshop_id
    title = next((workshop_title(j) for j in doc.portfolio if j.workshop.id == source), "")
    return ["## Plan and tracker", "",
            follow_up_elsewhere(doc.journey.workshop, md_inline(title.strip()))]


def _next_copies(doc: Doc) -> str:
    """" (next: Mon 13 Apr 2026, …)": the monthly copies' working days, as the calendar has them."""
    copies = review_copies(doc.journey.plan_tasks, 3)
    return f" (next: {', '.join(date_text(d) for d in copies)})" if copies else ""


def plan_section(doc: Doc) -> list[str]:
    tasks = doc.journey.plan_tasks
    out = ["## 60-day plan", ""]
    if doc.plan_start is not None:
        end = shift(doc.plan_start, PLAN_DAYS - 1)
        out += [f"Day 1 is {date_text(doc.plan_start)}, day {PLAN_DAYS} is {date_text(end)}. "
                "The top card ships in weeks 3-4; the other cards queue after it, and what does "
                f"not fit is planned as “{NEXT_CYCLE_PHASE}”. The leadership review is on day 30 "
                f"and day {PLAN_DAYS} and repeats monthly{_next_copies(doc)}.", ""]
    if not doc.saved_plan:
        out += ["*Generated from the map and not saved yet: save it with `journeymap plan "
                f"{doc.journey.workshop.id or 0}` to track and edit it.*", ""]
    rows = [[md_cell(t.phase), md_cell(t.title), md_cell(t.owner) or f"*{UNASSIGNED}*",
             date_text(t.start), date_text(t.deadline), status_text(t.status)] for t in tasks]
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


def review_section(doc: Doc) -> list[str]:
    out = ["## Leadership review", "",
           "The four questions are asked every month (day 30, day 60, then monthly); "
           f"`journeymap report {doc.journey.workshop.id or 0} --month YYYY-MM` answers them "
           "for a given month.", ""]
    for answer in leadership_review(doc.journey, doc.portfolio):
        out += [f"### {md_inline(answer.question)}", "", md_inline(answer.answer), ""]
    return out[:-1]
