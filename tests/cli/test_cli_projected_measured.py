"""Projected vs measured end to end: a card projecting 40 % deflection, tied to the volume of
one ticket category; before any import the business case has no such line, after two
months of readings ``report --business-case`` and the Markdown export say both changes,
with the months and n (hand-checked against the Zendesk fixture: Question 3 → 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint
from models.export.markdown import to_markdown
from tui.cli.main import app

ZENDESK = str(Path(__file__).parent.parent / "models" / "tickets" / "fixtures"
              / "zendesk_tickets.csv")
LINE = ("Projected vs measured: projected −40 % contacts (deflection 40 %); measured "
        "tickets of category=Question +33 % (3 in 2024-03, n=3 → 4 in 2024-04, n=4), worse "
        "(lower is better)")


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", str(db), *args], env={"COLUMNS": "400"})


def test_report_and_markdown_show_projected_next_to_measured(store: Store,
                                                             db_path: Path) -> None:
    w = store.create_workshop(title="Login lockout", start_date=dt.date(2026, 3, 1))
    wid = int(w.id or 0)
    stage = store.load(wid).stages[0]
    tp = store.add(Touchpoint(stage_id=int(stage.id or 0), name="Call support",
                              channel="Phone"))
    pain = store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description="Locked out",
                               ticket_volume=1000))
    card = store.add(HypothesisCard(pain_point_id=int(pain.id or 0), experiment="Unlock",
                                    effect_kind="deflection", effect_value=40))
    before = run(db_path, "report", str(wid), "--business-case")
    assert before.exit_code == 0 and "Projected vs measured" not in before.output
    assert run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid)).exit_code == 0
    tied = run(db_path, "tickets", "link-card", str(wid), str(card.id), "--metric", "tickets",
               "--group", "category=Question", "--target", "-30%")
    assert tied.exit_code == 0, tied.output
    after = run(db_path, "report", str(wid), "--business-case")
    assert after.exit_code == 0, after.output
    assert LINE in " ".join(after.stdout.split())
    markdown = to_markdown(store.load(wid), today=dt.date(2026, 3, 20))
    assert "Projected vs measured" in markdown
    assert "n=3 → 4 in 2024-04, n=4" in markdown
