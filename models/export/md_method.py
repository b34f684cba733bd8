"""The method's sections of the Markdown export: JTBD, five whys, escalation, future state.

Kept apart from ``models.export.markdown`` (which lays out the map and the
action plan) so each has one job; ``markdown`` calls ``method_sections`` for its
"method" section.  Sentences come from ``models.export.method_text`` (the same
words as the CLI and the TUI), escaped here with the document's ``Cells``/``md_table``;
Mermaid labels go through the ``md_text`` Mermaid helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from models.db.journey import Journey
from models.export.md_cells import fill, md_worded
from models.export.md_text import Cells, md_table, mermaid_quadrant_text
from models.export.mermaid import INDENT, fence, journey_diagram
from models.export.method_text import (
    Block,
    bot_lines,
    business_case_blocks,
    escalation_block,
    five_whys_blocks,
    jtbd_block,
    moments_block,
    pair_of,
    triage_block,
)
from models.rules.escalation import response_words
from models.rules.live_maps import is_live


def _bullets(lines: Sequence[str], cell: Cells) -> list[str]:
    fill(cell, lines)
    return [f"- {cell[text]}" for text in lines]


def _block(block: Block, cell: Cells, level: str = "###") -> list[str]:
    fill(cell, chain([block.heading], *block.rows))
    out = [f"{level} {cell[block.heading]}", ""]
    if block.rows:
        out += [md_table(block.headers, [[cell[c] for c in row] for row in block.rows]), ""]
    if block.worded:
        out += [f"- {line}" for line in md_worded(cell, block.worded)] + [""]
    elif block.lines:
        out += [*_bullets(block.lines, cell), ""]
    return out


def ladder_diagram(journey: Journey) -> str:
    """A top-down flowchart of the escalation levels, most severe first ("" if none)."""
    levels = journey.escalation_levels
    if not levels:
        return ""
    lines = ["flowchart TD"]
    for number, level in enumerate(levels, start=1):
        label = (f"{level.severity.strip() or f'Level {number}'} · "
                 f"{level.tier_role.strip() or 'nobody named'} · {response_words(level)}")
        lines.append(f"{INDENT}L{number}[{mermaid_quadrant_text(label, 80)}]")
    for number in range(1, len(levels)):
        lines.append(f"{INDENT}L{number + 1} -->|escalate| L{number}")
    return fence(lines)


def _sentiment_lines(journey: Journey, portfolio: list[Journey]) -> list[str]:
    as_is, to_be = pair_of(journey, portfolio)
    if as_is is None or to_be is journey and is_live(journey.workshop):
        return []
    out: list[str] = []
    for name, side in (("As-is", as_is), ("To-be", to_be)):
        block, _left_out = journey_diagram(side)
        if block:
            out += [block.replace("title Customer sentiment along the journey",
                                  f"title {name} sentiment"), ""]
    return out


def method_sections(journey: Journey, portfolio: list[Journey] | None,
                    cell: Cells | None = None) -> list[str]:
    """Every method section, each under its own ``##`` heading, as Markdown lines.

    ``cell``: the document's escapes (``Doc.cell``), so a text the map's sections
    escaped already is not escaped again.
    """
    everyone = portfolio if portfolio is not None else [journey]
    if cell is None:
        cell = Cells()
    out: list[str] = ["## Job to be done", "", *_bullets(jtbd_block(journey).lines, cell), ""]
    whys = five_whys_blocks(journey)
    if whys:
        out += ["## Five whys", ""]
        for block in whys:
            out += _block(block, cell)
    escalation = escalation_block(journey)
    bots = bot_lines(journey)
    if escalation.rows or escalation.lines or bots:
        out += ["## Escalation path", ""]
        if escalation.rows:
            out += [md_table(escalation.headers,
                             [[cell[c] for c in row] for row in escalation.rows]), ""]
            out += [ladder_diagram(journey), ""]
        if bots:
            out += ["### Bot touchpoints", "", *_bullets(bots, cell), ""]
        if escalation.lines:
            out += [*_bullets(escalation.lines, cell), ""]
    out += ["## Future state and business case", ""]
    out += _sentiment_lines(journey, everyone)
    for block in business_case_blocks(journey, everyone):
        out += _block(block, cell)
    out += _block(moments_block(journey), cell, "##")
    triage = triage_block(journey)
    if triage.lines:
        out += _block(triage, cell, "##")
    while out and out[-1] == "":
        out.pop()
    return out
