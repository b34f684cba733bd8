"""``journeymap report ID --business-case``: the case printed as literal text.

The sentences and formulas come from ``models.export.method_text`` so the
terminal, the Markdown export and the TUI say the same numbers the same way.
"""

from __future__ import annotations

from typing import Any

from models.db.journey import Journey
from tui.safe_text import prose


def print_business_case(out: Any, store: Any, journey: Journey) -> None:
    """Comparison, cost per contact, every card's figures with formulas, totals, KPI targets."""
    from models.export.method_text import business_case_blocks
    from tui.cli.export import whole_portfolio

    portfolio = whole_portfolio(store, journey)  # a damaged map left out, said on stderr
    title = journey.workshop.title.strip() or f"workshop {journey.workshop.id}"
    out.print(prose(f"Future state and business case: {title}", "bold"))
    out.print()
    for block in business_case_blocks(journey, portfolio):
        out.print(prose(block.heading, "bold"))
        for text in block.lines:
            out.print(prose(f"- {text}"))
        out.print()
