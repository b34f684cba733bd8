"""The method's readouts as plain sentences: business case, comparison, escalation, moments.

One wording for every output: the CLI prints these lines, the Markdown export
escapes them into bullets, the TUI shows them as literal text.  Each block is a
heading and its lines, so no output invents its own phrasing of a number or
forgets its formula.  Nothing here is markup: the callers escape for their medium.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.db.journey import Journey
from models.rules.business_case import business_case
from models.rules.cards import card_sentence
from models.rules.costs import channels_without_cost, unconfirmed_costs
from models.rules.escalation import escalation_risks, handoff_teams, sla_words, team_names
from models.rules.five_whys import check_chain
from models.rules.future_state import Comparison, compare
from models.rules.jtbd import jtbd_hints, jtbd_sentence
from models.rules.live_maps import is_live
from models.rules.moments import moments_of_truth
from models.rules.numbers import fmt_number
from models.rules.triage import EISENHOWER_LABELS, triage


class Block:
    """One heading and the sentences under it (``rows`` for a table, if any).

    A plain class, not a dataclass: the export imports this module, and a dataclass
    compiles its generated methods at import (tests/cli/test_cli_export_records.py).
    """

    __slots__ = ("heading", "lines", "headers", "rows", "worded")

    def __init__(self, heading: str, lines: list[str] | None = None,
                 headers: list[str] | None = None, rows: list[list[str]] | None = None) -> None:
        self.heading = heading
        self.lines: list[str] = [] if lines is None else lines
        self.headers: list[str] = [] if headers is None else headers
        self.rows: list[list[str]] = [] if rows is None else rows
        # ``lines`` as our words around user texts, where a block has them
        # (``md_cells.md_worded``): a document escapes only the user texts
        self.worded: list[tuple[str, ...]] = []


def pair_of(journey: Journey, portfolio: Iterable[Journey]) -> tuple[Journey | None, Journey]:
    """(as-is, to-be) for a journey: itself as the to-be, or its newest to-be copy.

    For a current-state map without a to-be copy the to-be is the map itself and
    the comparison says why it is not available.
    """
    others = [j for j in portfolio if j.workshop.id != journey.workshop.id]
    if not is_live(journey.workshop):
        as_is = next((j for j in others if j.workshop.id == journey.workshop.as_is_workshop_id),
                     None)
        return as_is, journey
    futures = [j for j in others if j.workshop.as_is_workshop_id == journey.workshop.id
               and not is_live(j.workshop)]
    if futures:
        return journey, max(futures, key=lambda j: j.workshop.id or 0)
    return journey, journey


def comparison_for(journey: Journey, portfolio: Iterable[Journey]) -> Comparison:
    as_is, to_be = pair_of(journey, portfolio)
    if to_be is journey and is_live(journey.workshop):
        return Comparison(False, "no future state yet: make one with `journeymap future "
                          f"{journey.workshop.id or 0}`, or in the app press U, then f")
    return compare(as_is, to_be)


def comparison_block(comparison: Comparison) -> Block:
    block = Block("As-is and to-be")
    if not comparison.available:
        block.lines.append(f"Not available ({comparison.reason}).")
        return block
    block.lines += [row.text for row in comparison.counts]
    block.lines += [c.text for c in comparison.changes if c.kind != "kept"]
    return block


def sentiment_rows(comparison: Comparison) -> tuple[list[str], list[int | None],
                                                      list[int | None]]:
    """Touchpoint names along the to-be order (removed ones last) and both lines' values."""
    names: list[str] = []
    before: list[int | None] = []
    after: list[int | None] = []
    for change in comparison.changes:
        tp = change.to_be or change.as_is
        names.append((tp.name.strip() if tp else "") or "unnamed")
        before.append(change.as_is.sentiment if change.as_is else None)
        after.append(change.to_be.sentiment if change.to_be else None)
    return names, before, after


def case_blocks(journey: Journey) -> list[Block]:
    """Per card the projected figures with formulas, then the totals and the assumptions."""
    case = business_case(journey)
    blocks: list[Block] = []
    costs = Block("Cost per contact")
    for row in journey.channel_costs:
        state = "confirmed" if row.confirmed else "default, not confirmed by the lead"
        price = ("not set" if row.cost_per_contact is None
                 else fmt_number(row.cost_per_contact))
        minutes = ("" if row.handle_minutes is None
                   else f", {fmt_number(row.handle_minutes)} min per contact")
        costs.lines.append(f"{row.channel}: {price}{minutes} ({state})")
    for name in channels_without_cost(journey):
        costs.lines.append(f"{name}: no cost per contact set")
    if not costs.lines:
        costs.lines.append("No channels on the map yet.")
    blocks.append(costs)
    for item in case.cards:
        title = item.card.experiment.strip() or item.pain.description.strip() or "A card"
        block = Block(f"Card: {title}")
        block.lines.append(card_sentence(item.card))
        effect = ("no projected effect" if not item.card.effect_kind
                  or item.card.effect_value is None
                  else f"{item.card.effect_kind.replace('_', ' ')} "
                  f"{fmt_number(item.card.effect_value)} %")
        block.lines.append(f"Projected effect: {effect}")
        block.lines += [f.text for f in item.figures]
        if item.outcome is not None:
            block.lines.append(item.outcome.text)
        block.lines += item.notes
        blocks.append(block)
    totals = Block("Total per month")
    totals.lines += [case.contacts_avoided.text, case.saving.text, case.hours_saved.text]
    if unconfirmed_costs(journey):
        totals.lines.append("Some costs are defaults the lead has not confirmed; confirm them "
                            "before the case goes to leadership.")
    blocks.append(totals)
    return blocks


def kpi_block(journey: Journey) -> Block:
    block = Block("KPI targets")
    for stage in journey.stages:
        if not stage.kpi_name.strip():
            continue
        unit = f" {stage.kpi_unit.strip()}" if stage.kpi_unit.strip() else ""
        base = "not recorded" if stage.kpi_baseline is None else fmt_number(stage.kpi_baseline)
        target = "not set" if stage.kpi_target is None else fmt_number(stage.kpi_target)
        block.lines.append(f"{stage.name.strip() or 'A stage'}: {stage.kpi_name.strip()} "
                           f"from {base} to {target}{unit}")
    if not block.lines:
        block.lines.append("No stage has a KPI yet.")
    return block


def business_case_blocks(journey: Journey, portfolio: Iterable[Journey]) -> list[Block]:
    """The whole "Future state and business case": comparison, costs, cards, totals, KPIs."""
    as_is, _to_be = pair_of(journey, list(portfolio))
    priced = as_is if as_is is not None else journey
    return [comparison_block(comparison_for(journey, list(portfolio))), *case_blocks(priced),
            kpi_block(journey)]


def jtbd_block(journey: Journey) -> Block:
    block = Block("Job to be done")
    sentence = jtbd_sentence(journey.workshop)
    block.lines.append(sentence or "Not recorded.")
    block.lines += [f"Hint: {hint.text}" for hint in jtbd_hints(journey.workshop)
                    if sentence]
    return block


def five_whys_blocks(journey: Journey) -> list[Block]:
    """A block per pain point whose chain has an answer or a root cause, in map order.

    Only those chains are checked: a chain is empty exactly when both texts are
    blank, and most pain points of a big map have none (500 checks for nothing).
    """
    blocks = []
    for pain in journey.pain_points:
        if not pain.five_whys.strip() and not pain.root_cause.strip():
            continue
        chain = check_chain(pain)
        if not chain.answers and not chain.root_cause:
            continue
        block = Block(f"Five whys: {pain.description.strip() or 'A pain point'}")
        block.lines += [f"Why {i}? {answer}" for i, answer in enumerate(chain.answers, 1)]
        block.lines.append(f"Root cause: {chain.root_cause or 'not named yet'}")
        block.lines += chain.problems
        card = journey.card_for(pain.id)
        if card is not None:
            block.lines.append(f"Card: {card_sentence(card)}")
        blocks.append(block)
    return blocks


def escalation_block(journey: Journey) -> Block:
    block = Block("Escalation path",
                  headers=["Severity", "Criteria", "Who responds", "SLAs", "Channel",
                           "Early warning"])
    for level in journey.escalation_levels:
        block.rows.append([level.severity, level.criteria, level.tier_role, sla_words(level),
                           level.channel, level.early_warning])
    names = team_names(journey)
    for handoff in journey.handoffs:
        if handoff.is_escalation:
            items = "; ".join(x.strip() for x in handoff.checklist.splitlines() if x.strip())
            block.lines.append(f"Escalation {handoff_teams(handoff, names)}: "
                               f"checklist {items or 'not recorded'}")
    block.lines += [f"Risk: {risk.message}" for risk in escalation_risks(journey)]
    return block


def bot_lines(journey: Journey) -> list[str]:
    out = []
    for tp in journey.ordered_touchpoints():
        if tp.actor != "bot":
            continue
        rate = ("not measured" if tp.bot_deflection_rate is None
                else f"{fmt_number(round(tp.bot_deflection_rate * 100, 1))} %")
        out.append(f"{tp.name.strip() or 'A bot touchpoint'}: intent "
                   f"{tp.bot_intent.strip() or 'not recorded'}; escalation rule "
                   f"{tp.bot_escalation_rule.strip() or 'none'}; context passed "
                   f"{tp.bot_context_passed.strip() or 'not recorded'}; deflection {rate}")
    return out


def moments_block(journey: Journey) -> Block:
    block = Block("Moments of truth")
    block.worded = [m.parts for m in moments_of_truth(journey)]
    block.lines += map("".join, block.worded)
    if not block.lines:
        block.lines.append("No moment of truth flagged and no peak or valley on the line.")
    return block


def triage_block(journey: Journey) -> Block:
    block = Block("Triage (urgent × important)")
    for quadrant, items in triage(journey).items():
        if items and quadrant != "drop":
            names = "; ".join(t.pain.description.strip() or "A pain point" for t in items)
            block.lines.append(f"{EISENHOWER_LABELS[quadrant]}: {names}")
    return block
