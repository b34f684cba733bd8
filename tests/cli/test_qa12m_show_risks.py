"""`show` lists the escalation and bot risks too.

Found running an SSO-login workshop with an AI assistant that had no escalation rule:
`show` said "Risks (2)" (the two handoffs) and the Markdown summary "2 ownership and
handoff risks", while `journeymap escalation` listed six more, among them the method's
first AI-flow failure: a bot that cannot hand the customer to a person.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from tui.cli.main import app


def _bot_map(store: Store) -> int:
    w = store.create_workshop(title="SSO login")
    stage = store.load(w.id).stages[0]
    store.add(Touchpoint(stage_id=stage.id, name="AI assistant", actor="bot",
                         owner_team="Support Ops", bot_context_passed="transcript"))
    store.add(Touchpoint(stage_id=stage.id, name="Tier 1 chat", actor="agent",
                         owner_team="Support Ops"))
    return int(w.id or 0)


def test_show_lists_a_bot_without_an_escalation_rule_as_a_risk(db_path: Path,
                                                               store: Store) -> None:
    wid = _bot_map(store)
    result = CliRunner().invoke(app, ["--db", str(db_path), "show", str(wid)],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Risks (1)" in result.stdout
    assert ("! “AI assistant” is handled by a bot with no escalation rule: a customer it "
            "cannot help has no way to a person.") in result.stdout

