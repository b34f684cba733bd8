"""``journeymap tracker --owner "(unassigned)"`` lists the pile nobody owns yet.

Why: the tracker groups that pile under "(unassigned)", and the Tracker step's owner
pick (``u``) offers it by that name; the CLI answered "No tracked items for
(unassigned)." for a map with unowned cards, so the two disagreed about the same pile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.vocab import TODAY_ENV
from tests.cli.cli_runs import run
from tests.helpers import TODAY, outputs_workshop


def test_the_unassigned_pile_is_an_owner_on_the_cli_too(db_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())
    with Store(db_path) as store:
        wid = outputs_workshop(store)
    shown = run(db_path, "tracker", str(wid), "--owner", "(unassigned)", "--sort", "due")
    assert shown.exit_code == 0, shown.output
    assert "No tracked items" not in shown.stdout
    assert "unassigned" in shown.stdout and "Priya" not in shown.stdout
