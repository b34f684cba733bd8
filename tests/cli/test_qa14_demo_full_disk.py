"""QA session 12: ``journeymap demo`` on a full disk left a half-made demo.

Seen on a real full tmpfs: ``demo`` refused in one sentence but left workshop 1 with
its stages and no demo marker, so once space was freed the next ``demo`` made a second
demo beside the broken one.  ``ensure_demo`` writes in several transactions (the
workshop, then each step of ``complete_demo``, then the marker).  The disk can fill at
any of them; here SQLite's ``SQLITE_FULL`` ("database or disk is full") is raised at
the first write after each commit in turn.  Whatever the point, the next run after
space was freed gives one workshop, the whole demo.
"""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from models.db.schema import StoreError
from models.db.store import Store

workshops = importlib.import_module("tui.cli.workshops")
WRITES = ("INSERT", "UPDATE", "DELETE")


def what_the_demo_holds(store: Store, wid: int) -> tuple[Any, ...]:
    """The parts a half-made demo lacks: pain points, card owners, the plan, the marker."""
    journey = store.load(wid)
    return (journey.workshop.title, journey.workshop.start_date,
            len(journey.stages), len(journey.pain_points),
            sorted((c.owner, str(c.deadline)) for c in journey.cards),
            sorted(t.key for t in journey.plan_tasks), workshops.find_demo(store))


def full_after(store: Store, commits: int) -> Any:
    """A hook on the store's engine: the disk is full from the first write after
    ``commits`` transactions were committed."""
    seen = {"commits": 0}

    def count(_conn: Any) -> None:
        seen["commits"] += 1

    def refuse(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if seen["commits"] >= commits and statement.lstrip().split()[0].upper() in WRITES:
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(store.engine, "commit", count)
    event.listen(store.engine, "before_cursor_execute", refuse)
    return lambda: (event.remove(store.engine, "commit", count),
                    event.remove(store.engine, "before_cursor_execute", refuse))


def transactions_of_a_demo(tmp_path: Path) -> tuple[int, tuple[Any, ...]]:
    seen = {"commits": 0}

    def count(_conn: Any) -> None:
        seen["commits"] += 1

    with Store(tmp_path / "whole.db", who="lea") as store:
        event.listen(store.engine, "commit", count)
        wid, created = workshops.ensure_demo(store)
        event.remove(store.engine, "commit", count)
        assert created
        return seen["commits"], what_the_demo_holds(store, wid)


def test_a_demo_cut_by_a_full_disk_is_whole_after_the_next_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-02")  # the same dates in every run
    commits, whole = transactions_of_a_demo(tmp_path)
    assert commits > 3 and whole[3] > 0 and whole[-1] is not None
    for cut in range(commits):
        db = tmp_path / f"cut{cut}.db"
        with Store(db, who="lea") as store:
            healed = full_after(store, cut)
            with pytest.raises(StoreError, match="is full"):
                workshops.ensure_demo(store)
            healed()
            wid, _created = workshops.ensure_demo(store)
            assert [w.id for w in store.list_workshops()] == [wid], f"cut after {cut}"
            assert what_the_demo_holds(store, wid) == whole, f"cut after {cut}"
            assert workshops.ensure_demo(store) == (wid, False)
