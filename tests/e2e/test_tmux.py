"""A real terminal: `journeymap open` in a detached tmux session at 80x24.

Keys go through tmux like a person's would over SSH; capture-pane must show
each step's title and never a traceback.  Polls the pane (no timed asserts:
waiting ends as soon as the text appears, with a generous ceiling).
"""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import build_workshop, journeymap_shell

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TITLES = [("escape", None),  # Esc leaves a field so the step keys work (nothing to see)
          ("2", "Step 2 · Stages"), ("3", "Step 3 · Touchpoints"),
          ("4", "Step 4 · Ownership"), ("5", "Step 5 · Pain points"), ("n", "\n Cards: "),
          ("n", "\n Tracker: "), ("n", "\n Plan: "), ("1", "Step 1 · Scope")]
# Cards, Tracker and Plan have their own screens (another area): their title is the
# step bar's second line ("Cards: …"), which the workshop screen always shows.


# A terminal sends Alt+key as ESC then the key; Textual reads an ESC followed by
# another byte within ESCDELAY ms as one such key (ESC 2 is "™" here), exactly as
# curses does.  A person pressing Esc and then 2 is far slower than that; the test
# pins ESCDELAY and waits past it after Esc, like a person, instead of racing it.
ESCDELAY_MS = 100
SOCKET = f"jm-test-{uuid.uuid4().hex[:8]}"  # a private tmux server: no other session touched


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          check=False).stdout


def wait_for(session: str, *texts: str, ceiling: float = 30.0) -> str:
    """The pane as soon as one of ``texts`` (or a traceback) is on it."""
    deadline = time.monotonic() + ceiling
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if any(text in screen for text in texts) or "Traceback" in screen:
            return screen
        time.sleep(0.05)
    return screen


def start(tmp_path: Path, name: str) -> str:
    """A workshop in a fresh database, opened in a new detached 80x24 tmux session."""
    db = tmp_path / f"{name}.db"
    with Store(db, who="tester") as store:
        wid = build_workshop(store)
    command = (f"ESCDELAY={ESCDELAY_MS} {journeymap_shell()} --db {db} "
               f"open {wid}; sleep 5")
    session = f"jm-{uuid.uuid4().hex[:8]}"
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", session, "-x", "80",
                    "-y", "24", command], check=True)
    # Like a terminal over SSH with a sane tmux: Esc is Esc, not the start of Alt+key.
    tmux("set-option", "-s", "escape-time", "0")
    return session


def test_every_step_in_a_real_terminal(tmp_path: Path) -> None:
    session = start(tmp_path, "steps")
    try:
        # The step bar's second line has the step's state only once the workshop is
        # loaded ("Scope: loading…" before): proof that the keys below meet the screen.
        wait_for(session, "Scope: complete")
        screen = wait_for(session, "Step 1 · Scope")
        assert "Step 1 · Scope" in screen and "Scope: complete" in screen, screen
        for key, title in TITLES:
            tmux("send-keys", "-t", session, key)
            if title is None:
                time.sleep(3 * ESCDELAY_MS / 1000)  # pacing like a person, not an assert
                continue
            screen = wait_for(session, title)
            assert "Traceback" not in screen, screen
            assert title in screen, f"{title!r} not on screen after {key!r}:\n{screen}"
        tmux("send-keys", "-t", session, "C-q")
    finally:
        tmux("kill-server")


def test_a_step_key_typed_during_start_up_is_not_lost(tmp_path: Path) -> None:
    """A fast typist over SSH: "3" right after the first frame, while the data loads."""
    session = start(tmp_path, "early")
    try:
        # the loading frame (header title) or, on a fast machine, the loaded workshop
        screen = wait_for(session, "Loading the workshop", "Step 1 · Scope")
        assert "Loading the workshop" in screen or "Step 1 · Scope" in screen, screen
        tmux("send-keys", "-t", session, "3")
        screen = wait_for(session, "Step 3 · Touchpoints")
        assert "Traceback" not in screen, screen
        assert "Step 3 · Touchpoints" in screen, screen
        tmux("send-keys", "-t", session, "C-q")
    finally:
        tmux("kill-server")
