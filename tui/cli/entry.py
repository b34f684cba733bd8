"""The ``journeymap`` console script (and ``python -m tui.cli``).

``export`` of a local file, the command scripts and cron jobs run most, is
answered by ``tui.cli.quick_export`` before Typer is imported when its command
line is a plain one; every other command line goes to the Typer application in
``tui.cli.main``, unchanged.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Entry point: the quick export when it takes the command, else the full CLI."""
    if "export" in sys.argv[1:4]:
        # The quick export is one short pass that frees everything at exit: the cyclic
        # collector's passes over its few thousand rows were ~3 % of its CPU.
        gc.disable()
        from tui.cli.quick_export import run_quick

        if run_quick(sys.argv[1:]):
            return
        gc.enable()
    from tui.cli.main import main as full

    full()
