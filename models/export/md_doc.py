"""What every section of the Markdown action plan shares: the per-export facts and wording.

``Doc`` is computed once per export (rank, plan start, which plan task carries
which card, where each touchpoint sits) so that no section works it out again;
the small helpers word dates, statuses, sentiment and empty values the same way
in every section.  The sections themselves are in ``md_map`` (the map),
``md_pains`` (what hurts and what the room will try) and ``md_plan`` (tracker,
plan, review); ``models.export.markdown`` puts them in order.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.export.md_text import Cells, fits_in_line, md_inline, md_joined_head
from models.rules.live_maps import is_live
from models.rules.numbers import fmt_kpi
from models.rules.plan import beyond_plan, card_of_task
from models.rules.plan_day import plan_day_one
from models.rules.priority import rank_pain_points

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.cards import PlanTask
    from models.db.tables.workshop import Touchpoint

NOT_RECORDED = "not recorded"
UNASSIGNED = "unassigned"


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else "no date"


def status_text(status: str) -> str:
    return status.replace("_", " ")


_SENTIMENT_WORDS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive",
                    2: "very positive"}


_SENTIMENT_TEXT = {value: f"{value:+d} ({word})" if value else "0 (neutral)"
                   for value, word in _SENTIMENT_WORDS.items()}


def sentiment_text(value: int) -> str:
    """"-2 (very negative)" … "+2 (very positive)": one lookup per touchpoint row."""
    text = _SENTIMENT_TEXT.get(value)
    return text if text is not None else f"{value:+d} (?)"


def kpi_range(baseline: float | None, target: float | None, unit: str) -> str:
    base = fmt_kpi(baseline, unit) if baseline is not None else NOT_RECORDED
    goal = fmt_kpi(target, unit) if target is not None else NOT_RECORDED
    return f"{base} → {goal}"


def field_line(label: str, value: object) -> str:
    text = md_inline(value)
    return f"- **{label}:** {text or '*' + NOT_RECORDED + '*'}"


def owner_text(value: str) -> str:
    return md_inline(value) or f"*{UNASSIGNED}*"


class Doc:
    """What every section renders from, computed once per export."""

    def __init__(self, journey: Journey, today: dt.date, portfolio: list[Journey] | None,
                 saved_plan: bool, diagram_hosts: set[str]) -> None:
        self.journey = journey
        self.today = today
        self.portfolio = portfolio if portfolio is not None else [journey]
        self.saved_plan = saved_plan
        self.diagram_hosts = diagram_hosts  # sections that draw their diagram inline
        self.cell = Cells()  # every user text of this document escaped once
        self._where_cells: dict[int | None, str] = {}
        self._stage_heads: dict[str, str | None] = {}
        self.tp_by_id: dict[int, Touchpoint] = {tp.id: tp for tp in journey.ordered_touchpoints()
                                                if tp.id is not None}
        self.stage_name = {s.id: s.name for s in journey.stages}
        self.ranked = rank_pain_points(journey)
        self.live = is_live(journey.workshop)  # a to-be design has no plan or tracker
        tasks = journey.plan_tasks
        self.plan_start = plan_day_one(journey.workshop.start_date, tasks) if self.live else None
        self.task_of_card: dict[int, PlanTask] = {}
        for task in tasks:
            card_id = card_of_task(journey, task.key) if task.key else None
            if card_id is not None:
                self.task_of_card[card_id] = task

    def card_warning(self, deadline: dt.date | None) -> str:
        return beyond_plan(self.plan_start, deadline) if self.plan_start else ""

    def where_cell(self, touchpoint_id: int | None) -> str:
        """``where`` escaped for a cell, once per touchpoint (handoffs name each twice).

        The stage's half of ``md_joined`` is worked out once per stage: a big map
        names about 1,500 touchpoints of a few stages in its handoffs and pains.
        """
        found = self._where_cells.get(touchpoint_id)
        if found is None:
            tp = self.tp_by_id.get(touchpoint_id or -1)
            stage = self.stage_name.get(tp.stage_id, "").strip() if tp is not None else ""
            if stage and tp is not None:
                if stage not in self._stage_heads:
                    self._stage_heads[stage] = md_joined_head(self.cell, stage, " › ")
                head = self._stage_heads[stage]
                name = tp.name.strip()
                found = (head + self.cell[name] if head is not None and fits_in_line(name)
                         else self.cell[f"{stage} › {name}"])
            else:
                found = self.cell[self.where(touchpoint_id)]
            self._where_cells[touchpoint_id] = found
        return found

    def where(self, touchpoint_id: int | None) -> str:
        tp = self.tp_by_id.get(touchpoint_id or -1)
        if tp is None:
            return "not placed on a touchpoint"
        stage = self.stage_name.get(tp.stage_id, "").strip()
        return f"{stage} › {tp.name.strip()}" if stage else tp.name.strip()
