"""Fresh-eyes QA (session 13): ``tracker --help`` spoke to the team, not the lead.

It explained why the title is a heading ("at 80 columns a title repeated on every row
took most of the width") and named the flags "NO OWNER" / "NO RESPONSE SLA" while the
table prints "NO OWNER/SLA".  The help now says what the lead will see.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.method import EscalationLevel
from tui.cli.main import app


def test_the_help_names_what_the_table_prints_and_no_reasons(tmp_path: Path) -> None:
    shown = CliRunner().invoke(app, ["tracker", "--help"], terminal_width=200).output
    assert "took most of the width" not in shown
    assert "NO RESPONSE SLA" not in shown
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
        store.add(EscalationLevel(workshop_id=wid, severity="Sev-1", criteria="all down",
                                  position=0))
    table = CliRunner().invoke(app, ["--db", str(db), "tracker", str(wid)],
                               env={"COLUMNS": "120"}).stdout
    assert "NO OWNER/SLA" in table
    assert "NO OWNER/SLA" in " ".join(shown.split()), shown
