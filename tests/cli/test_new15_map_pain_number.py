"""Fresh-eyes QA (session 13): ``tickets map --pain`` refused the number ``show`` prints.

``journeymap show 1`` lists pain points as "#2 Help articles are outdated …";
``journeymap tickets map 1 "Password reset" --pain '#2'`` answered "Invalid value for
'--pain': '#2' is not a valid int", a Python type in front of a lead.  ``--pain`` now
takes the number as ``show`` writes it, with or without the ``#``, and anything else
gets one sentence that says what it takes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.cards import PainPoint
from tui.cli.main import app

CSV = """Ticket ID,Created,Solved,Category,Status
101,2026-03-02 09:15,2026-03-02 11:00,Password reset,solved
102,2026-03-03 10:00,2026-03-04 16:30,Billing,solved
"""
LEA = {"USER": "lea", "JOURNEYMAP_USER": "lea"}


def _workshop(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
        pain = store.add(PainPoint(workshop_id=wid, description="Reset mail lands in spam",
                                   impact=3, effort=1))
    (tmp_path / "march.csv").write_text(CSV, encoding="utf-8")
    done = CliRunner().invoke(app, ["--db", str(db), "tickets", "import",
                                    str(tmp_path / "march.csv"), "-w", str(wid)], env=LEA)
    assert done.exit_code == 0, done.output
    return db, int(pain.id or 0)


def _map(db: Path, *pain: str) -> Any:
    return CliRunner().invoke(app, ["--db", str(db), "tickets", "map", "1", "Password reset",
                                    "--pain", *pain], env=LEA)


def test_the_number_as_show_prints_it_is_taken(tmp_path: Path) -> None:
    db, pain_id = _workshop(tmp_path)
    for written in (f"#{pain_id}", str(pain_id)):
        result = _map(db, written)
        assert result.exit_code == 0, result.output
        assert f"pain point {pain_id}" in result.stdout


def test_anything_else_is_one_sentence_without_python_words(tmp_path: Path) -> None:
    db, _ = _workshop(tmp_path)
    for written in ("spam", "#²"):
        result = _map(db, written)
        assert result.exit_code == 1, result.output
        said = result.stderr
        assert "#12" in said and "journeymap show" in said and " int" not in said, said
        assert len(said.strip().splitlines()) == 1, said
