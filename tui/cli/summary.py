"""Readable plain-terminal summaries for ``show`` and ``templates show``.

Everything is built from ``rich.text.Text`` via ``tui.safe_text.safe`` so a
persona called ``[bold]`` or a pasted escape sequence prints literally.  Kept out
of ``tui.cli.workshops`` so that the command module stays small and import-light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from models.rules.numbers import fmt_number
from tui.safe_text import safe as _safe

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.rules.priority import RankedPain


def safe(value: object, style: str = "", *, limit: int | None = None) -> Text:
    """``tui.safe_text.safe`` that wraps inside table cells instead of cutting."""
    text = _safe(value, style, limit=limit)
    text.no_wrap = False
    return text


def _line(label: str, value: object, *, limit: int = 300) -> Text:
    line = Text(f"{label}: ", style="bold", end="")
    line.append_text(safe(value, limit=limit))
    return line


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    text = fmt_number(value)
    return f"{text}{unit}" if unit in ("%", "s", "h") else f"{text} {unit}".strip()


def print_summary(out: Console, journey: Journey) -> None:
    """Scope, stages with KPI and counts, ranked pain points, cards and risks: the
    parts in the order a lead reads them, each printed by its own function."""
    _summary_scope(out, journey)
    _summary_stages(out, journey)
    _summary_pains(out, journey)
    _summary_cards(out, journey)
    _summary_risks(out, journey)


def _summary_scope(out: Console, journey: Journey) -> None:
    w = journey.workshop
    out.print(Text(f"Workshop {w.id}: ", style="bold", end="") + safe(w.title or w.scenario))
    # the method's step 1 is always listed, so a missing goal shows as missing
    for label, value in (("Persona", w.persona), ("Scenario", w.scenario),
                         ("Persona goal", w.persona_goal), ("Business goal", w.business_goal)):
        out.print(_line(label, value if value.strip() else "not set"))
    for label, value in (("Facilitator", w.facilitator),
                         ("Start date", w.start_date.isoformat() if w.start_date else ""),
                         ("Map", w.state), ("Step", w.current_step)):
        if value:
            out.print(_line(label, value))
    if w.evidence_ticket_volume is not None:
        out.print(_line("Tickets per month", f"{w.evidence_ticket_volume:,}"))


def _summary_stages(out: Console, journey: Journey) -> None:
    """The stages table, then the map's counts in one line."""
    from models.rules.handoffs import derive_handoffs

    stages = Table(title="Stages", title_justify="left", header_style="bold")
    for column in ("#", "stage", "KPI", "baseline", "target", "touchpoints", "pains"):
        # every letter shown at 80 columns: a long word folds ("Discoveri…" lost two)
        stages.add_column(column, overflow="fold",
                          no_wrap=column in ("#", "touchpoints", "pains"))
    tp_stage = {tp.id: st.id for st in journey.stages
                for tp in journey.touchpoints.get(st.id or 0, [])}
    for number, st in enumerate(journey.stages, start=1):
        pains = sum(1 for p in journey.pain_points if tp_stage.get(p.touchpoint_id) == st.id)
        stages.add_row(str(number), safe(st.name, limit=40), safe(st.kpi_name, limit=40),
                       safe(_number(st.kpi_baseline, st.kpi_unit)),
                       safe(_number(st.kpi_target, st.kpi_unit)),
                       str(len(journey.touchpoints.get(st.id or 0, []))), str(pains))
    out.print(stages)
    handoffs = derive_handoffs(journey)
    out.print(f"Touchpoints: {len(journey.ordered_touchpoints())}   Handoffs: {len(handoffs)}"
              f"   Pain points: {len(journey.pain_points)}   Cards: {len(journey.cards)}")
    _summary_method(out, journey)


def _summary_method(out: Console, journey: Journey) -> None:
    """The method's systems beside the map's rows (escalation 004, bots 000, moments of
    truth 001, the business case 000), counted, with the command that shows each: the
    summary does not repeat them, but a lead must see that they are there."""
    tps = journey.ordered_touchpoints()
    effects = sum(1 for c in journey.cards if c.effect_kind and c.effect_value is not None)
    out.print(f"Escalation levels: {len(journey.escalation_levels)}   "
              f"Bots: {sum(1 for tp in tps if tp.actor == 'bot')}   "
              f"Moments of truth: {sum(1 for tp in tps if tp.moment_of_truth)}   "
              f"Projected effects: {effects}")
    wid = journey.workshop.id
    out.print(Text(f"Read them: journeymap escalation {wid} · "
                   f"journeymap report {wid} --business-case", style="dim"))


def _summary_pains(out: Console, journey: Journey) -> None:
    from models.rules.priority import rank_pain_points

    ranked = rank_pain_points(journey)
    if ranked:
        out.print(Text("Top pain points", style="bold"))
        for item in ranked[:5]:
            line = Text(f"  {item.rank}. #{item.pain.id} ", end="") + safe(item.pain.description,
                                                                            limit=80)
            out.print(line + Text(f" — {item.reason}", style="dim"))


def _summary_cards(out: Console, journey: Journey) -> None:
    from models.rules.cards import card_flags, card_sentence, ordered_cards

    cards = ordered_cards(journey)
    if cards:
        out.print(Text("Hypothesis cards", style="bold"))
        for card in cards:
            meta = f"[{card.status.replace('_', ' ')}] owner {card.owner or '—'}, " \
                   f"deadline {card.deadline.isoformat() if card.deadline else '—'}"
            # the whole sentence, wrapped: a card cut short loses its measurable signal
            out.print(Text("  • ", end="") + safe(card_sentence(card)))
            flags = card_flags(card)
            out.print(safe(f"    {meta}" + (f" — {', '.join(flags)}" if flags else ""),
                           "dim"))


def _summary_risks(out: Console, journey: Journey) -> None:
    """Ownership and handoffs first, then the escalation path and bots (a bot that cannot
    hand over is a risk of the map as much as an unowned touchpoint)."""
    from models.rules.escalation import escalation_risks
    from models.rules.handoffs import ownership_risks

    messages = ([r.message for r in ownership_risks(journey)]
                + [r.message for r in escalation_risks(journey)])
    if messages:
        out.print(Text(f"Risks ({len(messages)})", style="bold"))
        for message in messages:
            out.print(Text("  ! ", style="yellow", end="") + safe(message))


ADDED = "added"


def _added(row: Any) -> Text:
    """The mark of what a template adds to the method (``source = "added"``)."""
    return Text("  [added]", style="magenta") if getattr(row, "source", "") == ADDED \
        else Text("")


def _range(baseline: float | None, target: float | None, unit: str) -> str:
    """"22 → 40%", "9.5 → 2 hours", "not set → 40%": the unit once, at the end."""
    if baseline is None and target is None:
        return "baseline and target not set"
    ends = ["not set" if v is None else fmt_number(v) for v in (baseline, target)]
    text = f"{ends[0]} → {ends[1]}"
    return f"{text}{unit}" if unit in ("%", "s", "h") else f"{text} {unit}".strip()


def _put(out: Console, text: Text, indent: int) -> None:
    """One entry, its wrapped lines indented under its first."""
    from rich.padding import Padding

    out.print(Padding(text, (0, 0, 0, indent), expand=False))


def _heading(out: Console, title: str, count: int | None = None) -> None:
    out.print()
    out.print(Text(title if count is None else f"{title} ({count})", style="bold underline"))


def print_template(out: Console, data: dict[str, Any]) -> None:
    """The whole map of a template, in the order of the workshop steps.

    Scope; stages with KPI baseline → target; touchpoints with owner team and
    lane (a bot with when it hands over); documented handoffs; pain points ranked
    by the same rule as a real workshop, with impact/effort; cards with their
    projected effect; the escalation matrix; the cost per contact.  Every system
    of the method the template fills is named, so a lead judges it before starting
    a map.  Rows the template adds to the method are marked ``[added]`` so a lead
    can tell evidence from illustration.
    """
    from models.export.templates import template_journey
    from models.rules.priority import rank_pain_points

    journey = template_journey(data)
    _template_scope(out, data.get("template", {}), data.get("workshop", {}))
    # "2.3": a touchpoint's number, by stage then place, wherever a later part names it
    numbers = {tp.id: f"{si}.{ti}" for si, st in enumerate(journey.stages, start=1)
               for ti, tp in enumerate(journey.touchpoints.get(st.id or 0, []), start=1)}
    _template_stages(out, journey, numbers)
    _template_handoffs(out, journey, numbers)
    ranked = rank_pain_points(journey)
    _template_pains(out, journey, ranked, numbers)
    _template_cards(out, journey, ranked)
    _template_matrix(out, journey)
    _template_costs(out, journey)


def _template_scope(out: Console, meta: dict[str, Any], scope: dict[str, Any]) -> None:
    out.print(Text("Template ", style="bold", end="") + safe(meta.get("name", "")))
    for label, value in (("Title", meta.get("title") or scope.get("title", "")),
                         ("About", meta.get("description", "")),
                         ("Category", meta.get("category", "")),
                         ("Persona", scope.get("persona", "")),
                         ("Scenario", scope.get("scenario", "")),
                         ("Persona goal", scope.get("persona_goal", "")),
                         ("Business goal", scope.get("business_goal", "")),
                         ("Evidence", scope.get("evidence_notes", ""))):
        if value:
            out.print(_line(label, value, limit=2000))


def _template_stages(out: Console, journey: Journey, numbers: dict[Any, str]) -> None:
    _heading(out, "Stages and touchpoints", len(journey.stages))
    for si, stage in enumerate(journey.stages, start=1):
        _put(out, Text(f"{si}. ", style="bold", end="") + safe(stage.name, "bold")
             + _added(stage), 0)
        if stage.kpi_name.strip():
            kpi = Text("KPI: ", style="dim", end="") + safe(stage.kpi_name)
            kpi += safe(f"  {_range(stage.kpi_baseline, stage.kpi_target, stage.kpi_unit)}")
            _put(out, kpi, 3)
        else:
            _put(out, Text("KPI: not named", style="yellow"), 3)
        for tp in journey.touchpoints.get(stage.id or 0, []):
            line = Text(f"{numbers[tp.id]} ", style="dim", end="") + safe(tp.name)
            line += Text(" — ", style="dim") + (safe(tp.owner_team) if tp.owner_team.strip()
                                                else Text("no owner", style="yellow"))
            line += Text(f" · {tp.lane}", style="dim")
            if tp.moment_of_truth:
                line += Text(" · moment of truth", style="dim")
            if tp.actor == "bot":
                line += Text(" · bot", style="dim")
            _put(out, line + _added(tp), 3)
            if tp.actor == "bot":
                rule = tp.bot_escalation_rule.strip()
                _put(out, safe(f"hands over: {rule}" if rule else "hands over: no rule", "dim"
                               if rule else "yellow"), 7)


def _template_handoffs(out: Console, journey: Journey, numbers: dict[Any, str]) -> None:
    _heading(out, "Documented handoffs", len(journey.handoffs))
    if not journey.handoffs:
        out.print(Text("  none", style="dim"))
    for h in journey.handoffs:
        a, b = journey.touchpoint(h.from_touchpoint_id), journey.touchpoint(h.to_touchpoint_id)
        line = Text("", end="")
        for end_tp in (a, b):
            if end_tp is None:
                continue
            line += Text(f"{numbers[end_tp.id]} ", style="dim") + safe(end_tp.name)
            line += Text(" (", style="dim") + safe(end_tp.owner_team, "dim") + \
                Text(")", style="dim")
            if end_tp is a:
                line += Text(" → ")
        _put(out, line + _added(h), 2)
        detail = [f"passes on: {h.what_is_transferred or 'not recorded'}",
                  f"delay: {h.typical_delay or 'not recorded'}",
                  f"customer told: {'yes' if h.customer_informed else 'no'}"]
        _put(out, safe("; ".join(detail), "dim"), 4)


def _template_pains(out: Console, journey: Journey, ranked: list[RankedPain],
                    numbers: dict[Any, str]) -> None:
    from models.rules.priority import LEVEL_WORDS, QUADRANT_LABELS

    _heading(out, "Pain points, ranked", len(ranked))
    for item in ranked:
        pain = item.pain
        at = journey.touchpoint(pain.touchpoint_id)
        line = Text(f"{item.rank}. ", end="") + safe(pain.description) + _added(pain)
        _put(out, line, 2)
        where = f"at {numbers[at.id]} {at.name}" if at is not None else "not on a touchpoint"
        _put(out, safe(f"{QUADRANT_LABELS.get(item.quadrant, item.quadrant)}: impact "
                       f"{LEVEL_WORDS.get(pain.impact, pain.impact)}, effort "
                       f"{LEVEL_WORDS.get(pain.effort, pain.effort)} · "
                       f"{pain.kind.replace('_', ' ')} · {where}", "dim"), 5)


def _template_cards(out: Console, journey: Journey, ranked: list[RankedPain]) -> None:
    from models.rules.cards import card_sentence
    from models.rules.effects import effect_words

    cards = [(item.rank, journey.card_for(item.pain.id)) for item in ranked]
    cards = [(rank, card) for rank, card in cards if card is not None]
    _heading(out, "Hypothesis cards", len(cards))
    for rank, card in cards:
        assert card is not None
        _put(out, Text(f"{rank}. ", end="") + safe(card_sentence(card)) + _added(card), 2)
        if card.effect_kind and card.effect_value is not None:
            _put(out, safe(f"projected: {effect_words(card.effect_kind, card.effect_value)}",
                           "dim"), 5)


def _template_matrix(out: Console, journey: Journey) -> None:
    from models.rules.escalation import level_name, sla_words

    _heading(out, "Escalation matrix", len(journey.escalation_levels))
    if not journey.escalation_levels:
        out.print(Text("  none", style="dim"))
    for level in journey.escalation_levels:
        who = level.tier_role.strip()
        line = safe(level_name(level)) + Text(" — ", style="dim")
        line += safe(who) if who else Text("no one responds", style="yellow")
        _put(out, line + safe(f": {sla_words(level, channel=True)}"), 2)
        if level.criteria.strip():
            _put(out, safe(f"when: {level.criteria.strip()}", "dim"), 4)


def _template_costs(out: Console, journey: Journey) -> None:
    _heading(out, "Cost per contact", len(journey.channel_costs))
    if not journey.channel_costs:
        out.print(Text("  none", style="dim"))
    for cost in journey.channel_costs:
        amount = "not set" if cost.cost_per_contact is None else \
            f"{cost.cost_per_contact:g} per contact"
        minutes = "" if cost.handle_minutes is None else f", {cost.handle_minutes:g} min"
        state = "confirmed" if cost.confirmed else "not confirmed"
        _put(out, safe(f"{cost.channel}: {amount}{minutes} ({state})"), 2)
