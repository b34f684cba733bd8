"""Mermaid diagrams for the Markdown export: sentiment journey, plan gantt, impact/effort.

GitHub renders fenced ``mermaid`` blocks as pictures, so the exported document
shows the emotional curve, the plan timeline and the prioritisation matrix
without any tool.  Each function returns the whole fenced block, or "" when
there is nothing to draw; every user text goes through ``models.export.md_text``.

Diagrams are capped (``JOURNEY_MAX`` touchpoints, ``QUADRANT_MAX`` points):
Mermaid lays out a few dozen items legibly, and GitHub refuses diagrams above
a size limit, while the tables in the document always carry every row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.export.md_text import (
    mermaid_gantt,
    mermaid_journey,
    mermaid_journey_actor,
    mermaid_quadrant_text,
)
from models.rules.priority import RankedPain
from models.vocab import ACTOR_LETTERS

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import PlanTask

JOURNEY_MAX = 60
QUADRANT_MAX = 20
INDENT = "    "

# Quadrant label per Mermaid quadrant number: 1 top right, 2 top left,
# 3 bottom left, 4 bottom right; x = effort (low → high), y = impact (low → high).
QUADRANT_OF_NUMBER: dict[int, str] = {1: "big_bet", 2: "quick_win", 3: "fill_in", 4: "money_pit"}
_QUADRANT_TITLES = {"quick_win": "Quick wins", "big_bet": "Big bets", "fill_in": "Fill-ins",
                    "money_pit": "Money pits"}


def fence(lines: Sequence[str]) -> str:
    return "```mermaid\n" + "\n".join(lines) + "\n```"


def sentiment_score(sentiment: int) -> int:
    """-2..+2 to Mermaid's journey scale (1..5): -2→1, -1→2, 0→3, +1→4, +2→5."""
    return max(1, min(5, int(sentiment) + 3))


def journey_diagram(journey: Journey, limit: int = JOURNEY_MAX) -> tuple[str, int]:
    """(fenced ``journey`` block, number of touchpoints left out); sections are stages."""
    lines = ["journey", f"{INDENT}title Customer sentiment along the journey"]
    shown = 0
    total = 0
    for stage in journey.stages:
        tps = journey.touchpoints.get(stage.id or 0, [])
        total += len(tps)
        room = max(0, limit - shown)
        if not tps or room == 0:
            continue
        lines.append(f"{INDENT}section {mermaid_journey(stage.name)}")
        for tp in tps[:room]:
            data = str(sentiment_score(tp.sentiment))
            if tp.owner_team.strip():
                data += f": {mermaid_journey_actor(tp.owner_team)}"
            # the actor's letter leads the task name: the picture has no other mark that
            # tells a bot from a person without colour
            mark = f"[{ACTOR_LETTERS[tp.actor]}] " if tp.actor in ACTOR_LETTERS else ""
            lines.append(f"{INDENT}{INDENT}{mark}{mermaid_journey(tp.name)}: {data}")
            shown += 1
    if shown == 0:
        return "", 0
    return fence(lines), total - shown


def _status_tags(task: PlanTask, today: dt.date | None) -> str:
    """Gantt tags: done / active, and crit for a task that is late."""
    tags = []
    if task.status == "done":
        tags.append("done")
    elif task.status == "in_progress":
        tags.append("active")
    if (today is not None and task.deadline is not None and task.deadline < today
            and task.status not in ("done", "dropped")):
        tags.append("crit")
    return "".join(f"{t}, " for t in tags)


def gantt_diagram(tasks: Sequence[PlanTask], title: str, today: dt.date | None = None) -> str:
    """A fenced ``gantt`` with one section per phase; a one-day task is a milestone.

    Durations are written as ``Nd`` from the start date rather than as an end
    date, because Mermaid treats end dates as exclusive unless told otherwise
    and the plan's deadlines are inclusive.
    """
    lines = ["gantt", f"{INDENT}title {mermaid_gantt(title)}", f"{INDENT}dateFormat YYYY-MM-DD",
             f"{INDENT}axisFormat %d %b"]
    section = None
    drawn = 0
    for number, task in enumerate(tasks, start=1):
        end = task.deadline or task.start
        begin = task.start or task.deadline
        if begin is None or end is None:
            continue
        begin = min(begin, end)
        if task.phase != section:
            section = task.phase
            lines.append(f"{INDENT}section {mermaid_gantt(section or 'Other')}")
        days = (end - begin).days + 1
        tags = _status_tags(task, today)
        if task.key == "review" or begin == end:
            spec = f"{tags}milestone, t{number}, {begin.isoformat()}, 0d"
        else:
            spec = f"{tags}t{number}, {begin.isoformat()}, {days}d"
        lines.append(f"{INDENT}{mermaid_gantt(task.title or task.key)} :{spec}")
        drawn += 1
    return fence(lines) if drawn else ""


def _axis(value: int, high_half: bool) -> float:
    """A 1-3 score to 0..1, inside the half of the axis its quadrant says.

    Score 2 sits on the boundary of a three-point scale; ``models.rules.priority``
    decides which side it belongs to, and the point must be drawn on that side.
    """
    value = max(1, min(3, int(value)))
    if value == 1:
        return 0.15
    if value == 3:
        return 0.85
    return 0.6 if high_half else 0.4


SPREAD = 0.09  # half the room a cell's points may use around its centre (cells are >= 0.25 apart)
MAX_STEP = 0.06


def cell_offsets(count: int) -> list[tuple[float, float]]:
    """Offsets of ``count`` points sharing one cell: a grid, rank order left to right, top down.

    Mermaid writes each point's label under it at 12 px; on its 500 px chart a
    step of 0.045 or more keeps two-digit numbers apart, which a cell of up to
    20 points (the chart's limit) still gets.
    """
    cols = 1
    while cols * cols < count:
        cols += 1
    rows = -(-count // cols)
    step = min(MAX_STEP, 2 * SPREAD / max(cols - 1, 1), 2 * SPREAD / max(rows - 1, 1))
    out = []
    for n in range(count):
        row, col = divmod(n, cols)
        out.append(((col - (cols - 1) / 2) * step, ((rows - 1) / 2 - row) * step))
    return out


def point_position(ranked: RankedPain, offset: tuple[float, float] = (0.0, 0.0)
                   ) -> tuple[float, float]:
    """(x effort, y impact) of a pain point in its quadrant, moved by ``offset``."""
    high_effort = ranked.quadrant in ("big_bet", "money_pit")
    high_impact = ranked.quadrant in ("quick_win", "big_bet")
    x = _axis(ranked.pain.effort, high_effort)
    y = _axis(ranked.pain.impact, high_impact)
    return round(x + offset[0], 3), round(y + offset[1], 3)


def _coord(value: float) -> str:
    """Mermaid accepts only ``1``, ``0`` or ``0.<digits>`` as a coordinate."""
    value = max(0.01, min(0.99, value))
    return f"{value:.3f}".rstrip("0")


def quadrant_diagram(ranked: Sequence[RankedPain], limit: int = QUADRANT_MAX) -> str:
    """A fenced ``quadrantChart`` of the top-ranked pain points (x effort, y impact).

    Points are named by their rank only: long names piled up and were cut at
    the chart's edges, so the document pairs the chart with the ranked table
    (or a legend).  The title is plain text because quadrantChart shows quotes
    in a title literally.
    """
    if not ranked:
        return ""
    lines = ["quadrantChart",
             f"{INDENT}title Pain points by impact and effort",
             f"{INDENT}x-axis {mermaid_quadrant_text('Low effort')} --> "
             f"{mermaid_quadrant_text('High effort')}",
             f"{INDENT}y-axis {mermaid_quadrant_text('Low impact')} --> "
             f"{mermaid_quadrant_text('High impact')}"]
    for number, quad in sorted(QUADRANT_OF_NUMBER.items()):
        lines.append(f"{INDENT}quadrant-{number} {mermaid_quadrant_text(_QUADRANT_TITLES[quad])}")
    shown = list(ranked[:limit])
    cells: dict[tuple[float, float], list[RankedPain]] = {}
    for entry in shown:
        cells.setdefault(point_position(entry), []).append(entry)
    points: list[tuple[int, str]] = []
    for members in cells.values():
        for entry, offset in zip(members, cell_offsets(len(members)), strict=True):
            x, y = point_position(entry, offset)
            points.append((entry.rank, f'{INDENT}"{entry.rank}": [{_coord(x)}, {_coord(y)}]'))
    return fence(lines + [line for _rank, line in sorted(points)])
