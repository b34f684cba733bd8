"""A real terminal: `journeymap open` in a detached tmux session at 80x24.

Keys go through tmux like a person's would over SSH; capture-pane must show
each step's title and never a traceback.  Polls the pane (no timed asserts:
waiting ends as soon as the text appears, with a generous ceiling).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from models.store import Store
from tests.test_tui_data import build_workshop

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TITLES = [("escape", "Next step"),  # Esc leaves the field: the footer shows the step keys
          ("2", "Step 2 · Stages"), ("3", "Step 3 · Touchpoints"),
          ("4", "Step 4 · Ownership"), ("5", "Step 5 · Pain points"), ("n", "\n Cards: "),
          ("n", "\n Tracker: "), ("n", "\n Plan: "), ("1", "Step 1 · Scope")]
# Cards, Tracker and Plan have their own screens (another area): their title is the
# step bar's second line ("Cards: …"), which the workshop screen always shows.


SOCKET = f"jm-test-{uuid.uuid4().hex[:8]}"  # a private tmux server: no other session touched


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          check=False).stdout


def wait_for(session: str, text: str, ceiling: float = 30.0) -> str:
    deadline = time.monotonic() + ceiling
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen or "Traceback" in screen:
            return screen
        time.sleep(0.2)
    return screen


def test_every_step_in_a_real_terminal(tmp_path: Path) -> None:
    db = tmp_path / "tmux.db"
    with Store(db, who="tester") as store:
        wid = build_workshop(store)
    exe = Path(sys.executable).with_name("journeymap")
    command = f"{exe if exe.exists() else 'journeymap'} --db {db} open {wid}; sleep 5"
    session = f"jm-{uuid.uuid4().hex[:8]}"
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", session, "-x", "80",
                    "-y", "24", command], check=True)
    # Like a terminal over SSH with a sane tmux: Esc is Esc, not the start of Alt+key.
    tmux("set-option", "-s", "escape-time", "0")
    try:
        screen = wait_for(session, "Step 1 · Scope")
        assert "Step 1 · Scope" in screen, screen
        for key, title in TITLES:
            tmux("send-keys", "-t", session, key)
            screen = wait_for(session, title)
            assert "Traceback" not in screen, screen
            assert title in screen, f"{title!r} not on screen after {key!r}:\n{screen}"
        tmux("send-keys", "-t", session, "C-q")
    finally:
        tmux("kill-server")
