"""`journeymap plan` says what the plan warns about, as the app's task detail does.

Found running an SSO-login workshop from the command line: the plan table showed the
top card in weeks 3-4 and two queued cards, and none of the plan's warnings (a card
due outside its weeks, before day 1, after day 60) reached the terminal: the table
has no detail column, so a lead planning from the CLI never saw them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint
from tui.cli.main import app

START = dt.date(2026, 3, 2)  # day 14 is 2026-03-15, day 60 is 2026-04-30


def test_plan_prints_each_warning_under_the_table(db_path: Path, store: Store) -> None:
    w = store.create_workshop(title="SSO login", start_date=START, facilitator="Lena")
    stage = store.load(w.id).stages[0]
    tp = store.add(Touchpoint(stage_id=stage.id, name="Login page", owner_team="Product"))
    for n, deadline in enumerate((dt.date(2026, 3, 13), dt.date(2026, 5, 20), None)):
        pain = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, impact=3, effort=1,
                                   ticket_volume=300 - n, description=f"pain {n}"))
        store.add(HypothesisCard(pain_point_id=pain.id, experiment=f"fix {n}", owner="Priya",
                                 deadline=deadline))
    result = CliRunner().invoke(app, ["--db", str(db_path), "plan", str(w.id)],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    warnings = " ".join(result.stdout.split("└")[-1].split()).split("! ")[1:]
    assert [w.strip() for w in warnings] == [
        "Ship one fix: fix 0: the card is due on day 12 (2026-03-13), before weeks 3-4 "
        "(days 15-28) where this plan ships it; the tracker follows the card: give the card a "
        "deadline from 2026-03-16 to 2026-03-27, or regenerate the plan from an earlier start "
        "date.",
        "Card 2: fix 1: due after day 60 (day 80): next cycle, after this plan's review on "
        "day 60.",
    ]


def test_a_plan_without_warnings_prints_none(db_path: Path, store: Store) -> None:
    w = store.create_workshop(title="Quiet", start_date=START)
    result = CliRunner().invoke(app, ["--db", str(db_path), "plan", str(w.id)],
                                env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "! " not in result.stdout.split("└")[-1]
