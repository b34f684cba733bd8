"""The shipped login-lockout template as a frozen workshop, for the screens' tests.

A module of its own (not a test module) so that every test that needs the realistic
map imports it from here: test modules never import each other.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.export.templates import create_from_template
from tests.helpers import freeze


def template_workshop(db: Path) -> int:
    """A realistic workshop: the shipped login-lockout template, frozen.

    No fallback: a template that fails to load fails here with its own error,
    not later as a snapshot of other data.
    """
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout", start_date="2026-03-02")
        freeze(store, wid)
        return wid
