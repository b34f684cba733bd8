"""The exported summary counts the escalation and bot risks beside the handoff risks.

Found running an SSO-login workshop with an AI assistant that had no escalation rule:
the Markdown summary said "2 ownership and handoff risks" and nothing of the bot that
cannot hand the customer to a person, which the Escalation path section listed.
"""

from __future__ import annotations

import datetime as dt

from models.export.markdown import to_markdown
from tests.models.method_helpers import journey, tp


def _summary(*touchpoints: object) -> str:
    text = to_markdown(journey(list(touchpoints)), today=dt.date(2026, 3, 2))  # type: ignore[arg-type]
    return text.split("## Summary")[1].split("\n## ")[0]


def test_the_markdown_summary_counts_escalation_and_bot_risks() -> None:
    summary = _summary(tp(1, "AI assistant", actor="bot", owner_team="Support Ops",
                          bot_context_passed="transcript"),
                       tp(2, "Tier 1 chat", actor="agent", owner_team="Support Ops"))
    assert "- 1 escalation or bot risk (see Escalation path)." in summary


def test_a_map_without_them_says_nothing_of_them() -> None:
    summary = _summary(tp(1, "Tier 1 chat", actor="agent", owner_team="Support Ops"))
    assert "escalation or bot risk" not in summary
