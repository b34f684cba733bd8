"""The ``journeymap`` console script (and ``python -m tui.cli``).

``export`` of a local file, the command scripts and cron jobs run most, is
answered by ``tui.cli.quick_export`` before Typer is imported when its command
line is a plain one; every other command line goes to the Typer application in
``tui.cli.main``, unchanged.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point: the quick export when it takes the command, else the full CLI."""
    if sys.argv[1:2] == ["export"] or "export" in sys.argv[1:4]:
        from tui.cli.quick_export import run_quick

        if run_quick(sys.argv[1:]):
            return
    from tui.cli.main import main as full

    full()
