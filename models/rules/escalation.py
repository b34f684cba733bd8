"""Risks of the escalation path and of bot touchpoints (method documents 000 and 004).

A bot that cannot hand over traps the customer; an escalation that drops the
transcript makes the customer repeat themselves to every tier; a severity level
without a response time, an update cadence or someone who responds is a promise
nobody keeps.  Each risk is a sentence a lead can read aloud, in journey order,
then the escalation matrix in ladder order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from models.db.journey import Journey
from models.rules.handoffs import derive_handoffs
from models.rules.memo import per_journey

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.method import EscalationLevel
    from models.db.tables.workshop import Handoff, Touchpoint

# Words that show the checklist sends the conversation itself along, so the next
# tier can read what was said instead of asking again.  A pattern that ``re`` compiles
# and keeps when a documented handoff is first checked: a map without one does not pay.
_CONTEXT = (r"(?i)transcript|conversation|history|context|chat log|call notes|case notes"
            r"|steps tried|already (tried|fetched|retrieved)")


class EscalationRisk:
    """One risk: its kind (for grouping), the sentence, and the row it is about."""

    __slots__ = ("kind", "message", "touchpoint_id", "level_id")

    def __init__(
            self, kind: str, message: str, touchpoint_id: int | None = None,
            level_id: int | None = None) -> None:
        self.kind = kind  # see KINDS
        self.message = message
        self.touchpoint_id = touchpoint_id
        self.level_id = level_id


KINDS: tuple[str, ...] = ("bot_no_escalation_rule", "bot_no_person_after", "bot_no_context",
                          "bot_loop", "context_lost", "no_matrix", "sla_missing",
                          "update_missing", "tier_unowned", "criteria_missing", "sla_order")


def _name(tp: Touchpoint) -> str:
    return f"“{tp.name.strip() or 'A touchpoint'}”"


def _bot_risks(journey: Journey) -> list[EscalationRisk]:
    out: list[EscalationRisk] = []
    ordered = journey.ordered_touchpoints()
    for i, tp in enumerate(ordered):
        if tp.actor != "bot":
            continue
        if not tp.bot_escalation_rule.strip():
            out.append(EscalationRisk(
                "bot_no_escalation_rule", f"{_name(tp)} is handled by a bot with no escalation "
                "rule: a customer it cannot help has no way to a person.", tp.id))
        elif not any(later.actor == "agent" for later in ordered[i + 1:]):
            out.append(EscalationRisk(
                "bot_no_person_after", f"{_name(tp)} escalates to a person, but no later "
                "touchpoint on the map is handled by an agent: the escalation path ends "
                "nowhere.", tp.id))
        if not tp.bot_context_passed.strip():
            out.append(EscalationRisk(
                "bot_no_context", f"{_name(tp)}: nothing says what the bot passes to the "
                "agent, so the customer may have to repeat themselves.", tp.id))
        for pain in journey.pain_points:
            if pain.touchpoint_id == tp.id and pain.kind in ("loop", "dead_end"):
                shape = "loops" if pain.kind == "loop" else "hits a dead end"
                out.append(EscalationRisk(
                    "bot_loop", f"The customer {shape} in the bot at {_name(tp)}: "
                    f"{pain.description.strip() or 'no description'}.", tp.id))
    return out


def team_names(journey: Journey) -> dict[tuple[int | None, int | None], str]:
    """(from touchpoint id, to touchpoint id) -> "Support → Identity" for every handoff on the map.

    The teams stored on a ``Handoff`` row are only a copy from when it was last
    saved: an import may leave them empty and renaming an owner team does not touch
    them, so every line about a documented handoff names the map's teams
    (``handoff_teams``), derived once for all of them.
    """
    return {(d.from_tp.id, d.to_tp.id): f"{d.from_team} → {d.to_team}"
            for d in derive_handoffs(journey)}


def handoff_teams(handoff: Handoff, names: dict[tuple[int | None, int | None], str]) -> str:
    """The map's teams of a documented handoff; the stored copy only when they no longer differ."""
    return (names.get((handoff.from_touchpoint_id, handoff.to_touchpoint_id))
            or f"{handoff.from_team.strip()} → {handoff.to_team.strip()}")


def _handoff_risks(journey: Journey) -> list[EscalationRisk]:
    out: list[EscalationRisk] = []
    names = team_names(journey)
    for handoff in journey.handoffs:
        if not handoff.is_escalation:
            continue
        to_tp = journey.touchpoint(handoff.to_touchpoint_id)
        teams = handoff_teams(handoff, names)
        checklist = handoff.checklist + "\n" + handoff.what_is_transferred
        if not re.search(_CONTEXT, checklist):
            lacking = "has no checklist" if not handoff.checklist.strip() else \
                "does not pass the transcript or the steps already tried"
            where = f" at {_name(to_tp)}" if to_tp is not None else ""
            out.append(EscalationRisk(
                "context_lost", f"The escalation {teams}{where} {lacking}: the customer "
                "will repeat themselves to the next tier.", handoff.to_touchpoint_id))
    if any(h.is_escalation for h in journey.handoffs) and not journey.escalation_levels:
        out.append(EscalationRisk(
            "no_matrix", "Handoffs are marked as escalations but the workshop has no "
            "escalation matrix (severity, criteria, who responds, SLAs)."))
    return out


def level_name(level: EscalationLevel) -> str:
    return level.severity.strip() or f"Level {level.position + 1}"


def _level_risks(levels: list[EscalationLevel]) -> list[EscalationRisk]:
    out: list[EscalationRisk] = []
    for level in levels:
        name = level_name(level)
        if not level.criteria.strip():
            out.append(EscalationRisk("criteria_missing", f"{name} has no objective criteria: "
                                      "people will disagree about when it applies.",
                                      level_id=level.id))
        if not level.tier_role.strip():
            out.append(EscalationRisk("tier_unowned", f"{name} has no tier or role that "
                                      "responds.", level_id=level.id))
        if level.response_sla_minutes is None:
            out.append(EscalationRisk("sla_missing", f"{name} has no response SLA.",
                                      level_id=level.id))
        if level.update_every_minutes is None:
            out.append(EscalationRisk("update_missing", f"{name} has no update cadence: the "
                                      "customer does not know when they will hear next.",
                                      level_id=level.id))
    timed = [lvl for lvl in levels if lvl.response_sla_minutes is not None]
    for higher, lower in zip(timed, timed[1:], strict=False):
        if (higher.response_sla_minutes or 0) > (lower.response_sla_minutes or 0):
            out.append(EscalationRisk(
                "sla_order", f"{level_name(higher)} responds within "
                f"{higher.response_sla_minutes} min but the less severe {level_name(lower)} "
                f"within {lower.response_sla_minutes} min.", level_id=higher.id))
    return out


def _escalation_risks(journey: Journey) -> list[EscalationRisk]:
    """Bot and escalation-handoff risks in journey order, then the matrix's gaps.

    The matrix is read in ladder order (``Journey.escalation_levels``): the first
    level is the most severe, so its response time must be the shortest.
    """
    return (_bot_risks(journey) + _handoff_risks(journey)
            + _level_risks(list(journey.escalation_levels)))


# a call, not a decorator (memo.py): the export asks twice, for its summary and its section
escalation_risks = per_journey(_escalation_risks)


def fmt_minutes(minutes: int | None) -> str:
    """15 -> "15 min", 90 -> "1 h 30 min", 1440 -> "1 day"; None -> "not set"."""
    if minutes is None:
        return "not set"
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}" if days else "",
             f"{hours} h" if hours else "", f"{mins} min" if mins else ""]
    return " ".join(p for p in parts if p) or "0 min"


def response_words(level: EscalationLevel) -> str:
    """"respond within 30 min", or "response SLA not set": never "respond within not set"."""
    minutes = level.response_sla_minutes
    return "response SLA not set" if minutes is None else f"respond within {fmt_minutes(minutes)}"


def update_words(level: EscalationLevel) -> str:
    """"update every 30 min", or "update cadence not set"."""
    minutes = level.update_every_minutes
    return "update cadence not set" if minutes is None else f"update every {fmt_minutes(minutes)}"


def sla_words(level: EscalationLevel, *, channel: bool = False) -> str:
    """A level's two promises in one phrase, the same in the tracker, the ladder and exports;
    with ``channel``, where the updates go: "update every 30 min via email", but "update
    cadence not set; channel: email" (nothing is sent "not set via email")."""
    words = f"{response_words(level)}, {update_words(level)}"
    where = level.channel.strip() if channel else ""
    if not where:
        return words
    return f"{words} via {where}" if level.update_every_minutes is not None \
        else f"{words}; channel: {where}"


class Rung:
    """One level of the ladder as the tracker and exports show it: an SLA commitment."""

    __slots__ = ("level", "name", "owner", "text")

    def __init__(self, level: EscalationLevel, name: str, owner: str, text: str) -> None:
        self.level = level
        self.name = name
        self.owner = owner  # the tier or role that responds; "" when nobody is named
        self.text = text


def ladder(journey: Journey) -> list[Rung]:
    """The escalation matrix in ladder order, each level as one readable commitment."""
    rungs = []
    for level in journey.escalation_levels:
        name = level_name(level)
        owner = level.tier_role.strip()
        bits = [name, level.criteria.strip() or "no criteria", owner or "nobody named",
                response_words(level), update_words(level)]
        if level.channel.strip():
            bits.append(f"via {level.channel.strip()}")
        rungs.append(Rung(level, name, owner, " · ".join(bits)))
    return rungs
