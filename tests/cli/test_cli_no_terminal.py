"""Opening the UI where there is no terminal refuses in one sentence instead of hanging.

Found from outside: `journeymap demo` run from a script (input and output pipes) printed
the id, then ran Textual into the pipe and waited, busy, until killed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.app import launch

ROOT = Path(__file__).resolve().parents[2]
CLI = "import sys; from tui.cli.main import main; sys.argv[0] = 'journeymap'; main()"


@pytest.mark.parametrize("command", [["demo"], ["open", "1"]])
def test_opening_without_a_terminal_is_one_sentence_not_a_hang(tmp_path: Path,
                                                              command: list[str]) -> None:
    db = tmp_path / "team.db"
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    subprocess.run([sys.executable, "-c", CLI, "--db", str(db), "demo", "--no-open"],
                   cwd=ROOT, env=env, capture_output=True, timeout=120, check=True)
    done = subprocess.run([sys.executable, "-c", CLI, "--db", str(db), *command],
                          cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"journeymap: {launch.no_terminal(seat=False)}"], \
        done.stderr
    assert "Traceback" not in done.stderr
    assert "\x1b" not in done.stdout  # nothing drawn into the pipe
    if command == ["demo"]:
        assert done.stdout.strip() == "1"  # the id is still printed for a script


def test_a_browser_seat_needs_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    assert launch.terminal_missing() is False


def test_pipes_are_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    with open(os.devnull) as nothing:
        monkeypatch.setattr(sys, "__stdin__", nothing)
        assert launch.terminal_missing() is True
