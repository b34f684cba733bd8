"""The demo workshop as `journeymap demo` makes it, for the tests that draw it.

Shared by ``test_demo_snapshot.py`` and ``test_demo19_escalation.py``; a test module
never imports another (``tests/architecture/test_test_modules.py``).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from models.db.store import Store
from tests.helpers import freeze


def demo(db: Path) -> int:
    """Make the demo in ``db`` (``ensure_demo``, as the command does), its clock frozen."""
    workshops = importlib.import_module("tui.cli.workshops")
    with Store(db, who="tester") as store:
        wid, created = workshops.ensure_demo(store)
        assert created
        freeze(store, wid)
    return int(wid)
