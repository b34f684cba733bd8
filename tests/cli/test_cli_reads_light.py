"""The read-only commands read a map as the exports do: without SQLModel or SQLAlchemy.

Why: on a 10,000-touchpoint map ``show``, ``cards``, ``tracker``, ``plan`` and ``report``
spent 2-3 s of CPU each building ORM objects for rows they only print.  The light read
(``tui.cli.export.read_map``) gives them the same ``Journey``; the store is only for
what the light read cannot vouch for, and for writing (a plan saved the first time).
Counted in a fresh process (``console_probe.run_cli``): in-process, pytest has already
imported the ORM.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.console_probe import run_cli

READS = (("show",), ("cards",), ("tracker",), ("plan",), ("report", "--month", "2024-03"))


@pytest.mark.parametrize("command", READS, ids=lambda c: c[0])
def test_a_read_only_command_imports_no_orm(workshop: tuple[Path, int],
                                            command: tuple[str, ...]) -> None:
    db, wid = workshop
    tasks = sqlite3.connect(db).execute("SELECT count(*) FROM plantask").fetchone()[0]
    assert tasks > 0  # a saved plan: `plan` only reads it
    done = run_cli(db, command[0], str(wid), *command[1:])
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.strip()
    assert b"HEAVY []" in done.stderr, done.stderr.decode()[-300:]


def test_the_tracker_of_every_live_workshop_imports_no_orm(
        workshop: tuple[Path, int]) -> None:
    db, _wid = workshop
    done = run_cli(db, "tracker")
    assert done.returncode == 0, done.stderr.decode()
    assert b"HEAVY []" in done.stderr, done.stderr.decode()[-300:]
