"""A tmux server driven in control mode: keys in, each pane's output timed as it arrives.

Why control mode and not ``capture-pane`` polling: every poll is a new tmux process
(several ms on a loaded machine, more than the thing measured).  A control client
gets one ``%output`` line per chunk a pane's program wrote, the moment tmux read it,
so "key sent → screen changed" is timed on one clock without polling at all.
"""

from __future__ import annotations

import itertools
import os
import queue
import subprocess
import threading
import time
from pathlib import Path

_SERVERS = itertools.count()  # one fresh socket per server: a closed one may still be exiting


class Tmux:
    """One private tmux server (its own socket) with one control client attached."""

    def __init__(self, width: int, height: int, command: str) -> None:
        self.socket = f"bench-{os.getpid()}-{next(_SERVERS)}"
        self.proc = subprocess.Popen(
            ["tmux", "-L", self.socket, "-f", "/dev/null", "-C", "new-session",
             "-x", str(width), "-y", str(height), command],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.outputs: dict[str, list[float]] = {}
        self.changed = threading.Condition()
        self.replies: queue.Queue[list[str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.replies.get(timeout=30)  # new-session's own (empty) reply
        self.command(f"refresh-client -C {width}x{height}")
        self.first_pane = self.command("display-message -p '#{pane_id}'")[0]

    def _read(self) -> None:
        """Sort the client's lines into panes' output times and command replies."""
        assert self.proc.stdout is not None
        block: list[str] | None = None
        for raw in self.proc.stdout:
            now = time.monotonic()
            # tmux passes a pane's UTF-8 through as it came, split anywhere
            line = raw.decode("utf-8", "replace")
            if line.startswith("%output "):
                pane = line.split(" ", 2)[1]
                with self.changed:
                    self.outputs.setdefault(pane, []).append(now)
                    self.changed.notify_all()
            elif line.startswith("%begin"):
                block = []
            elif line.startswith(("%end", "%error")) and block is not None:
                self.replies.put(block)
                block = None
            elif block is not None:
                block.append(line.rstrip("\n"))

    def command(self, text: str) -> list[str]:
        """Run one tmux command and return its reply lines."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(text.encode() + b"\n")
        self.proc.stdin.flush()
        return self.replies.get(timeout=30)

    def new_window(self, command: str) -> str:
        """Another pane (a second seat) running ``command``; its pane id."""
        return self.command(f"new-window -d -P -F '#{{pane_id}}' {quote(command)}")[0]

    def screen(self, pane: str) -> str:
        return "\n".join(self.command(f"capture-pane -p -t {pane}"))

    def wait_for(self, pane: str, text: str, ceiling: float = 60.0) -> bool:
        """Whether ``text`` showed on the pane within ``ceiling`` seconds."""
        end = time.monotonic() + ceiling
        while time.monotonic() < end:
            if text in self.screen(pane):
                return True
            time.sleep(0.1)
        return False

    def quiet(self, pane: str, gap: float = 0.3, ceiling: float = 30.0) -> None:
        """Wait until the pane wrote nothing for ``gap`` seconds (the app is idle)."""
        end = time.monotonic() + ceiling
        while time.monotonic() < end:
            times = self.outputs.get(pane, [])
            if not times or time.monotonic() - times[-1] >= gap:
                return
            time.sleep(gap / 4)

    def press(self, pane: str, key: str, watch: str | None = None, gap: float = 0.08,
              ceiling: float = 20.0) -> tuple[float, float]:
        """(first, last) seconds from ``key`` sent to ``pane`` until ``watch`` (that pane by
        default) showed output, and until its last output before ``gap`` of quiet.

        ``ceiling`` is a limit for a frozen app, not a speed check: a key that never
        changes the screen gives (ceiling, ceiling).
        """
        watch = watch or pane
        with self.changed:
            seen = len(self.outputs.get(watch, []))
        start = time.monotonic()
        self.command(f"send-keys -t {pane} {key}")
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.outputs.get(watch, [])) > seen,
                                         timeout=ceiling):
                return ceiling, ceiling
        while True:
            last = self.outputs[watch][-1]
            if time.monotonic() - last >= gap:
                break
            time.sleep(gap / 4)
        return self.outputs[watch][seen] - start, last - start

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], check=False,
                       stderr=subprocess.DEVNULL)
        self.proc.wait(timeout=10)
        Path(f"/tmp/tmux-{os.getuid()}/{self.socket}").unlink(missing_ok=True)


def quote(command: str) -> str:
    """``command`` as one tmux argument."""
    return "'" + command.replace("'", "'\\''") + "'"
