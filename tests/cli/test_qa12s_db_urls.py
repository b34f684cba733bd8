"""A ``--db`` URL that cannot be used is one sentence that never shows its password.

Found from outside (session 11, team server): ``mysql://`` and
``postgresql+psycopg2://`` URLs were taken as file paths, and the missing-folder
sentence printed them whole, password included; a port that is no number printed
Python's ``invalid literal for int()``; a URL without a database said "There is no
database None … (createdb None)"; an unencoded ``@`` in the password put the rest
of the password into the host that the sentence names.  Every case is refused
before any connection is tried, so no server is needed here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Sup3rSecr3tPW"


def run(db: str, *command: str, via_env: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": "/nonexistent"}
    env.pop("JOURNEYMAP_DB", None)
    args = [sys.executable, "-m", "tui.cli"]
    if via_env:
        env["JOURNEYMAP_DB"] = db
    else:
        args += ["--db", db]
    return subprocess.run([*args, *command], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env=env, stdin=subprocess.DEVNULL)


CASES = [
    (f"mysql://kim:{SECRET}@127.0.0.1/journeys", "mysql://"),
    (f"postgresql+psycopg2://kim:{SECRET}@127.0.0.1:5432/journeys", "postgresql+psycopg2://"),
    (f"postgresql://kim:{SECRET}@127.0.0.1:five/journeys", "cannot be read"),
    (f"postgresql://kim:{SECRET}@127.0.0.1:5432", "names no database"),
    (f"postgresql://kim:{SECRET}@127.0.0.1:5432/", "names no database"),
    (f"postgresql://kim:ab@{SECRET}@127.0.0.1:5432/journeys", "cannot be read"),
]


@pytest.mark.parametrize("via_env", [False, True], ids=["--db", "JOURNEYMAP_DB"])
@pytest.mark.parametrize(("db", "needle"), CASES)
def test_an_unusable_db_url_is_one_sentence_without_its_password(
        db: str, needle: str, via_env: bool) -> None:
    result = run(db, "list", via_env=via_env)
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("journeymap: "), result.stderr
    assert needle in lines[0], lines[0]
    assert SECRET not in result.stderr + result.stdout
    assert SECRET[2:] not in result.stderr + result.stdout
    assert "None" not in lines[0] and "int()" not in lines[0]


def test_serve_and_copy_refuse_a_foreign_url_the_same_way(tmp_path: Path) -> None:
    db = f"mysql://kim:{SECRET}@127.0.0.1/journeys"
    for command in (["serve", "--db", db, "--port", "1"],
                    ["copy", "--from", db, "--to", str(tmp_path / "x.db")]):
        result = subprocess.run([sys.executable, "-m", "tui.cli", *command],
                                capture_output=True, text=True, timeout=60, cwd=ROOT,
                                stdin=subprocess.DEVNULL)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "mysql://" in result.stderr and SECRET not in result.stderr, result.stderr
        assert not list(tmp_path.iterdir())
