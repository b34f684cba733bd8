"""Fresh-eyes QA (session 13): ``tickets apply --overwrite`` told the lead to use --overwrite.

Found with a five-ticket CSV of one partial month: ``journeymap tickets apply 3
--overwrite`` answered "nothing to fill (use --overwrite to replace typed values)",
advice the lead had just followed.  With ``--overwrite`` the answer now says the
readings gave no figure and where to see what they hold; without it, that only empty
fields were filled.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app

CSV = """Ticket ID,Created,Solved,Category,Status
101,2026-03-02 09:15,2026-03-02 11:00,Password reset,solved
102,2026-03-03 10:00,2026-03-04 16:30,Password reset,solved
103,2026-03-05 14:20,,Billing,open
"""


def _apply(tmp_path: Path, *options: str) -> str:
    db = tmp_path / "team.db"
    if not db.exists():
        with Store(db, who="lea") as store:
            store.create_workshop(title="Lockout")
        (tmp_path / "march.csv").write_text(CSV, encoding="utf-8")
        imported = CliRunner().invoke(app, ["--db", str(db), "tickets", "import",
                                            str(tmp_path / "march.csv"), "-w", "1"],
                                      env={"USER": "lea", "JOURNEYMAP_USER": "lea"})
        assert imported.exit_code == 0, imported.output
    result = CliRunner().invoke(app, ["--db", str(db), "tickets", "apply", "1", *options],
                                env={"USER": "lea", "JOURNEYMAP_USER": "lea"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_with_overwrite_nothing_filled_does_not_advise_overwrite(tmp_path: Path) -> None:
    said = _apply(tmp_path, "--overwrite")
    assert said.startswith("nothing to fill"), said
    assert "--overwrite" not in said, said
    assert "tickets show 1" in said, said


def test_without_overwrite_the_option_is_still_offered(tmp_path: Path) -> None:
    said = _apply(tmp_path)
    assert said.startswith("nothing to fill") and "--overwrite" in said, said
