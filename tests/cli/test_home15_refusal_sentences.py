"""The CLI's refusals are our sentences (session 13 newcomer walk): ``import lockout.md``
quoted Python's json message ("Expecting value at line 1, column 1"), ``costs 1 phone
-3`` answered Click's "No such option: -3" instead of our "cannot be negative", and a
refusal built from a file's error (``new --template nope``, ``import``) ended without
the period every other refusal ends with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app

LEA = {"USER": "lea", "JOURNEYMAP_USER": "lea", "COLUMNS": "250"}


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        return db, int(store.create_workshop(title="Lockout").id or 0)


def run(db: Path, *args: str) -> Any:
    return CliRunner().invoke(app, ["--db", str(db), *args], env=LEA)


def refused(result: Any) -> str:
    assert result.exit_code != 0, result.output
    said = result.stderr.strip()
    assert said.count("\n") == 0 and "Traceback" not in said, said
    return said


def test_a_file_that_is_not_json_is_named_in_our_words(workshop: tuple[Path, int],
                                                       tmp_path: Path) -> None:
    db, _ = workshop
    md = tmp_path / "lockout.md"
    md.write_text("# Lockout\n", encoding="utf-8")
    said = refused(run(db, "import", str(md)))
    assert "lockout.md" in said and "journeymap backup" in said, said
    assert "Expecting value" not in said, said


def test_a_negative_cost_is_refused_in_our_words(workshop: tuple[Path, int]) -> None:
    db, wid = workshop
    said = refused(run(db, "costs", str(wid), "phone", "-3"))
    # the field rules' own sentence (num20: costs passes the typed text to them)
    assert "No such option" not in said and "must be 0 or more, not -3" in said, said


def test_every_refusal_ends_with_a_period(workshop: tuple[Path, int], tmp_path: Path) -> None:
    db, wid = workshop
    md = tmp_path / "lockout.md"
    md.write_text("# Lockout\n", encoding="utf-8")
    half = tmp_path / "half.json"
    half.write_text('{"format": "journeymap", "version": 1, "workshop": {"title": "x"',
                    encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "journeymap", "version": 1, "stages": [{"name": "s", '
                     '"touchpoints": [{"name": "t", "sentiment": 3}]}]}', encoding="utf-8")
    for args in (("new", "--template", "nope", "--persona", "p", "--scenario", "s",
                  "--title", "t"),
                 ("import", str(md)), ("import", str(half)), ("import", str(wrong)),
                 ("import", str(tmp_path / "none.json")),
                 ("templates", "show", "nope"),
                 ("costs", str(wid), "phone", "-3"),
                 ("show", "999")):
        said = refused(run(db, *args))
        assert said.endswith("."), (args, said)
