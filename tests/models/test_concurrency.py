"""Two processes editing one file at once: no "database is locked", nothing lost.

Each worker is a separate Python process with its own Store (own engine, own
connections), as two SSH sessions would be.  They start together on a barrier and
interleave adds and updates; afterwards every row and every value is checked.
"""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest
from sqlmodel import select

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Workshop

EDITS = 300  # per process

pytestmark = pytest.mark.both_engines


def _worker(path: str, workshop_id: int, tag: str, barrier: object, errors: object) -> None:
    """Alternate: add a pain point, then update the one just added (EDITS edits in all)."""
    try:
        store = Store(path, who=tag)
        barrier.wait()  # type: ignore[attr-defined]
        last = 0
        for i in range(EDITS):
            if i % 2 == 0:
                pain = store.add(PainPoint(workshop_id=workshop_id, description=f"{tag}-{i}",
                                           ticket_volume=i))
                last = int(pain.id or 0)
            else:
                store.update(PainPoint, last, votes=i, description=f"{tag}-{i - 1} edited")
        store.close()
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
        errors.put(f"{tag}: {type(exc).__name__}: {exc}")  # type: ignore[attr-defined]
        raise


def test_two_processes_writing_300_edits_each_lose_nothing(db_path: Path) -> None:
    store = Store(db_path, who="setup")
    wid = int(store.create_workshop(title="race").id or 0)
    store.close()

    ctx = mp.get_context("spawn")  # a fresh interpreter each, like a second terminal
    barrier = ctx.Barrier(2)
    errors = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(str(db_path), wid, tag, barrier, errors))
             for tag in ("left", "right")]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert problems == []
    assert [p.exitcode for p in procs] == [0, 0]

    store = Store(db_path)
    with store.read() as s:
        pains = list(s.exec(select(PainPoint).where(PainPoint.workshop_id == wid)))
        logs = list(s.exec(select(ChangeLog).where(ChangeLog.workshop_id == wid)))
    for tag in ("left", "right"):
        mine = {p.description: p for p in pains if p.description.startswith(tag)}
        assert len(mine) == EDITS // 2
        for i in range(0, EDITS, 2):
            pain = mine[f"{tag}-{i} edited"]
            assert (pain.ticket_volume, pain.votes) == (i, i + 1)
        # every edit is attributed: one create per add, two field updates per update
        who = [c for c in logs if c.who == tag]
        assert sum(c.action == "create" for c in who) == EDITS // 2
        assert sum(c.action == "update" for c in who) == EDITS
    assert len(pains) == EDITS
    assert store.get_workshop(wid).updated_at > store.get_workshop(wid).created_at
    with store.read() as s:
        assert s.get(Workshop, wid) is not None
    store.close()
