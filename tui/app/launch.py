"""The `open`/`demo` commands' way into the UI: build the app and run it.

Kept apart from ``tui.app.app`` so the CLI can import it cheaply and so tests and
benchmarks can build the same app without running it.
"""

from __future__ import annotations

import gc
from pathlib import Path

from models.vocab import resolve_step


def build_app(db_path: str | Path | None, workshop_id: int | None = None,
              step: str | None = None, who: str = "", role: str = "",
              **seat: str):  # noqa: ANN201
    """The configured ``JourneyApp``; an unknown step name is a ValueError (one sentence)."""
    from tui.app.app import JourneyApp

    resolved = resolve_step(step) if step else None
    if step and resolved is None:
        raise ValueError(f"There is no step {step!r}; use scope, stages, touchpoints, ownership, "
                         "pains, cards, tracker or plan (or 1-8).")
    return JourneyApp(db_path, workshop_id=workshop_id, step=resolved, who=who, role=role,
                      **seat)  # type: ignore[arg-type]


def run_app(db_path: str | Path | None, workshop_id: int | None = None, step: str | None = None,
            who: str = "", role: str = "", **seat: str) -> None:
    """Run the TUI until the user quits (blocking).

    A crash inside the app ends with a non-zero ``return_code``; it becomes the
    process exit code, so a script or SSH ForceCommand never reads a crash as success.
    """
    # Start-up (Textual's import, the first screens) makes long-lived objects only: the
    # collector's full passes over them found nothing and cost ~40 ms of CPU before the
    # workshop showed.  The app resumes collection once the store is open (``gc.freeze``).
    gc.disable()
    app = build_app(db_path, workshop_id, step, who, role, **seat)
    from tui.app.terminal_keys import escape_first

    escape_first(app)  # Esc then 3 read together over SSH: Esc, then step 3 (not Alt+3)
    app.run()
    code = getattr(app, "return_code", 0) or 0
    if code:
        raise SystemExit(code)
