"""The Markdown action plan: one self-contained document for a wiki or a pull request.

A workshop is worth what it leaves behind, and what it leaves behind is read
by people who were not in the room.  The document therefore stands alone and
starts with a one-screen summary a leader can act on (scope, the top pain
points with their cards, owners, next dates, risks); the detail follows: the
map, who owns what, what hurts most, the experiments, the tracker, the 60-day
plan and the leadership review.  Tables stay within about six columns so a
wiki shows them without horizontal scrolling; long text goes below them.

This module puts the sections in order; they live by job in ``md_map`` (the
map), ``md_pains`` (summary, pain points, cards), ``md_plan`` (tracker, plan,
review), ``md_method`` and ``measured``, over the facts ``md_doc.Doc`` computes
once.  Every piece of user text goes through ``models.export.md_text`` (cells,
inline text, Mermaid labels), so nothing a person typed can change the
document's structure.  Output is deterministic for a given journey and ``today`` (the
golden tests rely on it): no clock is read here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, cast

from models.db.journey import Journey
from models.export.md_doc import Doc
from models.export.md_map import (
    handoffs_section,
    journey_block,
    ownership_section,
    scope_section,
    stages_section,
    touchpoints_section,
)
from models.export.md_method import method_sections
from models.export.md_pains import cards_section, pains_section, quadrant_legend, summary_section
from models.export.md_plan import (
    follow_up_section,
    plan_section,
    review_section,
    tracker_section,
)
from models.export.md_text import md_inline
from models.export.measured import measured_section
from models.export.mermaid import gantt_diagram, quadrant_diagram
from models.rules.live_maps import is_live
from models.rules.memo import one_snapshot
from models.rules.plan import generate_plan
from models.rules.plan_preview import PreviewTask
from models.rules.tracker import TrackerItem, due_words, workshop_title

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import PlanTask

SECTIONS: tuple[str, ...] = ("summary", "scope", "stages", "touchpoints", "ownership", "handoffs",
                             "pains", "cards", "tracker", "plan", "measured", "review", "method",
                             "diagrams")


SHORTHANDS: dict[str, tuple[str, ...]] = {
    "action-plan": ("summary", "pains", "cards", "tracker", "plan", "review"),
    "all": SECTIONS,
}


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


def with_plan_preview(journey: Journey, today: dt.date,
                      start: dt.date | None = None) -> tuple[Journey, bool]:
    """(journey whose plan_tasks are never empty, whether the plan is saved).

    A map exported before anyone ran "plan" still deserves a plan: the generated
    one is used as an unsaved preview (ids 0), so the plan, the tracker, the
    gantt and the calendar all agree on the same tasks.  It starts on the
    workshop's start date, else on ``today``, the day the output is made for
    (never the machine's clock: the same journey and ``today`` give the same file);
    ``start`` first, when given (``plan ID --start`` read by an account without a role).
    """
    if not is_live(journey.workshop):  # a design: its plan is the live map's
        return journey.with_plan([]), True
    if journey.plan_tasks:
        return journey, True
    tasks = [PreviewTask(id=0, workshop_id=journey.workshop.id or 0, key=item.key,
                         phase=item.phase, title=item.title, detail=item.detail,
                         owner=item.owner, start=item.start, deadline=item.deadline,
                         position=pos)
             for pos, item in enumerate(
                 generate_plan(journey, start or journey.workshop.start_date or today), start=1)]
    # read like PlanTask rows by every output (attributes only)
    return journey.with_plan(cast("list[PlanTask]", tasks)), False


def due_text(item: TrackerItem) -> str:
    """Days left, or OVERDUE in words so it shows without colour (and in plain text)."""
    return due_words(item.days_left, item.status)


def _diagrams_only(doc: Doc, orphans: set[str]) -> list[str]:
    """Diagrams whose host section was not exported, gathered under one heading."""
    blocks: list[str] = []
    if "touchpoints" in orphans:
        blocks += journey_block(doc)
    if "pains" in orphans and doc.ranked:
        blocks += ["### Impact and effort", "", quadrant_diagram(doc.ranked), "",
                   *quadrant_legend(doc), ""]
    gantt = gantt_diagram(doc.journey.plan_tasks, "60-day plan", doc.today)
    if "plan" in orphans and gantt:
        blocks += ["### Timeline", "", gantt, ""]
    return ["## Diagrams", "", *blocks[:-1]] if blocks else []


_RENDER: dict[str, Callable[[Doc], list[str]]] = {
    "summary": summary_section, "scope": scope_section, "stages": stages_section,
    "touchpoints": touchpoints_section, "ownership": ownership_section,
    "handoffs": handoffs_section, "pains": pains_section, "cards": cards_section,
    "tracker": tracker_section, "plan": plan_section, "review": review_section,
    "follow-up": follow_up_section,
    "measured": lambda doc: measured_section(doc.journey),
    "method": lambda doc: method_sections(doc.journey, doc.portfolio, doc.cell),
}
_HOSTS = ("touchpoints", "pains", "plan")
_FOLLOW_UP = ("tracker", "plan")  # a live map's; a to-be design's say so once


def _design_sections(chosen: tuple[str, ...]) -> list[str]:
    """A to-be design's sections: the tracker and the plan, where chosen, become one
    "follow-up" section in the place of the first (``live_maps.follow_up_elsewhere``)."""
    out = [key for key in chosen if key not in _FOLLOW_UP]
    follow = [i for i, key in enumerate(chosen) if key in _FOLLOW_UP]
    if follow:
        out.insert(sum(1 for key in chosen[:follow[0]] if key not in _FOLLOW_UP), "follow-up")
    return out


def to_markdown(journey: Journey, *, today: dt.date, sections: Iterable[str] | None = None,
                portfolio: list[Journey] | None = None) -> str:
    """The whole document (or the chosen ``sections``) as Markdown text ending in a newline.

    ``today`` decides days left and OVERDUE; ``portfolio`` (every journey in
    the database) lets the review say which journey to map next.
    """
    # One join over every line (a blank line between sections, a newline at the end):
    # joining each section, then the sections, then adding the last newline copied the
    # whole document three times (~1,200 fresh pages for a 2,000-touchpoint map).
    lines: list[str] = []
    with one_snapshot():  # the sections ask the same rules again: each answers once
        for part in _document(journey, today, parse_sections(sections), portfolio):
            lines += [*part, ""]
    return "\n".join(lines)


def markdown_chunks(journey: Journey, *, today: dt.date, sections: Iterable[str] | None = None,
                    portfolio: list[Journey] | None = None) -> list[bytes]:
    """``to_markdown(...)`` encoded as UTF-8, one piece a section: the file the CLI writes.

    Why section by section: one "→" or "“" makes a joined ``str`` two bytes a
    character, so the one join widened every ASCII line of the document and the
    encoder then walked all of it; a section of ASCII (the touchpoint tables,
    the swimlanes: about half the bytes) is encoded as a plain copy this way.
    Why pieces and not one ``bytes``: each section's lines are freed once it is
    encoded (its memory serves the next section), and the pieces are written as
    they are, so the document is never copied whole: together ~500 fewer fresh
    pages of memory for a 2,000-touchpoint map, each a page fault (~2 µs).
    """
    pieces: list[bytes] = []
    lead: list[str] = []  # the blank line between sections
    with one_snapshot():
        for part in _document(journey, today, parse_sections(sections), portfolio):
            pieces.append("\n".join([*lead, *part, ""]).encode("utf-8"))
            lead = [""]
    return pieces


def _document(journey: Journey, today: dt.date, chosen: tuple[str, ...],
              portfolio: list[Journey] | None) -> Iterator[list[str]]:
    """The document's parts in order, each a list of lines; no part is empty.

    A generator, so a caller that encodes each part can let its lines go before
    the next part is rendered.
    """
    journey, saved = with_plan_preview(journey, today)
    # Diagrams live next to their tables (always: the gantt is part of the plan); with
    # "diagrams", those whose table was not chosen get a section of their own.
    wanted = set(_HOSTS) if "diagrams" in chosen else set()
    inline = {h for h in _HOSTS if h in chosen}
    doc = Doc(journey, today, portfolio, saved, inline)
    title = md_inline(workshop_title(journey)) or "Untitled workshop"
    yield [f"# {title}", "", f"Customer journey map and action plan, exported "
           f"{today.isoformat()} (workshop {journey.workshop.id or 0})."]
    for key in chosen if doc.live else _design_sections(chosen):
        if key in _RENDER and (part := _RENDER[key](doc)):
            yield part
    if wanted - inline and (part := _diagrams_only(doc, wanted - inline)):
        yield part
