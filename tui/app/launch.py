"""The `open`/`demo` commands' way into the UI: build the app and run it.

Kept apart from ``tui.app.app`` so the CLI can import it cheaply and so tests and
benchmarks can build the same app without running it.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any

from models.vocab import resolve_step


def build_app(db_path: str | Path | None, workshop_id: int | None = None,
              step: str | None = None, who: str = "", role: str = "", link: Any = None,
              **seat: str):  # noqa: ANN201
    """The configured ``JourneyApp``; an unknown step name is a ValueError (one sentence).
    ``link``: the server connection ``open``'s check made, for the first screen's read."""
    from tui.app.app import JourneyApp

    resolved = resolve_step(step) if step else None
    if step and resolved is None:
        raise ValueError(f"There is no step {step!r}; use scope, stages, touchpoints, ownership, "
                         "pains, cards, tracker or plan (or 1-8).")
    return JourneyApp(db_path, workshop_id=workshop_id, step=resolved, who=who, role=role,
                      link=link, **seat)  # type: ignore[arg-type]


NO_TERMINAL = ("The workshop opens in a terminal, and this one has none (its input or output is "
               "a pipe or a file): run it in a terminal or over SSH with `ssh -t`")
PRINTING = ", or use the commands that print (`list`, `export`, `demo --no-open`)"


def no_terminal(seat: bool) -> str:
    """The refusal, after the "journeymap:" every error line starts with.  A seat (an SSH
    key's forced command) runs no other command, so it is offered none."""
    return NO_TERMINAL + ("" if seat else PRINTING) + "."


def terminal_missing() -> bool:
    """Whether the terminal driver would run without a terminal.

    Textual then draws into a pipe and waits on input that never comes: a script or
    an SSH command without a pty would hang, busy, until killed.  A browser seat runs
    Textual's web driver (textual-serve names it in ``TEXTUAL_DRIVER``), which needs no
    terminal.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return False
    streams = (sys.__stdin__, sys.__stdout__)
    return not all(stream is not None and stream.isatty() for stream in streams)


def run_app(db_path: str | Path | None, workshop_id: int | None = None, step: str | None = None,
            who: str = "", role: str = "", link: Any = None, **seat: str) -> None:
    """Run the TUI until the user quits (blocking).

    A crash inside the app ends with a non-zero ``return_code``; it becomes the
    process exit code, so a script or SSH ForceCommand never reads a crash as success.
    Without a terminal it refuses in one sentence (a ValueError, as every user error).
    """
    if terminal_missing():
        raise ValueError(no_terminal(seat=bool(seat)))
    # Start-up (Textual's import, the first screens) makes long-lived objects only: the
    # collector's full passes over them found nothing and cost ~40 ms of CPU before the
    # workshop showed.  The app resumes collection once the store is open (``gc.freeze``).
    gc.disable()
    app = build_app(db_path, workshop_id, step, who, role, link, **seat)
    from tui.app.terminal_keys import escape_first

    escape_first(app)  # Esc then 3 read together over SSH: Esc, then step 3 (not Alt+3)
    app.run()
    code = getattr(app, "return_code", 0) or 0
    if code:
        raise SystemExit(code)
