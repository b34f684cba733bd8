"""A command that only reads leaves the database's folder exactly as it found it.

An observer "writes nowhere" (docs/security.md): yet ``list`` or ``show`` on a
file no editor had open left ``NAME-wal`` and ``NAME-shm`` beside it (QA
session 8), because SQLite creates them to read a WAL-mode file and a
read-only connection may not remove them.  Each read-only command runs as a
person runs it (its own process, so its exit closes what it opened), and the
folder's listing, sizes and modification times are compared before and after.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard
from models.rules.plan import regenerate_plan
from tests.helpers import build_workshop

ROOT = Path(__file__).resolve().parents[2]

READ_ONLY = [("list",), ("show", "{w}"), ("cards", "{w}"), ("tracker",), ("plan", "{w}"),
             ("report", "{w}"), ("log", "{w}"), ("who", "{w}"), ("escalation", "{w}"),
             ("export", "{w}"), ("export", "{w}", "-f", "json"), ("export", "{w}", "-f", "csv"),
             ("export", "{w}", "-f", "ics"), ("tickets", "show", "{w}"),
             ("card-effect", "{w}", "{c}")]


def folder(path: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in path.iterdir()}


@pytest.fixture
def closed_file(tmp_path: Path) -> tuple[Path, int, int]:
    """A database with a saved plan, closed by its editor (so only the file is left)."""
    db = tmp_path / "box" / "team.db"
    db.parent.mkdir()
    with Store(db, who="lead") as store:
        wid = build_workshop(store)
        pain = store.load(wid).pain_points[0]
        card = store.add(HypothesisCard(pain_point_id=pain.id, experiment="status line",
                                        owner="Ana")).id
        regenerate_plan(store, wid)
    assert sorted(p.name for p in db.parent.iterdir()) == ["team.db"]
    return db, wid, int(card or 0)


@pytest.mark.parametrize("args", READ_ONLY, ids=lambda a: "-".join(a).replace("{", "")
                         .replace("}", ""))
def test_a_read_only_command_leaves_the_folder_as_it_found_it(
        closed_file: tuple[Path, int, int], args: tuple[str, ...]) -> None:
    db, wid, card = closed_file
    before = folder(db.parent)
    command = [a.format(w=wid, c=card) for a in args]
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), *command],
                          capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**os.environ, "JOURNEYMAP_USER": "lead"})
    # a read refused in one sentence (no ticket data yet) must leave no trace either
    refused = command[:2] == ["tickets", "show"]
    assert done.returncode == (1 if refused else 0), done.stderr
    assert folder(db.parent) == before
