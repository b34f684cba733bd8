"""The no-terminal refusal is one clean sentence (session 11 QA): it named the program twice
("journeymap: journeymap opens…"), and to a forced-command guest it suggested `list` and
`export`, which that key never runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from tui.cli.main import main; sys.argv[0] = 'journeymap'; main()"


def _refusal(db: Path, *command: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    done = subprocess.run([sys.executable, "-c", CLI, "--db", str(db), *command], cwd=ROOT,
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1, done.stderr
    return done.stderr


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("noterm") / "team.db"
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    subprocess.run([sys.executable, "-c", CLI, "--db", str(db), "demo", "--no-open"],
                   cwd=ROOT, env=env, capture_output=True, timeout=120, check=True)
    return db


@pytest.mark.parametrize("command", [["open", "1"], ["seat", "Guest", "--workshop", "1",
                                                     "--role", "observer"]])
def test_the_program_is_named_once(demo_db: Path, command: list[str]) -> None:
    err = _refusal(demo_db, *command)
    assert err.count("\n") == 1 and err.lower().count("journeymap") == 1, err
    assert "ssh -t" in err


def test_a_guest_is_not_offered_commands_its_key_never_runs(demo_db: Path) -> None:
    err = _refusal(demo_db, "seat", "Guest", "--workshop", "1", "--role", "observer")
    assert "`list`" not in err and "`export`" not in err and "demo" not in err, err


def test_a_shell_user_still_hears_of_the_commands_that_print(demo_db: Path) -> None:
    assert "`list`" in _refusal(demo_db, "open", "1")
