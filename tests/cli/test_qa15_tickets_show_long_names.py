"""Fresh-eyes QA (session 13): ``tickets show`` cut long category names without a mark.

Found on the team box with a real-looking export at 80 columns: the category column read
"=HYPERLINK("http://e", "XXXXXXXXXXXXXXXXXXXX" and "漢字カテゴリ漢字カテ", letters dropped
with nothing to say so, although the column is meant to wrap (``overflow="fold"``): the
cell was a one-line ``safe`` text, whose ``no_wrap`` won over the column.  A category now
wraps in its column, and a pasted 10,000-character one is cut with an ellipsis.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app

LONG = "Password reset for SSO admins on the EU cluster"
HUGE = "X" * 10_000


def _export(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Id", "Created at", "Solved at", "Status", "Category"])
        for n, category in enumerate([LONG, LONG, HUGE, HUGE, "Billing"]):
            out.writerow([n + 1, f"2024-03-0{n + 1} 09:00", f"2024-03-0{n + 1} 13:00",
                          "Solved", category])
    return path


def test_a_long_category_wraps_and_a_huge_one_ends_in_an_ellipsis(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = str(store.create_workshop(title="T").id)
    runner = CliRunner()
    done = runner.invoke(app, ["--db", str(db), "tickets", "import",
                               str(_export(tmp_path / "zd.csv")), "-w", wid])
    assert done.exit_code == 0, done.output
    shown = runner.invoke(app, ["--db", str(db), "tickets", "show", wid],
                          env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    first_column = " ".join(re.split(r"\s{2,}", line.strip())[0] for line in lines)
    assert LONG in first_column, shown.output
    cut = [line for line in lines if "XXXX" in line]
    assert 1 < len(cut) <= 12 and "…" in cut[-1], shown.output
