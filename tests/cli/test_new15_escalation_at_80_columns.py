"""Fresh-eyes QA (session 13): ``escalation`` at 80 columns split words in two.

Found on the password-reset template: the matrix read "Suspecte / d", "verifica / tion",
"speciali / st" and "conversa / tion": eight boxed columns left each about eight
characters, less than the words a lead types.  Every word of the matrix stays whole now;
the early warnings, prose like the criteria, are listed under the
matrix.  Only a word wider than any column could be (a pasted link) may still fold.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.export.templates import create_from_template
from tui.cli.main import app


def test_every_word_of_the_matrix_is_whole_at_80_columns(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = create_from_template(store, "password-reset-bot")
        levels = store.load(wid).escalation_levels
        words = {word for level in levels
                 for text in (level.severity, level.criteria, level.tier_role,
                              level.channel, level.early_warning)
                 for word in (text or "").split()}
    result = CliRunner().invoke(app, ["--db", str(db), "escalation", str(wid)],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    matrix = result.stdout.split("Risks", 1)[0]
    assert max(len(line) for line in matrix.splitlines()) <= 80, matrix
    shown = set(matrix.split())
    assert len(words) > 20
    assert words <= shown, (sorted(words - shown), matrix)
