"""The action plan's opening sections: the summary, the ranked pain points, the cards.

The summary is the one screen a leader reads (scope, the top pain points with
their cards, next dates, risks); the ranked table and its impact/effort chart
say why those come first; each hypothesis card follows with its owner, dates,
place on the plan and flags.
"""

from __future__ import annotations

from models.export.md_cells import fill
from models.export.md_doc import (
    NOT_RECORDED,
    Doc,
    date_text,
    field_line,
    owner_text,
    status_text,
)
from models.export.md_text import md_inline, md_table, md_table_head
from models.export.mermaid import QUADRANT_MAX, quadrant_diagram
from models.rules.cards import card_flags, card_sentence, ordered_cards
from models.rules.counts import agree, plural
from models.rules.escalation import escalation_risks
from models.rules.handoffs import ownership_risks
from models.rules.live_maps import is_live
from models.rules.numbers import fmt_number
from models.rules.plan import PLAN_DAYS
from models.rules.priority import QUADRANT_LABELS, volume_words
from models.rules.safe_dates import shift
from models.rules.tracker import tracker_items

SUMMARY_PAINS = 3
SUMMARY_DATES = 4


def summary_section(doc: Doc) -> list[str]:
    """One screen: scope, the top pain points with their cards, next dates, risks."""
    w = doc.journey.workshop
    who = " — ".join(x for x in (md_inline(w.persona), md_inline(w.scenario)) if x)
    volume = (f" ({plural(w.evidence_ticket_volume, 'ticket')}/month recorded for this journey)"
              if w.evidence_ticket_volume is not None else "")
    out = ["## Summary", "", f"- **Scope:** {who or '*' + NOT_RECORDED + '*'}{volume}"]
    if doc.plan_start is not None:
        end = shift(doc.plan_start, PLAN_DAYS - 1)
        out.append(f"- **Plan:** day 1 is {date_text(doc.plan_start)}, day {PLAN_DAYS} is "
                   f"{date_text(end)}; leadership review on day 30 and day {PLAN_DAYS}, then "
                   "monthly.")
    out += ["", "**Top pain points and their cards**", ""]
    live = is_live(w)
    if not doc.ranked:
        out.append("*No pain points yet.*")
    for r in doc.ranked[:SUMMARY_PAINS]:
        card = doc.journey.card_for(r.pain.id)
        volume_text = (f"{volume_words(r.volume)} on this pain point" if r.volume is not None
                       else "no ticket volume recorded")
        out.append(f"{r.rank}. {md_inline(r.pain.description) or '*unnamed*'} "
                   f"({volume_text}).")
        if card is None:
            out.append("   Card: *none yet* — draft one." if live else
                       "   Card: *none in this to-be design* — it leaves this pain point as it is.")
            continue
        if not live:  # the design's proposed change, not work anyone owes yet
            experiment = card.experiment.strip().rstrip(".") or NOT_RECORDED
            out.append(f"   Designed change: {md_inline(experiment)}.")
            continue
        task = doc.task_of_card.get(card.id or -1)
        due = card.deadline or (task.deadline if task else None)
        owner = card.owner.strip() or (task.owner.strip() if task else "")
        experiment = card.experiment.strip().rstrip(".") or NOT_RECORDED
        out.append(f"   Card: {md_inline(experiment)}. Owner: {owner_text(owner)}, "
                   f"due {date_text(due)} ({status_text(card.status)}).")
    if doc.live:  # a to-be design's dates are the live map's (``follow_up_section``)
        upcoming = sorted((i for i in tracker_items([doc.journey], doc.today)
                           if i.deadline is not None and i.status not in ("done", "dropped")
                           and i.deadline >= doc.today), key=lambda i: (i.deadline, i.item_id))
        out += ["", "**Next dates**", ""]
        out += [f"- {date_text(i.deadline)}: {md_inline(i.title)} ({owner_text(i.owner)})"
                for i in upcoming[:SUMMARY_DATES]] or ["- *Nothing dated ahead.*"]
    out += ["", "**Risks**", ""]
    out += [f"- {md_inline(r)}" for r in risks(doc)] or ["- *None found.*"]
    return out


def risks(doc: Doc) -> list[str]:
    items = tracker_items([doc.journey], doc.today) if doc.live else []
    risks = []
    overdue = [i for i in items if i.overdue]
    if overdue:
        risks.append(f"{plural(len(overdue), 'item')} OVERDUE (see Tracker).")
    open_cards = [c for c in doc.journey.cards if c.status not in ("done", "dropped")]
    unowned = [c for c in open_cards if not c.owner.strip()]
    if unowned:
        risks.append(f"{len(unowned)} of {plural(len(open_cards), 'open card')} "
                     f"{agree(len(unowned), 'has', 'have')} no owner.")
    late = [c for c in open_cards if doc.card_warning(c.deadline or getattr(
        doc.task_of_card.get(c.id or -1), "deadline", None))]
    if late:
        risks.append(f"{plural(len(late), 'card')} due after day {PLAN_DAYS}: next cycle.")
    handoff_risks = ownership_risks(doc.journey)
    if handoff_risks:
        risks.append(f"{plural(len(handoff_risks), 'ownership and handoff risk')} (see "
                     "Handoffs and risks).")
    path_risks = escalation_risks(doc.journey)
    if path_risks:
        risks.append(f"{plural(len(path_risks), 'escalation or bot risk')} (see Escalation "
                     "path).")
    return risks


def pains_section(doc: Doc) -> list[str]:
    if not doc.ranked:
        return ["## Ranked pain points", "", "*No pain points yet.*"]
    cell = doc.cell
    fill(cell, [r.pain.description for r in doc.ranked])
    rows = md_table_head(["Rank", "Pain point", "Where", "Kind", "Quadrant", "Volume"])
    rows += [f"| {r.rank} | {cell[r.pain.description]} | {doc.where_cell(r.pain.touchpoint_id)} "
             f"| {cell[r.pain.kind.replace('_', ' ')]} "
             f"| {QUADRANT_LABELS.get(r.quadrant, r.quadrant)} (impact {r.pain.impact}, "
             f"effort {r.pain.effort}) "
             f"| {volume_words(r.volume)}, {plural(r.votes, 'vote')} |"
             for r in doc.ranked]
    out = ["## Ranked pain points", "",
           "Ranked by quadrant (quick wins first), then tickets per month, then votes.", "",
           *rows]
    block = quadrant_diagram(doc.ranked)
    out += ["", "### Impact and effort", "", "Each point is a pain point, numbered by its rank "
            "in the table above.", "", block]
    if len(doc.ranked) > QUADRANT_MAX:
        out += ["", f"*The chart shows the top {QUADRANT_MAX} of {len(doc.ranked):,} "
                "pain points.*"]
    return out


def quadrant_legend(doc: Doc) -> list[str]:
    rows = [[str(r.rank), doc.cell[r.pain.description] or "*unnamed*",
             QUADRANT_LABELS.get(r.quadrant, r.quadrant)] for r in doc.ranked[:QUADRANT_MAX]]
    return [md_table(["#", "Pain point", "Quadrant"], rows)]


def cards_section(doc: Doc) -> list[str]:
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
                field_line("Owner", card.owner), field_line("Deadline", date_text(card.deadline)
                                                    if card.deadline else ""),
                field_line("Status", status_text(card.status))]
        task = doc.task_of_card.get(card.id or -1)
        if task is not None:
            out.append(f"- **On the plan:** {md_inline(task.phase)}, {date_text(task.start)} to "
                       f"{date_text(task.deadline)}")
        warning = doc.card_warning(card.deadline or (task.deadline if task else None))
        if warning:
            out.append(f"- **Warning:** {warning}")
        if card.result_notes.strip() or card.result_value is not None:
            value = ("" if card.result_value is None
                     else f" (measured: {fmt_number(card.result_value)})")
            out.append(f"- **Result:** {md_inline(card.result_notes)}{value}")
        out += [f"- **Flags:** {', '.join(flags) if flags else 'none'}", ""]
    return out[:-1]
