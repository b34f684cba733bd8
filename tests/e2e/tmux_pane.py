"""A tmux pane under test: run tmux commands on its server, read the screen, wait for text.

Shared by the real-terminal tests (typing a workshop, key bursts); each adds how it sends keys.
Waiting is bounded polling of the screen, never a timed assert.
"""

from __future__ import annotations

import subprocess
import time


class TmuxPane:
    def __init__(self, socket: str, session: str) -> None:
        self.socket, self.session = socket, session

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=False).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait(self, text: str, ceiling: float = 30.0) -> str:
        """The screen once ``text`` is on it; fails on a traceback or after ``ceiling`` s."""
        deadline = time.monotonic() + ceiling
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            assert "Traceback" not in screen, screen
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared:\n{screen}")
