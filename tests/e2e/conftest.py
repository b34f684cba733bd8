"""Fixtures of the real-terminal tests: a tmux server of the test's own, one pane per app."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.burst_pane import ROOT, Pane


@pytest.fixture
def pane_for(tmp_path: Path) -> Iterator[object]:
    socket = f"jm-burst-{uuid.uuid4().hex[:8]}"

    def start(db: Path, wid: int, step: str) -> Pane:
        command = (f"ESCDELAY=100 {sys.executable} -m tui.cli --db {db} open {wid} "
                   f"--step {step}; sleep 5")
        session = f"jm-{uuid.uuid4().hex[:8]}"
        subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-s", session, "-x", "80",
                        "-y", "24", "-c", str(ROOT), "-e", "TERM=xterm-256color", command],
                       check=True)
        pane = Pane(socket, session)
        pane.tmux("set-option", "-s", "escape-time", "0")
        return pane

    yield start
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)
