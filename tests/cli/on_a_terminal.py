"""Run the CLI in a fresh process with its stdout on a pseudo-terminal or on a pipe.

What reaches a lead's terminal depends on whether stdout is one (``isatty``), which an
in-process runner cannot show: these run ``journeymap_command()`` for real.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
from pathlib import Path

from tests.helpers import journeymap_command


def _env(**more: str) -> dict[str, str]:
    """The test's environment without a width (a pipe has none), plus ``more``."""
    plain = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return {**plain, "TERM": "xterm-256color", **more}


def on_a_terminal(db: Path, *args: str) -> tuple[int, bytes]:
    """Exit code and every byte the command wrote to its terminal (stdout on a pty)."""
    main, other = pty.openpty()
    done = subprocess.Popen([*journeymap_command(), "--db", str(db), *args], stdout=other,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=_env(COLUMNS="100", LINES="40"))
    os.close(other)
    seen = bytearray()
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:  # a wait with no end in sight is a hung command, not a slow one
            done.kill()
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the command closed the terminal's other end
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    return done.wait(), bytes(seen)


def in_a_pipe(db: Path, *args: str) -> tuple[int, bytes]:
    """Exit code and stdout's bytes when stdout is a pipe (a script, ``> file``)."""
    done = subprocess.run([*journeymap_command(), "--db", str(db), *args], capture_output=True,
                          stdin=subprocess.DEVNULL, env=_env(), check=False)
    return done.returncode, done.stdout
