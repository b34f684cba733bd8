"""The map's sections of the Markdown action plan: scope, stages, touchpoints, owners, handoffs.

What the room drew, for people who were not in it: the scope and its evidence,
each stage with its KPI, every touchpoint (one table per stage, with what the
customer does, thinks and feels below it), the owner teams as swimlanes, and
the handoffs between them with the risks they carry.  Every user text goes
through ``models.export.md_text``.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter

from models.export.md_cells import fill, md_worded
from models.export.md_doc import (
    Doc,
    field_line,
    kpi_range,
    sentiment_text,
)
from models.export.md_text import md_cell, md_table, md_table_head
from models.export.mermaid import journey_diagram
from models.rules.counts import plural
from models.rules.handoffs import derive_handoffs, ownership_risks
from models.vocab import ACTOR_LABELS, ACTOR_LETTERS, ACTORS


def scope_section(doc: Doc) -> list[str]:
    w = doc.journey.workshop
    volume = (f"{plural(w.evidence_ticket_volume, 'ticket')}/month"
              if w.evidence_ticket_volume is not None else "")
    return ["## Scope", "",
            field_line("Persona", w.persona), field_line("Scenario", w.scenario),
            field_line("Persona goal", w.persona_goal),
            field_line("Business goal", w.business_goal),
            field_line("Facilitator", w.facilitator),
            field_line("Start date", w.start_date.isoformat() if w.start_date else ""),
            field_line("Map state", w.state), "",
            "### Evidence", "",
            field_line("Ticket volume", volume),
            field_line("Resolution time", w.evidence_resolution_time),
            field_line("Transfer rate", w.evidence_transfer_rate),
            field_line("CSAT", w.evidence_csat), field_line("Notes", w.evidence_notes)]


def stages_section(doc: Doc) -> list[str]:
    if not doc.journey.stages:
        return ["## Stages and KPIs", "", "*No stages yet.*"]
    rows = [[str(i), md_cell(s.name), md_cell(s.description), md_cell(s.kpi_name),
             md_cell(kpi_range(s.kpi_baseline, s.kpi_target, s.kpi_unit))]
            for i, s in enumerate(doc.journey.stages, start=1)]
    return ["## Stages and KPIs", "",
            md_table(["#", "Stage", "Description", "KPI", "Baseline → target"], rows)]


# what the touchpoint table and the lines below it show of each touchpoint
_TOUCHPOINT_TEXTS = attrgetter("name", "channel", "lane", "owner_team", "does", "thinks", "feels")


def touchpoints_section(doc: Doc) -> list[str]:
    out = ["## Touchpoints", ""]
    head = md_table_head(["#", "Touchpoint", "Channel", "Sentiment", "Lane", "Owner"])
    fill(doc.cell, chain(map(attrgetter("name"), doc.journey.stages),
                         chain.from_iterable(map(_TOUCHPOINT_TEXTS,
                                                 doc.journey.ordered_touchpoints()))))
    # every text is filled: the row loop's 18,000 lookups read an exact dict
    cell = dict(doc.cell)
    for i, stage in enumerate(doc.journey.stages, start=1):
        out += [f"### {i}. {cell[stage.name] or 'Unnamed stage'}", ""]
        tps = doc.journey.touchpoints.get(stage.id or 0, [])
        if not tps:
            out += ["*No touchpoints yet.*", ""]
            continue
        rows = head.copy()
        details = []
        for n, tp in enumerate(tps, start=1):  # the export's biggest loop: one string a row
            name = cell[tp.name]
            if tp.moment_of_truth:
                name += " (moment of truth)"
            rows.append(f"| {n} | {name} | {cell[tp.channel]} | {sentiment_text(tp.sentiment)} "
                        f"| {cell[tp.lane]} | {cell[tp.owner_team] or '*no owner*'} |")
            # an escaped text is empty exactly when the typed one is blank
            does, thinks, feels = cell[tp.does], cell[tp.thinks], cell[tp.feels]
            if does and thinks and feels:  # one string, no list to join
                details.append(f"- **{n}.** Does: {does}; Thinks: {thinks}; Feels: {feels}")
            elif does or thinks or feels:
                said = [f"Does: {does}"] if does else []
                if thinks:
                    said.append(f"Thinks: {thinks}")
                if feels:
                    said.append(f"Feels: {feels}")
                details.append(f"- **{n}.** " + "; ".join(said))
        out += [*rows, ""]
        if details:
            out += ["What the customer does, thinks and feels:", "", *details, ""]
    if "touchpoints" in doc.diagram_hosts:
        out += journey_block(doc)
    return out[:-1] if out[-1] == "" else out


def journey_block(doc: Doc) -> list[str]:
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


def ownership_section(doc: Doc) -> list[str]:
    stages = doc.journey.stages
    if not stages:
        return ["## Ownership swimlanes", "", "*No stages yet.*"]
    teams = doc.journey.teams()
    lanes: dict[str, dict[int, list[str]]] = {}
    key_of = {t.casefold(): t for t in teams}
    cell = doc.cell
    letters = {actor: f"**{letter}** " for actor, letter in ACTOR_LETTERS.items()}
    lettered = False
    team_of: dict[str, str] = {}  # as typed -> the lane's team (one fold per spelling)
    for stage in stages:
        column: dict[str, list[str]] = {}
        for tp in doc.journey.touchpoints.get(stage.id or 0, []):
            team = team_of.get(tp.owner_team)
            if team is None:
                team = team_of[tp.owner_team] = key_of.get(tp.owner_team.strip().casefold(), "")
            label = cell[tp.name] or "*unnamed*"
            letter = letters.get(tp.actor)
            if letter is not None:
                label = letter + label
                lettered = True
            if tp.lane == "backstage":
                label += " *(backstage)*"
            column.setdefault(team, []).append(label)
        for team, labels in column.items():
            lanes.setdefault(team, {}).setdefault(stage.id or 0, []).extend(labels)
    order = [t for t in teams if t in lanes] + ([""] if "" in lanes else [])
    if not order:
        return ["## Ownership swimlanes", "", "*No touchpoints yet.*"]
    rows = [[cell[team] if team else "*no owner*"]
            + ["<br>".join(lanes[team].get(s.id or 0, [])) for s in stages] for team in order]
    headers = ["Team"] + [cell[s.name] or "*unnamed*" for s in stages]
    out = ["## Ownership swimlanes", "", "One row per owner team, one column per stage.", "",
           md_table(headers, rows)]
    if lettered:
        out += ["", actor_legend()]
    return out


def actor_legend() -> str:
    """The key to the actor letters, in bold like the letters (no colour needed)."""
    keys = ", ".join(f"**{ACTOR_LETTERS[a]}** {ACTOR_LABELS[a]}" for a in ACTORS)
    return f"Actor: {keys} (no letter: not said)."


def handoffs_section(doc: Doc) -> list[str]:
    out = ["## Handoffs and risks", ""]
    handoffs = derive_handoffs(doc.journey)
    cell = doc.cell
    if handoffs:
        rows = md_table_head(["#", "From → to", "Teams", "What is transferred",
                              "Typical delay", "Customer informed"])
        for i, h in enumerate(handoffs, start=1):
            d = h.detail
            if d is None:
                detail = " |  |  | not discussed |"
            else:
                informed = "yes" if d.customer_informed else "no"
                detail = (f" | {cell[d.what_is_transferred]} | {cell[d.typical_delay]} "
                          f"| {informed} |")
            rows.append(f"| {i} | {doc.where_cell(h.from_tp.id)} → {doc.where_cell(h.to_tp.id)} "
                        f"| {cell[h.from_team]} → {cell[h.to_team]}{detail}")
        out += [*rows, ""]
    else:
        out += ["*No handoffs: no team takes the case on backstage and none is documented.*", ""]
    risks = md_worded(cell, map(attrgetter("parts"), ownership_risks(doc.journey)))
    out += ["### Risks", ""]
    out += [f"- {risk}" for risk in risks] or ["*No ownership risks found.*"]
    return out
