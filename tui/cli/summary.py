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

from tui.safe_text import safe as _safe

if TYPE_CHECKING:
    from models.db.journey import Journey


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
    text = f"{value:g}"
    return f"{text}{unit}" if unit in ("%", "s", "h") else f"{text} {unit}".strip()


def print_summary(out: Console, journey: Journey) -> None:
    """Scope, stages with KPI and counts, ranked pain points, cards and risks."""
    from models.rules.cards import card_flags, card_sentence, ordered_cards
    from models.rules.handoffs import derive_handoffs, ownership_risks
    from models.rules.priority import rank_pain_points

    w = journey.workshop
    out.print(Text(f"Workshop {w.id}: ", style="bold", end="") + safe(w.title or w.scenario))
    for label, value in (("Persona", w.persona), ("Scenario", w.scenario),
                         ("Persona goal", w.persona_goal), ("Business goal", w.business_goal),
                         ("Facilitator", w.facilitator),
                         ("Start date", w.start_date.isoformat() if w.start_date else ""),
                         ("Map", w.state), ("Step", w.current_step)):
        if value:
            out.print(_line(label, value))
    if w.evidence_ticket_volume is not None:
        out.print(_line("Tickets per month", f"{w.evidence_ticket_volume:,}"))

    stages = Table("#", "stage", "KPI", "baseline", "target", "touchpoints", "pains",
                   title="Stages", title_justify="left", header_style="bold")
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

    ranked = rank_pain_points(journey)
    if ranked:
        out.print(Text("Top pain points", style="bold"))
        for item in ranked[:5]:
            line = Text(f"  {item.rank}. ", end="") + safe(item.pain.description, limit=80)
            out.print(line + Text(f" — {item.reason}", style="dim"))
    cards = ordered_cards(journey)
    if cards:
        out.print(Text("Hypothesis cards", style="bold"))
        for card in cards:
            meta = f"[{card.status.replace('_', ' ')}] owner {card.owner or '—'}, " \
                   f"deadline {card.deadline.isoformat() if card.deadline else '—'}"
            out.print(Text("  • ", end="") + safe(card_sentence(card), limit=300))
            flags = card_flags(card)
            out.print(safe(f"    {meta}" + (f" — {', '.join(flags)}" if flags else ""),
                           "dim"))
    risks = ownership_risks(journey)
    if risks:
        out.print(Text(f"Risks ({len(risks)})", style="bold"))
        for risk in risks:
            out.print(Text("  ! ", style="yellow", end="") + safe(risk.message, limit=200))


def print_template(out: Console, data: dict[str, Any]) -> None:
    """A template's scope, stages with KPIs, touchpoints (with owner) and pain points."""
    meta, scope = data.get("template", {}), data.get("workshop", {})
    out.print(Text("Template ", style="bold", end="") + safe(meta.get("name", "")))
    for label, value in (("Title", meta.get("title") or scope.get("title", "")),
                         ("About", meta.get("description", "")),
                         ("Category", meta.get("category", "")),
                         ("Persona", scope.get("persona", "")),
                         ("Scenario", scope.get("scenario", "")),
                         ("Persona goal", scope.get("persona_goal", "")),
                         ("Business goal", scope.get("business_goal", ""))):
        if value:
            out.print(_line(label, value))
    for number, stage in enumerate(data.get("stages", []), start=1):
        head = Text(f"{number}. ", style="bold", end="") + safe(stage.get("name", ""))
        if stage.get("kpi_name"):
            head += Text("  KPI: ", style="dim") + safe(stage["kpi_name"])
        out.print(head)
        for tp in stage.get("touchpoints", []):
            line = Text("   - ", end="") + safe(tp.get("name", ""), limit=60)
            if tp.get("owner_team"):
                line += Text("  (", style="dim") + safe(tp["owner_team"], "dim") + \
                    Text(")", style="dim")
            out.print(line)
            for pain in tp.get("pain_points", []):
                out.print(Text("       pain: ", style="red", end="")
                          + safe(pain.get("description", ""), limit=100))
    for pain in data.get("pain_points", []):
        out.print(Text("pain: ", style="red", end="") + safe(pain.get("description", ""),
                                                            limit=100))
